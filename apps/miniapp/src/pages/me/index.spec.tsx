import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../test/fixtures';
import { callsOf, fakeApi } from '../../../test/fake-api';
import { ROUTES } from '../../routes';
import { getCurrentUser } from '../../services/session';
import { loadTokens, saveTokens } from '../../services/tokens';
import MePage from '.';

const member = meView({
  consentRequired: false,
  realName: '孙磊',
  phone: '139****5678',
  category: 'delivery_rider',
  org: { id: 9, name: '京口区外卖骑手工会', kind: 'new_employment' },
  membership: 'member',
  memberNo: 'JK2026000123',
});

const noUnread = { statusCode: 200, data: { items: [], total: 0, unread: 0, page: 1, pageSize: 1 } };

describe('MePage', () => {
  beforeEach(() => saveTokens(authResult(member)));

  it('shows who the worker is: name, masked phone, org, category and membership', async () => {
    fakeApi({ 'GET /me': { statusCode: 200, data: member } });
    render(<MePage />);

    expect(await screen.findByText('孙磊')).toBeInTheDocument();
    expect(screen.getByText('139****5678')).toBeInTheDocument();
    expect(screen.getByText('京口区外卖骑手工会')).toBeInTheDocument();
    expect(screen.getByText('外卖骑手')).toBeInTheDocument();
    expect(screen.getByText('工会会员（JK2026000123）')).toBeInTheDocument();

    fireEvent.click(screen.getByText('隐私政策'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.consent });
  });

  it('logs out: revokes the refresh token, forgets the session and returns to login', async () => {
    const seen = fakeApi({
      'GET /me': { statusCode: 200, data: member },
      'GET /notifications': noUnread,
      'POST /auth/logout': { statusCode: 204 },
    });
    render(<MePage />);

    fireEvent.click(await screen.findByText('退出登录'));

    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.login }));
    const logoutCall = seen.find((call) => call.path === '/auth/logout');
    expect(callsOf(seen).filter((call) => !call.startsWith('GET /notifications'))).toEqual(['GET /me', 'POST /auth/logout']);
    expect(logoutCall?.body).toEqual({ refreshToken: authResult(member).refreshToken });
    expect(loadTokens()).toBeNull();
    expect(getCurrentUser()).toBeNull();
  });

  it('shows the unread count on 消息 and opens the notifications', async () => {
    const seen = fakeApi({
      'GET /me': { statusCode: 200, data: member },
      'GET /notifications': { statusCode: 200, data: { ...noUnread.data, total: 5, unread: 3 } },
    });
    const { container } = render(<MePage />);

    await waitFor(() => expect(container.querySelector('.me__badge')).toHaveTextContent('3'));
    expect(callsOf(seen)).toContain('GET /notifications?page=1&pageSize=1');

    fireEvent.click(screen.getByText('消息'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.notifications });
  });

  it('shows no badge, and no toast, when the count cannot be had', async () => {
    fakeApi({
      'GET /me': { statusCode: 200, data: member },
      'GET /notifications': { statusCode: 500, data: { code: 'INTERNAL_ERROR', message: '服务器开小差了，请稍后再试' } },
    });
    const { container } = render(<MePage />);

    expect(await screen.findByText('孙磊')).toBeInTheDocument();
    await waitFor(() => expect(Taro.request).toHaveBeenCalledTimes(2));
    expect(container.querySelector('.me__badge')).toBeNull();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('offers 会员证 to a member and 加入工会 to everyone else', async () => {
    fakeApi({ 'GET /me': { statusCode: 200, data: member }, 'GET /notifications': noUnread });
    const { unmount } = render(<MePage />);

    fireEvent.click(await screen.findByText('会员证'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.memberCard });
    expect(screen.queryByText('加入工会')).not.toBeInTheDocument();
    unmount();

    const newcomer = meView({ consentRequired: false, realName: '李娜' });
    fakeApi({ 'GET /me': { statusCode: 200, data: newcomer }, 'GET /notifications': noUnread });
    render(<MePage />);

    fireEvent.click(await screen.findByText('加入工会'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.membershipApply });
    expect(screen.queryByText('会员证')).not.toBeInTheDocument();
  });
});
