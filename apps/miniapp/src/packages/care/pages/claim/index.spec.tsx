import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode } from '@jingcai/shared';
import { authResult, claimView, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi, type FakeResponse } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import { saveTokens } from '../../../../services/tokens';
import ClaimPage from '.';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).buffer;
const ok = (data: unknown, statusCode = 200): FakeResponse => ({ statusCode, data });

/** An instant this far from now, as the API writes them. */
function fromNow(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

function modalAnswers(confirm: boolean) {
  return jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' });
}

describe('ClaimPage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ id: '41' });
  });

  it('shows the QR code from a data URI, the code as text, the station and the time left', async () => {
    // 2 days, 3 hours, 15 minutes and a bit: the countdown shows whole minutes.
    const expiresAt = fromNow(((2 * 24 + 3) * 60 + 15) * 60_000 + 40_000);
    const seen = fakeApi({
      'GET /care/claims/41': ok(claimView({ expiresAt })),
      'GET /care/claims/41/qrcode': ok(PNG),
    });
    const { container } = render(<ClaimPage />);

    expect(await screen.findByText('K7QH3M9P')).toBeInTheDocument();
    expect(screen.getByText('待领取')).toBeInTheDocument();
    expect(screen.getByText('剩余 2天3小时15分')).toBeInTheDocument();
    expect(screen.getByText('大市口户外劳动者服务站')).toBeInTheDocument();
    expect(screen.getByText('地址：中山东路 88 号')).toBeInTheDocument();
    expect(screen.getByText('开放时间：08:00-20:00')).toBeInTheDocument();
    await waitFor(() => expect(container.querySelector('.claim__qr')).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo='));
    expect(seen.find((call) => call.path.startsWith('/care/claims/41/qrcode'))).toMatchObject({
      path: '/care/claims/41/qrcode?platform=h5',
      authorization: 'Bearer access-1',
    });
  });

  it('says 已过期 once the pickup deadline has passed', async () => {
    fakeApi({ 'GET /care/claims/41': ok(claimView({ expiresAt: fromNow(-60_000) })), 'GET /care/claims/41/qrcode': ok(PNG) });
    render(<ClaimPage />);

    expect(await screen.findByText('已过期')).toBeInTheDocument();
  });

  it('still shows the code when the QR image cannot be had, and offers to try again', async () => {
    let attempts = 0;
    fakeApi({
      'GET /care/claims/41': ok(claimView()),
      'GET /care/claims/41/qrcode': () => {
        attempts += 1;
        return attempts === 1 ? { statusCode: 503, data: { code: ErrorCode.WechatUnavailable, message: '微信服务暂时不可用' } } : ok(PNG);
      },
    });
    const { container } = render(<ClaimPage />);

    fireEvent.click(await screen.findByText('重新加载'));

    expect(screen.getByText('K7QH3M9P')).toBeInTheDocument();
    await waitFor(() => expect(container.querySelector('.claim__qr')).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo='));
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('asks before cancelling, then cancels with DELETE and shows 已取消', async () => {
    const modal = modalAnswers(true);
    const seen = fakeApi({
      'GET /care/claims/41': ok(claimView()),
      'GET /care/claims/41/qrcode': ok(PNG),
      'DELETE /care/claims/41': ok(claimView({ status: 'cancelled' })),
    });
    render(<ClaimPage />);

    fireEvent.click(await screen.findByText('取消领取'));

    expect(await screen.findByText('已取消')).toBeInTheDocument();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消领取' }));
    expect(callsOf(seen)).toContain('DELETE /care/claims/41');
    expect(screen.queryByText('K7QH3M9P')).not.toBeInTheDocument();
    expect(screen.queryByText('取消领取')).not.toBeInTheDocument();
  });

  it('keeps the claim when the worker thinks again', async () => {
    const modal = modalAnswers(false);
    const seen = fakeApi({ 'GET /care/claims/41': ok(claimView()), 'GET /care/claims/41/qrcode': ok(PNG) });
    render(<ClaimPage />);

    fireEvent.click(await screen.findByText('取消领取'));

    await waitFor(() => expect(modal).toHaveBeenCalled());
    expect(callsOf(seen)).not.toContain('DELETE /care/claims/41');
    expect(screen.getByText('待领取')).toBeInTheDocument();
  });

  it('shows 已领取 with the time once redeemed, and neither the QR code nor a cancel button', async () => {
    const seen = fakeApi({
      'GET /care/claims/41': ok(claimView({ status: 'redeemed', redeemedAt: '2026-11-24T06:30:00Z' })),
    });
    render(<ClaimPage />);

    expect(await screen.findByText('已领取')).toBeInTheDocument();
    expect(screen.getByText('领取时间：2026年11月24日 14:30')).toBeInTheDocument();
    expect(screen.queryByText('取消领取')).not.toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /care/claims/41']);
  });

  it('shows the address when 导航 is tapped in a browser', async () => {
    const modal = modalAnswers(true);
    fakeApi({ 'GET /care/claims/41': ok(claimView()), 'GET /care/claims/41/qrcode': ok(PNG) });
    render(<ClaimPage />);

    fireEvent.click(await screen.findByText('导航'));

    await waitFor(() =>
      expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '大市口户外劳动者服务站', content: expect.stringContaining('中山东路 88 号') })),
    );
  });
});
