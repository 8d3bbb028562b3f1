import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../test/fixtures';
import { findInput } from '../../../../../test/dom';
import { fakeApi } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import { saveTokens } from '../../../../services/tokens';
import { signupView } from '../../events-fixtures';
import TicketPage from '.';

const ok = (data: unknown, statusCode = 200) => ({ statusCode, data });

describe('TicketPage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ id: '501' });
  });

  it('shows the QR and code of a held place, and cancels only after the worker confirms', async () => {
    const seen = fakeApi({
      'GET /events/signups/501': ok(signupView()),
      'DELETE /events/signups/501': ok(signupView({ status: 'cancelled', ticketCode: null, cancellable: false })),
    });
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    render(<TicketPage />);

    expect(await screen.findByText('H3KD8PQR2W')).toBeInTheDocument();
    expect(screen.getByText('到场后向工作人员出示二维码，或输入现场签到码')).toBeInTheDocument();
    expect(screen.getByAltText('电子票二维码，票码 H3KD8PQR2W').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);

    fireEvent.click(screen.getByText('取消报名'));
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(seen.some((call) => call.method === 'DELETE')).toBe(false);

    modal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    fireEvent.click(screen.getByText('取消报名'));
    expect(await screen.findByText('已取消')).toBeInTheDocument();
    expect(seen.filter((call) => call.method === 'DELETE')).toHaveLength(1);
    expect(screen.queryByText('H3KD8PQR2W')).not.toBeInTheDocument();
  });

  it('tells a lottery entrant holding a place that they won', async () => {
    const won = signupView();
    fakeApi({ 'GET /events/signups/501': ok({ ...won, event: { ...won.event, allocation: 'lottery' } }) });
    render(<TicketPage />);
    expect(await screen.findByText('已中签！到场后向工作人员出示二维码，或输入现场签到码')).toBeInTheDocument();
  });

  it('says so when the ticket is not the worker’s', async () => {
    fakeApi({});
    render(<TicketPage />);
    expect(await screen.findByText('报名记录不存在')).toBeInTheDocument();
  });

  it('confirms an offered place', async () => {
    const seen = fakeApi({
      'GET /events/signups/501': ok(signupView({ status: 'offered', ticketCode: null, offerExpiresAt: '2026-12-20T04:00:00Z' })),
      'POST /events/signups/501/confirm': ok(signupView()),
    });
    render(<TicketPage />);
    fireEvent.click(await screen.findByText('确认参加'));
    expect(await screen.findByText('H3KD8PQR2W')).toBeInTheDocument();
    expect(seen.filter((call) => call.path === '/events/signups/501/confirm')).toHaveLength(1);
  });

  it('sends the typed venue code for the ticket’s session and shows a refusal beside it', async () => {
    const seen = fakeApi({
      'GET /events/signups/501': ok(signupView()),
      'POST /events/checkins': { statusCode: 409, data: { code: 'CHECKIN_CODE_STALE', message: '签到码已过期，请扫描屏幕上的最新签到码' } },
    });
    const { container } = render(<TicketPage />);
    fireEvent.input(await findInput(container, '输入 6 位签到码'), { target: { value: '123456' } });
    fireEvent.click(screen.getByText('签到'));
    expect(await screen.findByText('签到码已过期，请扫描屏幕上的最新签到码')).toBeInTheDocument();
    expect(seen.find((call) => call.method === 'POST')?.body).toEqual({ sessionId: 301, venueCode: '123456' });
  });
});
