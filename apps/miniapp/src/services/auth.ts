import Taro from '@tarojs/taro';
import {
  ErrorCode,
  type AuthResult,
  type ConsoleCodeView,
  type DemoUserView,
  type DevLoginBody,
  type MeView,
  type RefreshBody,
  type WechatLoginBody,
} from '@jingcai/shared';
import { ApiError, request } from './request';
import { setCurrentUser } from './session';
import { clearTokens, loadTokens, saveTokens } from './tokens';

/**
 * WeChat builds log in with `wx.login`. H5 (local demo, browser journeys) has no WeChat and uses the
 * API's dev login, which exists only where the API enables it.
 */
export type LoginMethod = 'wechat' | 'dev';
export const loginMethod: LoginMethod = process.env.TARO_ENV === 'h5' ? 'dev' : 'wechat';

export function listDevUsers(): Promise<DemoUserView[]> {
  return request<DemoUserView[]>('/auth/dev/users', { auth: false });
}

export async function devLogin(openid: string): Promise<MeView> {
  const result = await request<AuthResult>('/auth/dev/login', {
    method: 'POST',
    body: { openid } satisfies DevLoginBody,
    auth: false,
  });
  return startSession(result);
}

export async function wechatLogin(): Promise<MeView> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    const error = new ApiError(0, ErrorCode.WechatUnavailable, '微信登录失败，请稍后重试');
    void Taro.showToast({ title: error.message, icon: 'none' });
    throw error;
  }
  const result = await request<AuthResult>('/auth/wechat/login', {
    method: 'POST',
    body: { code } satisfies WechatLoginBody,
    auth: false,
  });
  return startSession(result);
}

/** Revokes the refresh token on the API; the local session ends even if that call fails. */
export async function logout(): Promise<void> {
  const tokens = loadTokens();
  try {
    if (tokens) {
      await request<void>('/auth/logout', {
        method: 'POST',
        body: { refreshToken: tokens.refreshToken } satisfies RefreshBody,
        auth: false,
      });
    }
  } finally {
    clearTokens();
    setCurrentUser(null);
  }
}

function startSession(result: AuthResult): MeView {
  saveTokens(result);
  setCurrentUser(result.user);
  return result.user;
}

/** A one-time code (8 digits, 5 minutes) the staff member types into the web console to sign in there. */
export function issueConsoleCode(): Promise<ConsoleCodeView> {
  return request<ConsoleCodeView>('/auth/console-code', { method: 'POST' });
}
