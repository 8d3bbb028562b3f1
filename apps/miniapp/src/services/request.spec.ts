import Taro from '@tarojs/taro';
import { ErrorCode } from '@jingcai/shared';
import { authResult, meView } from '../../test/fixtures';
import { callsOf, fakeApi, type SeenRequest } from '../../test/fake-api';
import { ROUTES } from '../routes';
import { ApiError, NETWORK_ERROR, request } from './request';
import { getCurrentUser } from './session';
import { loadTokens, saveTokens } from './tokens';

const expired = { statusCode: 401, data: { code: ErrorCode.TokenExpired, message: '登录已过期，请重新登录' } };
const renewed = authResult(meView({ realName: '张伟', consentRequired: false }), 'renewed');

/** GET /me answers 401 to the old token and 200 to the renewed one, like the API after a rotation. */
function meByToken(request: SeenRequest) {
  return request.authorization === `Bearer ${renewed.accessToken}`
    ? { statusCode: 200, data: renewed.user }
    : expired;
}

describe(request.name, () => {
  beforeEach(() => saveTokens(authResult(meView(), 'old')));

  it('sends the access token and returns the body', async () => {
    const seen = fakeApi({ 'GET /me': { statusCode: 200, data: meView({ realName: '张伟' }) } });

    await expect(request('/me')).resolves.toMatchObject({ realName: '张伟' });
    expect(seen[0].authorization).toBe('Bearer access-old');
  });

  it('renews an expired token once, then retries with the new one', async () => {
    const seen = fakeApi({
      'GET /me': meByToken,
      'POST /auth/refresh': { statusCode: 200, data: renewed },
    });

    await expect(request('/me')).resolves.toMatchObject({ realName: '张伟' });

    expect(callsOf(seen)).toEqual(['GET /me', 'POST /auth/refresh', 'GET /me']);
    expect(seen[1].body).toEqual({ refreshToken: 'refresh-old-0123456789abcdef' });
    expect(seen[1].authorization).toBeUndefined();
    expect(loadTokens()).toEqual({ accessToken: renewed.accessToken, refreshToken: renewed.refreshToken });
    expect(getCurrentUser()).toEqual(renewed.user);
  });

  it('lets concurrent 401s share one renewal', async () => {
    let refreshes = 0;
    const seen = fakeApi({
      'GET /me': meByToken,
      'POST /auth/refresh': async () => {
        refreshes += 1;
        // Keep the renewal in flight while the other requests get their 401s.
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { statusCode: 200, data: renewed };
      },
    });

    const results = await Promise.all([request('/me'), request('/me'), request('/me')]);

    expect(results).toHaveLength(3);
    expect(refreshes).toBe(1);
    expect(callsOf(seen).filter((call) => call === 'GET /me')).toHaveLength(6);
  });

  it('retries without renewing again when a 401 arrives after another request renewed', async () => {
    let refreshes = 0;
    const seen = fakeApi({
      'GET /me': meByToken,
      'GET /orgs/tree': async (request) => {
        if (request.authorization === `Bearer ${renewed.accessToken}`) return { statusCode: 200, data: [] };
        // This 401 is sent with the old token but lands after GET /me has renewed the session.
        await new Promise((resolve) => setTimeout(resolve, 30));
        return expired;
      },
      'POST /auth/refresh': () => {
        refreshes += 1;
        return { statusCode: 200, data: renewed };
      },
    });

    await Promise.all([request('/me'), request('/orgs/tree')]);

    expect(refreshes).toBe(1);
    expect(seen.filter((call) => call.path === '/orgs/tree').map((call) => call.authorization)).toEqual([
      'Bearer access-old',
      `Bearer ${renewed.accessToken}`,
    ]);
  });

  it('keeps the session when the renewal meets a busy API, and says why', async () => {
    fakeApi({
      'GET /me': expired,
      'POST /auth/refresh': { statusCode: 429, data: { code: ErrorCode.RateLimited, message: '操作太频繁，请稍后再试' } },
    });

    await expect(request('/me')).rejects.toMatchObject({ status: 429, code: ErrorCode.RateLimited });

    expect(loadTokens()).not.toBeNull();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '操作太频繁，请稍后再试', icon: 'none' });
  });

  it('ends the session and goes to login when the refresh token is refused too', async () => {
    fakeApi({
      'GET /me': expired,
      'POST /auth/refresh': { statusCode: 401, data: { code: ErrorCode.RefreshTokenInvalid, message: '登录状态已失效，请重新登录' } },
    });

    await expect(request('/me')).rejects.toMatchObject({ status: 401, code: ErrorCode.TokenExpired });

    expect(loadTokens()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.login });
  });

  it('does not renew on other 401 codes or on 403', async () => {
    const seen = fakeApi({
      'PATCH /me': { statusCode: 403, data: { code: ErrorCode.ConsentRequired, message: '请先阅读并同意隐私政策' } },
    });

    await expect(request('/me', { method: 'PATCH', body: { realName: '张伟' } })).rejects.toMatchObject({
      code: ErrorCode.ConsentRequired,
    });
    expect(callsOf(seen)).toEqual(['PATCH /me']);
  });

  it('turns the error envelope into an ApiError and shows its message', async () => {
    fakeApi({
      'GET /orgs': {
        statusCode: 400,
        data: { code: ErrorCode.ValidationFailed, message: '提交的信息有误，请检查后重试', details: [{ field: 'q', message: '太长' }] },
      },
    });

    const error: unknown = await request('/orgs', { query: { q: 'x'.repeat(200) } }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: ErrorCode.ValidationFailed,
      message: '提交的信息有误，请检查后重试',
      details: [{ field: 'q', message: '太长' }],
    });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '提交的信息有误，请检查后重试', icon: 'none' });
  });

  it('reports a body that is not an envelope as a server error', async () => {
    fakeApi({ 'GET /me': { statusCode: 502, data: '<html>Bad Gateway</html>' } });

    await expect(request('/me')).rejects.toMatchObject({ status: 502, code: ErrorCode.Internal });
  });

  it('reports a failed connection as a network error', async () => {
    jest.spyOn(Taro, 'request').mockRejectedValue(new Error('request:fail'));

    await expect(request('/me')).rejects.toMatchObject({ code: NETWORK_ERROR });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络连接失败，请检查网络后重试', icon: 'none' });
  });

  it('goes to login without calling the API when there is no session', async () => {
    Taro.clearStorageSync();
    const seen = fakeApi({});

    await expect(request('/me')).rejects.toMatchObject({ code: ErrorCode.Unauthenticated });
    expect(seen).toHaveLength(0);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: ROUTES.login });
  });

  it('sends PATCH as POST with X-HTTP-Method-Override on WeChat, whose wx.request has no PATCH', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      const seen = fakeApi({ 'POST /me': { statusCode: 200, data: meView() } });

      await request('/me', { method: 'PATCH', body: { realName: '张伟' } });

      expect(seen[0]).toMatchObject({ method: 'POST', body: { realName: '张伟' } });
      expect(seen[0].header['X-HTTP-Method-Override']).toBe('PATCH');
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });

  it('puts defined query parameters in the URL', async () => {
    const seen = fakeApi({ 'GET /orgs': { statusCode: 200, data: { items: [], total: 0, page: 1, pageSize: 20 } } });

    await request('/orgs', { query: { q: '大市口', parentId: undefined, pageSize: 20 } });

    expect(seen[0].path).toBe(`/orgs?q=${encodeURIComponent('大市口')}&pageSize=20`);
  });

  it('sends {} as the JSON body of a bodiless DELETE or POST (an empty JSON body is refused), and none with a GET', async () => {
    const seen = fakeApi({
      'DELETE /care/claims/41': { statusCode: 200, data: {} },
      'POST /auth/logout': { statusCode: 204 },
      'GET /me': { statusCode: 200, data: meView() },
    });

    await request('/care/claims/41', { method: 'DELETE' });
    await request('/auth/logout', { method: 'POST', auth: false });
    await request('/me');

    expect(seen.map((call) => call.body)).toEqual([{}, {}, undefined]);
  });
});

describe('request() with quiet', () => {
  beforeEach(() => saveTokens(authResult(meView(), 'old')));

  it('shows no toast for the error codes the caller handles itself, and still throws', async () => {
    fakeApi({ 'GET /membership/card': { statusCode: 404, data: { code: ErrorCode.NotFound, message: '内容不存在或已删除' } } });

    await expect(request('/membership/card', { quiet: [ErrorCode.NotFound] })).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('still shows the other errors', async () => {
    fakeApi({ 'GET /membership/card': { statusCode: 500, data: { code: ErrorCode.Internal, message: '服务器开小差了，请稍后再试' } } });

    await expect(request('/membership/card', { quiet: [ErrorCode.NotFound] })).rejects.toMatchObject({ code: ErrorCode.Internal });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '服务器开小差了，请稍后再试', icon: 'none' });
  });
});
