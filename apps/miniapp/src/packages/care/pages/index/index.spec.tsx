import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, benefitView, meView } from '../../../../../test/fixtures';
import { fakeApi } from '../../../../../test/fake-api';
import { pageUrl, ROUTES } from '../../../../routes';
import { setCurrentUser } from '../../../../services/session';
import { saveTokens } from '../../../../services/tokens';
import CareIndexPage from '.';

const courier = meView({ consentRequired: false, realName: '赵强', category: 'courier', gigVerified: true });

const open = benefitView();
const notForMe = benefitView({
  id: 12,
  title: '会员免费体检',
  kind: 'service',
  eligible: false,
  ineligibleReason: '仅限工会会员领取',
});
const claimed = benefitView({ id: 13, title: '夏送清凉', activeClaimId: 41, claimsUsed: 1, remainingStock: 599, totalStock: 600 });

describe('CareIndexPage', () => {
  beforeEach(() => {
    saveTokens(authResult(courier));
    setCurrentUser(courier);
  });

  it('lists open benefits with kind, stock and closing day; 立即领取 opens the benefit', async () => {
    fakeApi({ 'GET /care/benefits': { statusCode: 200, data: [open] } });
    render(<CareIndexPage />);

    expect(await screen.findByText('暖新礼包')).toBeInTheDocument();
    expect(screen.getByText('礼包')).toBeInTheDocument();
    expect(screen.getByText('剩余 120/220 份 · 2026年12月24日 截止')).toBeInTheDocument();

    fireEvent.click(screen.getByText('立即领取'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.careBenefit, { id: open.id }) });
  });

  it('greys out a benefit the worker may not claim, says why, and offers no claim button', async () => {
    fakeApi({ 'GET /care/benefits': { statusCode: 200, data: [notForMe] } });
    const { container } = render(<CareIndexPage />);

    expect(await screen.findByText('仅限工会会员领取')).toBeInTheDocument();
    expect(container.querySelector('.care-benefit--ineligible')).toHaveTextContent('会员免费体检');
    expect(screen.queryByText('立即领取')).not.toBeInTheDocument();
    expect(screen.queryByText('查看领取码')).not.toBeInTheDocument();
  });

  it('offers 查看领取码 for a benefit already claimed, opening that claim', async () => {
    fakeApi({ 'GET /care/benefits': { statusCode: 200, data: [open, claimed] } });
    render(<CareIndexPage />);

    fireEvent.click(await screen.findByText('查看领取码'));

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.careClaim, { id: 41 }) });
    expect(screen.getAllByText('立即领取')).toHaveLength(1);
  });

  it('disables the button once the stock is gone or the limit is used up', async () => {
    fakeApi({
      'GET /care/benefits': {
        statusCode: 200,
        data: [benefitView({ remainingStock: 0 }), benefitView({ id: 14, title: '暖心券', kind: 'voucher', claimsUsed: 1 })],
      },
    });
    render(<CareIndexPage />);

    expect(await screen.findByText('已领完')).toBeInTheDocument();
    expect(screen.getByText('已领取')).toBeInTheDocument();
    expect(screen.queryByText('立即领取')).not.toBeInTheDocument();
  });

  it('links to 我的领取 and 服务站, and shows 核销 to station staff only', async () => {
    fakeApi({ 'GET /care/benefits': { statusCode: 200, data: [] } });
    const { unmount } = render(<CareIndexPage />);

    expect(await screen.findByText('暂时没有可领取的关爱活动')).toBeInTheDocument();
    expect(screen.queryByText('核销')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('我的领取'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.careMine });
    fireEvent.click(screen.getByText('服务站'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.careStations });
    unmount();

    setCurrentUser(meView({ consentRequired: false, roles: ['worker', 'staff'] }));
    render(<CareIndexPage />);
    fireEvent.click(await screen.findByText('核销'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: ROUTES.careRedeem });
  });

  it('shows an error with a retry when the list cannot be loaded', async () => {
    let attempts = 0;
    fakeApi({
      'GET /care/benefits': () => {
        attempts += 1;
        return attempts === 1
          ? { statusCode: 500, data: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试' } }
          : { statusCode: 200, data: [open] };
      },
    });
    render(<CareIndexPage />);

    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('暖新礼包')).toBeInTheDocument();
  });
});
