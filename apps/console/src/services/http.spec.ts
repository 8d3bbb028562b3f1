import type { AuthResult, MeView } from '@jingcai/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSession, setSession } from '../session/session-store';
import { ApiError, NOT_FOUND_MESSAGE, api } from './http';

const user = { id: 1, roles: ['worker', 'staff'] } as MeView;

/** What fetch was called with: our client always passes a URL string and a string body. */
const urlOf = (input: unknown) => input as string;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('api requests', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setSession({ accessToken: 'old-access', refreshToken: 'old-refresh', user });
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    setSession(null);
  });

  it('sends the access token', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { ok: true }));
    await expect(api.get('/me')).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0];
    expect(urlOf(url)).toMatch(/\/api\/me$/);
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer old-access');
  });

  it('on TOKEN_EXPIRED refreshes once and retries with the new token', async () => {
    const refreshed: AuthResult = { accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900, user };
    fetchMock
      .mockResolvedValueOnce(json(401, { code: 'TOKEN_EXPIRED', message: '登录已过期' }))
      .mockResolvedValueOnce(json(200, refreshed))
      .mockResolvedValueOnce(json(200, { items: [] }));
    await expect(api.get('/moderation', { status: 'pending' })).resolves.toEqual({ items: [] });
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(urlOf(fetchMock.mock.calls[1][0])).toMatch(/\/auth\/refresh$/);
    expect(JSON.parse(fetchMock.mock.calls[1][1]?.body as string)).toEqual({ refreshToken: 'old-refresh' });
    expect((fetchMock.mock.calls[2][1]?.headers as Record<string, string>).Authorization).toBe('Bearer new-access');
    expect(getSession()?.refreshToken).toBe('new-refresh');
  });

  it('shares one refresh between requests that expired together', async () => {
    const refreshed: AuthResult = { accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 900, user };
    fetchMock.mockImplementation((input, init) => {
      const url = urlOf(input);
      if (url.endsWith('/auth/refresh')) return Promise.resolve(json(200, refreshed));
      const auth = (init?.headers as Record<string, string>).Authorization;
      return Promise.resolve(auth === 'Bearer old-access' ? json(401, { code: 'TOKEN_EXPIRED', message: '' }) : json(200, { url }));
    });
    await Promise.all([api.get('/a'), api.get('/b'), api.get('/c')]);
    expect(fetchMock.mock.calls.filter(([url]) => urlOf(url).endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('signs out when the refresh token is refused', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, { code: 'TOKEN_EXPIRED', message: '登录已过期' }))
      .mockResolvedValueOnce(json(401, { code: 'REFRESH_TOKEN_INVALID', message: '登录状态已失效' }));
    await expect(api.get('/me')).rejects.toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(getSession()).toBeNull();
  });

  it('keeps the session when the refresh meets a busy API or no network, and says why', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, { code: 'TOKEN_EXPIRED', message: '登录已过期' }))
      .mockResolvedValueOnce(json(429, { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' }));
    await expect(api.get('/me')).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(getSession()?.refreshToken).toBe('old-refresh');

    fetchMock
      .mockResolvedValueOnce(json(401, { code: 'TOKEN_EXPIRED', message: '登录已过期' }))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(api.get('/me')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(getSession()?.refreshToken).toBe('old-refresh');

    fetchMock
      .mockResolvedValueOnce(json(401, { code: 'TOKEN_EXPIRED', message: '登录已过期' }))
      .mockResolvedValueOnce(json(503, { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用' }));
    await expect(api.get('/me')).rejects.toMatchObject({ status: 503 });
    expect(getSession()?.refreshToken).toBe('old-refresh');
  });

  it('signs out on any other 401 without trying to refresh', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { code: 'UNAUTHENTICATED', message: '请先登录' }));
    await expect(api.get('/me')).rejects.toBeInstanceOf(ApiError);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(getSession()).toBeNull();
  });

  it('reads every 404 as "不存在或无权查看"', async () => {
    fetchMock.mockResolvedValueOnce(json(404, { code: 'NOT_FOUND', message: '案例不存在' }));
    const error = await api.get('/legal/cases/99').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).notFound).toBe(true);
    expect((error as ApiError).message).toBe(NOT_FOUND_MESSAGE);
  });

  it('passes the API’s Chinese message through', async () => {
    fetchMock.mockResolvedValueOnce(json(403, { code: 'OUT_OF_SCOPE', message: '只能管理本组织及下级组织的数据' }));
    await expect(api.post('/quiz/banks', { name: 'x', ownerOrgId: 9 })).rejects.toMatchObject({
      code: 'OUT_OF_SCOPE',
      message: '只能管理本组织及下级组织的数据',
    });
  });

  it('sends PUT with a JSON body (tag sets)', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { id: 7, tags: ['model_worker'] }));
    await expect(api.put('/members/7/tags', { tags: ['model_worker'] })).resolves.toMatchObject({ id: 7 });
    const [url, init] = fetchMock.mock.calls[0];
    expect(urlOf(url)).toMatch(/\/api\/members\/7\/tags$/);
    expect(init?.method).toBe('PUT');
    expect(init?.body).toBe(JSON.stringify({ tags: ['model_worker'] }));
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('leaves out empty query values', async () => {
    fetchMock.mockResolvedValueOnce(json(200, {}));
    await api.get('/legal/inbox', { status: undefined, category: '', overdue: true, page: 1 });
    expect(urlOf(fetchMock.mock.calls[0][0])).toMatch(/\/legal\/inbox\?overdue=true&page=1$/);
  });

  it('reports a network failure in Chinese', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(api.get('/me')).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' });
  });
});
