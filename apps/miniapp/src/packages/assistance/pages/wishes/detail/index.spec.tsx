import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../../test/fixtures';
import { fakeApi } from '../../../../../../test/fake-api';
import { openedWith } from '../../../../../../test/router';
import { ROUTES } from '../../../../../routes';
import { saveTokens } from '../../../../../services/tokens';
import { ok, refused } from '../../../../legal/legal-spec-helpers';
import { myWishView, wallItem } from '../../../assistance-fixtures';
import WishPage from '.';

const claims = (seen: ReturnType<typeof fakeApi>) => seen.filter((call) => call.method === 'POST');

describe('WishPage (微心愿)', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ id: '8' });
  });

  it('claims after the confirm and opens 我的心愿, where the hand-over place is', async () => {
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    const seen = fakeApi({ 'GET /assistance/wishes/8': ok(wallItem()), 'POST /assistance/wishes/8/claim': ok(myWishView(), 201) });
    render(<WishPage />);
    expect(await screen.findByText('120 元')).toBeInTheDocument();
    expect(screen.getByText(/张\* · 大市口街道工会/)).toBeInTheDocument();

    fireEvent.click(screen.getByText('我来认领'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: ROUTES.assistanceWishesMine }));
    expect(claims(seen)).toHaveLength(1);
  });

  it('claims nothing when the donor thinks again', async () => {
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    const seen = fakeApi({ 'GET /assistance/wishes/8': ok(wallItem()) });
    render(<WishPage />);
    fireEvent.click(await screen.findByText('我来认领'));

    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(claims(seen)).toEqual([]);
  });

  it('says so when the wish is no longer on the wall', async () => {
    fakeApi({ 'GET /assistance/wishes/8': refused(404, 'NOT_FOUND', '心愿不存在') });
    render(<WishPage />);
    expect(await screen.findByText('这个心愿已不在心愿墙上')).toBeInTheDocument();
    expect(screen.queryByText('我来认领')).toBeNull();
  });

  it('someone else was quicker: says so and shows the wish as 已认领, with nothing to claim', async () => {
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    let claimed = false;
    fakeApi({
      'GET /assistance/wishes/8': () => ok(wallItem(claimed ? { status: 'claimed', donorLabel: '爱心职工' } : {})),
      'POST /assistance/wishes/8/claim': () => {
        claimed = true;
        return refused(409, 'WISH_TAKEN', '手慢了，这个心愿已被其他爱心人士认领');
      },
    });
    render(<WishPage />);
    fireEvent.click(await screen.findByText('我来认领'));

    await waitFor(() =>
      expect(Taro.showToast).toHaveBeenCalledWith({ title: '手慢了，这个心愿已被其他爱心人士认领', icon: 'none' }),
    );
    expect(await screen.findByText('这个心愿已被认领，去看看其他心愿吧。')).toBeInTheDocument();
    expect(screen.queryByText('我来认领')).toBeNull();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});
