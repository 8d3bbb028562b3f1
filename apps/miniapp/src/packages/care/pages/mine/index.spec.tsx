import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, claimView, meView } from '../../../../../test/fixtures';
import { fakeApi } from '../../../../../test/fake-api';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import MyClaimsPage from '.';

describe('MyClaimsPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('lists claims with their status and opens one', async () => {
    fakeApi({
      'GET /care/claims/mine': {
        statusCode: 200,
        data: [
          claimView(),
          claimView({ claimId: 40, benefit: { id: 12, title: '夏送清凉', kind: 'pack' }, status: 'redeemed', redeemedAt: '2026-11-20T06:30:00Z' }),
          claimView({ claimId: 39, benefit: { id: 13, title: '会员免费体检', kind: 'service' }, status: 'expired' }),
        ],
      },
    });
    render(<MyClaimsPage />);

    expect(await screen.findByText('暖新礼包')).toBeInTheDocument();
    expect(screen.getByText('待领取')).toBeInTheDocument();
    expect(screen.getByText('请于 2027年1月8日 23:59 前领取')).toBeInTheDocument();
    expect(screen.getByText('已领取')).toBeInTheDocument();
    expect(screen.getByText('领取时间：2026年11月20日 14:30')).toBeInTheDocument();
    expect(screen.getByText('已过期')).toBeInTheDocument();

    fireEvent.click(screen.getByText('夏送清凉'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.careClaim, { id: 40 }) });
  });

  it('says so when there are none', async () => {
    fakeApi({ 'GET /care/claims/mine': { statusCode: 200, data: [] } });
    render(<MyClaimsPage />);

    expect(await screen.findByText('还没有领取记录')).toBeInTheDocument();
    fireEvent.click(screen.getByText('去看看可领取的关爱'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: ROUTES.care });
  });
});
