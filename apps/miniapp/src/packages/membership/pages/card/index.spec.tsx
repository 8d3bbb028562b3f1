import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode, type MemberCardView } from '@jingcai/shared';
import { authResult, meView, RIDERS_UNION } from '../../../../../test/fixtures';
import { fakeApi } from '../../../../../test/fake-api';
import { ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import MemberCardPage from '.';

const card: MemberCardView = {
  realName: '孙磊',
  org: { id: RIDERS_UNION.id, name: RIDERS_UNION.name, kind: RIDERS_UNION.kind },
  memberNo: 'JK2026000123',
  category: 'delivery_rider',
  gigVerified: true,
  // 17:30 UTC on the 23rd is already the 24th in Shanghai.
  joinedAt: '2026-11-23T17:30:00Z',
};

describe('MemberCardPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('shows name, org, member number, category, the Shanghai join date and the gig verification', async () => {
    fakeApi({ 'GET /membership/card': { statusCode: 200, data: card } });
    render(<MemberCardPage />);

    expect(await screen.findByText('孙磊')).toBeInTheDocument();
    expect(screen.getByText(RIDERS_UNION.name)).toBeInTheDocument();
    expect(screen.getByText('JK2026000123')).toBeInTheDocument();
    expect(screen.getByText('外卖骑手')).toBeInTheDocument();
    expect(screen.getByText('2026年11月24日')).toBeInTheDocument();
    expect(screen.getByText('已认证')).toBeInTheDocument();
  });

  it('shows no verification badge for a worker who is not a verified gig worker', async () => {
    fakeApi({ 'GET /membership/card': { statusCode: 200, data: { ...card, category: 'regular', gigVerified: false } } });
    render(<MemberCardPage />);

    expect(await screen.findByText('企业职工')).toBeInTheDocument();
    expect(screen.queryByText('已认证')).not.toBeInTheDocument();
  });

  it('tells a worker who is not a member so, without an error toast, and leads to the application', async () => {
    fakeApi({ 'GET /membership/card': { statusCode: 404, data: { code: ErrorCode.NotFound, message: '内容不存在或已删除' } } });
    render(<MemberCardPage />);

    expect(await screen.findByText('你还不是工会会员')).toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('申请入会'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: ROUTES.membershipApply });
  });

  it('offers a retry when the card cannot be loaded', async () => {
    let attempts = 0;
    fakeApi({
      'GET /membership/card': () => {
        attempts += 1;
        return attempts === 1
          ? { statusCode: 500, data: { code: ErrorCode.Internal, message: '服务器开小差了，请稍后再试' } }
          : { statusCode: 200, data: card };
      },
    });
    render(<MemberCardPage />);

    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('JK2026000123')).toBeInTheDocument();
  });
});
