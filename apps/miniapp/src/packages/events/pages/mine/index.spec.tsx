import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../test/fixtures';
import { fakeApi } from '../../../../../test/fake-api';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import { page, signupView } from '../../events-fixtures';
import MySignupsPage from '.';

describe('MySignupsPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('lists tickets with where each stands — a place, a waitlist position, an offer to confirm — and opens one', async () => {
    const offerEnds = '2026-12-20T04:00:00Z';
    fakeApi({
      'GET /events/signups/mine': {
        statusCode: 200,
        data: page([
          signupView(),
          signupView({ id: 502, event: { ...signupView().event, id: 22, title: '暖新一夏爱心暑托班' }, status: 'waitlisted', ticketCode: null, waitlistPosition: 3 }),
          signupView({ id: 503, event: { ...signupView().event, id: 23, title: '劳模疗休养' }, status: 'offered', ticketCode: null, offerExpiresAt: offerEnds }),
        ]),
      },
    });
    render(<MySignupsPage />);

    expect(await screen.findByText('职工免费体检')).toBeInTheDocument();
    expect(screen.getByText('报名成功')).toBeInTheDocument();
    expect(screen.getByText('候补中')).toBeInTheDocument();
    expect(screen.getByText('候补第 3 位，有人取消时按顺序递补')).toBeInTheDocument();
    expect(screen.getByText('候补递补，待确认')).toBeInTheDocument();
    expect(screen.getByText('请于 2026年12月20日 12:00 前确认，逾期名额将递补给下一位')).toBeInTheDocument();

    fireEvent.click(screen.getByText('暖新一夏爱心暑托班'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.eventsTicket, { id: 502 }) });
  });

  it('says so when there are none, and points to the events', async () => {
    fakeApi({ 'GET /events/signups/mine': { statusCode: 200, data: page([]) } });
    render(<MySignupsPage />);

    expect(await screen.findByText('还没有报名记录')).toBeInTheDocument();
    fireEvent.click(screen.getByText('去看看可报名的活动'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: ROUTES.events });
  });

  it('offers a retry when the list cannot load', async () => {
    fakeApi({ 'GET /events/signups/mine': { statusCode: 500, data: { code: 'INTERNAL_ERROR', message: '服务器开小差了' } } });
    render(<MySignupsPage />);
    expect(await screen.findByText('重试')).toBeInTheDocument();
  });
});
