import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ErrorCode } from '@jingcai/shared';
import { authResult, meView } from '../../../test/fixtures';
import { findInput } from '../../../test/dom';
import { callsOf, fakeApi } from '../../../test/fake-api';
import { ROUTES } from '../../routes';
import { getCurrentUser } from '../../services/session';
import { loadTokens } from '../../services/tokens';
import LoginPage from '.';

const DEMO_USERS = [
  { openid: 'demo-worker', label: '职工 张伟（京彩科技）' },
  { openid: 'demo-rider', label: '外卖骑手 孙磊' },
];

describe('LoginPage (H5 dev login)', () => {
  it('lists the demo users and logs in as the one tapped', async () => {
    const returning = meView({ realName: '张伟', category: 'regular', consentRequired: false });
    const seen = fakeApi({
      'GET /auth/dev/users': { statusCode: 200, data: DEMO_USERS },
      'POST /auth/dev/login': { statusCode: 200, data: authResult(returning) },
    });
    render(<LoginPage />);

    fireEvent.click(await screen.findByText('职工 张伟（京彩科技）'));

    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: ROUTES.home }));
    expect(screen.getByText('外卖骑手 孙磊')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /auth/dev/users', 'POST /auth/dev/login']);
    expect(seen[1].body).toEqual({ openid: 'demo-worker' });
    expect(loadTokens()?.accessToken).toBe('access-1');
    expect(getCurrentUser()?.realName).toBe('张伟');
  });

  it('logs in a brand-new worker by a typed openid and asks for consent first', async () => {
    const seen = fakeApi({
      'GET /auth/dev/users': { statusCode: 200, data: DEMO_USERS },
      'POST /auth/dev/login': { statusCode: 200, data: authResult(meView()) },
    });
    const { container } = render(<LoginPage />);
    await screen.findByText('外卖骑手 孙磊');

    fireEvent.input(await findInput(container, '输入任意 openid'), { target: { value: '  journey-1  ' } });
    fireEvent.click(screen.getByText('登录'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: ROUTES.consent }));
    expect(seen[1].body).toEqual({ openid: 'journey-1' });
  });

  it('says so when the API offers no demo users', async () => {
    fakeApi({ 'GET /auth/dev/users': { statusCode: 200, data: [] } });
    render(<LoginPage />);

    expect(await screen.findByText('暂无演示账号')).toBeInTheDocument();
  });

  it('shows an error with a retry when dev login is off', async () => {
    let attempts = 0;
    fakeApi({
      'GET /auth/dev/users': () => {
        attempts += 1;
        return attempts === 1
          ? { statusCode: 404, data: { code: ErrorCode.NotFound, message: '内容不存在或已删除' } }
          : { statusCode: 200, data: DEMO_USERS };
      },
    });
    render(<LoginPage />);

    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('外卖骑手 孙磊')).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '内容不存在或已删除', icon: 'none' });
  });
});
