import type { AuthResult, ErrorEnvelope } from '@jingcai/shared';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { User } from '../src/modules/users/entities/user.entity';
import { bearer, startTestApp, uniqueOpenid, type TestApp } from './support/test-app';

const LOGIN = '/sns/jscode2session';

describe('Auth (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { WECHAT_TIMEOUT_MS: '300', WECHAT_RETRIES: '2' } });
  });
  afterAll(() => t.close());
  beforeEach(() => t.fake.reset());

  const wechatLogin = (code: string) => request(t.http).post('/api/auth/wechat/login').send({ code });

  describe('WeChat login', () => {
    it('creates the user from the openid, stores the unionid, and returns our own tokens', async () => {
      const openid = uniqueOpenid();
      const res = await wechatLogin(`openid:${openid}:unionid:u-${openid}`).expect(200);
      const body = res.body as AuthResult;
      expect(body.accessToken).toMatch(/^ey/);
      expect(body.refreshToken.length).toBeGreaterThan(30);
      expect(body.user.roles).toEqual(['worker']);
      expect(body.user.consentRequired).toBe(true);

      const stored = await t.dataSource.getRepository(User).findOneByOrFail({ openid });
      expect(stored.id).toBe(body.user.id);
      expect(stored.unionid).toBe(`u-${openid}`);

      // A second login (new code, same person) finds the same user.
      const again = await wechatLogin(`openid:${openid}:second`).expect(200);
      expect((again.body as AuthResult).user.id).toBe(body.user.id);
    });

    it('never lets the session_key out, in responses or logs', async () => {
      const res = await wechatLogin(`openid:${uniqueOpenid()}`).expect(200);
      const [sessionKey] = t.fake.issuedSessionKeys.slice(-1);
      expect(sessionKey).toBeTruthy();
      expect(res.text).not.toContain(sessionKey);
      expect(res.text).not.toMatch(/session_?key/i);
      const logs = t.logs.join('\n');
      for (const key of t.fake.issuedSessionKeys) expect(logs).not.toContain(key);
      expect(logs).not.toContain((res.body as AuthResult).accessToken);
      expect(logs).not.toContain((res.body as AuthResult).refreshToken);
    });

    it('answers 40029 (invalid code) with 401 登录凭证无效', async () => {
      const res = await wechatLogin('invalid').expect(401);
      const body = res.body as ErrorEnvelope;
      expect(body.code).toBe('WECHAT_CODE_INVALID');
      expect(body.message).toContain('登录凭证无效');
    });

    it('answers 45011 (WeChat rate limit) with 429', async () => {
      t.fake.script(LOGIN, { errcode: 45011, errmsg: 'api minute-quota reach limit' });
      const res = await wechatLogin(`openid:${uniqueOpenid()}`).expect(429);
      expect((res.body as ErrorEnvelope).code).toBe('WECHAT_RATE_LIMITED');
    });

    it('retries errcode -1 (system busy) and then succeeds', async () => {
      t.fake.script(LOGIN, { errcode: -1, errmsg: 'system error' });
      await wechatLogin(`openid:${uniqueOpenid()}`).expect(200);
      expect(t.fake.callsTo(LOGIN)).toHaveLength(2);
    });

    it('gives up after the bounded retries when WeChat stays busy', async () => {
      t.fake.script(LOGIN, { errcode: -1 }, { errcode: -1 }, { errcode: -1 });
      const res = await wechatLogin(`openid:${uniqueOpenid()}`).expect(502);
      expect((res.body as ErrorEnvelope).code).toBe('WECHAT_UNAVAILABLE');
      expect(t.fake.callsTo(LOGIN)).toHaveLength(3);
    });

    it('answers malformed JSON from WeChat with 502, without a stack trace', async () => {
      t.fake.script(LOGIN, { malformed: true });
      const res = await wechatLogin(`openid:${uniqueOpenid()}`).expect(502);
      expect((res.body as ErrorEnvelope).code).toBe('WECHAT_UNAVAILABLE');
      expect(res.text).not.toMatch(/SyntaxError|at .*\.js/);
      expect(t.fake.callsTo(LOGIN)).toHaveLength(1);
    });

    it('times out a slow WeChat, retries, and answers 502 within the bound', async () => {
      t.fake.script(LOGIN, { delayMs: 1500 }, { delayMs: 1500 }, { delayMs: 1500 });
      const started = Date.now();
      const res = await wechatLogin(`openid:${uniqueOpenid()}`).expect(502);
      expect((res.body as ErrorEnvelope).code).toBe('WECHAT_UNAVAILABLE');
      expect(t.fake.callsTo(LOGIN)).toHaveLength(3);
      // 3 × 300 ms timeouts + back-off take about 1 s; waiting out the fake's delays would take 3 × 1.5 s. The
      // bound sits just under the latter so a slow machine passes while a client without timeouts cannot.
      expect(Date.now() - started).toBeLessThan(4400);
    });

    it('treats a slow first answer as a timeout and succeeds on the retry', async () => {
      t.fake.script(LOGIN, { delayMs: 800 });
      await wechatLogin(`openid:${uniqueOpenid()}`).expect(200);
    });

    it('refuses an empty or missing code with a validation envelope', async () => {
      const res = await request(t.http).post('/api/auth/wechat/login').send({}).expect(400);
      expect((res.body as ErrorEnvelope).details).toEqual([{ field: 'code', message: expect.any(String) }]);
    });
  });

  describe('refresh and logout', () => {
    const devLogin = async () =>
      (await request(t.http).post('/api/auth/dev/login').send({ openid: uniqueOpenid() }).expect(200))
        .body as AuthResult;
    const refresh = (refreshToken: string) =>
      request(t.http).post('/api/auth/refresh').send({ refreshToken });

    it('rotates the refresh token, and a reuse after the grace revokes the whole family', async () => {
      const first = await devLogin();
      const second = (await refresh(first.refreshToken).expect(200)).body as AuthResult;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.user.id).toBe(first.user.id);

      const spy = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 11_000));
      try {
        const reuse = await refresh(first.refreshToken).expect(401);
        expect((reuse.body as ErrorEnvelope).code).toBe('REFRESH_TOKEN_INVALID');
        // Reuse means theft: the legitimate successor stops working too.
        await refresh(second.refreshToken).expect(401);
      } finally {
        spy.mockRestore();
      }
    });

    it('gives concurrent refreshes with the same token sessions of the same family', async () => {
      const first = await devLogin();
      const results = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const [one, two] = results.map((r) => (r.body as AuthResult).refreshToken);
      expect(one).not.toBe(two);
      await refresh(one).expect(200);
      await refresh(two).expect(200);
    });

    it('logout revokes the refresh token', async () => {
      const session = await devLogin();
      await request(t.http).post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
      await refresh(session.refreshToken).expect(401);
    });

    it('refuses a garbage refresh token', async () => {
      const res = await refresh('x'.repeat(43)).expect(401);
      expect((res.body as ErrorEnvelope).code).toBe('REFRESH_TOKEN_INVALID');
    });
  });

  describe('access tokens', () => {
    it('refuses requests without a token, with a forged one, and with an expired one', async () => {
      const none = await request(t.http).get('/api/me').expect(401);
      expect((none.body as ErrorEnvelope).code).toBe('UNAUTHENTICATED');
      await request(t.http).get('/api/me').set('Authorization', 'Bearer not.a.jwt').expect(401);

      const short = await startTestApp({ env: { ACCESS_TOKEN_TTL: '30' } });
      try {
        const session = (
          await request(short.http).post('/api/auth/dev/login').send({ openid: uniqueOpenid() }).expect(200)
        ).body as AuthResult;
        const later = Date.now() + 31_000;
        jest.spyOn(Date, 'now').mockReturnValue(later);
        const expired = await request(short.http)
          .get('/api/me')
          .set(...bearer(session))
          .expect(401);
        expect((expired.body as ErrorEnvelope).code).toBe('TOKEN_EXPIRED');
      } finally {
        jest.restoreAllMocks();
        await short.close();
      }
    });
  });
});

describe('Dev login switched off (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { AUTH_DEV_LOGIN: 'false' } });
  });
  afterAll(() => t.close());

  it('does not exist', async () => {
    const res = await request(t.http).post('/api/auth/dev/login').send({ openid: 'demo-admin' }).expect(404);
    expect((res.body as ErrorEnvelope).code).toBe('NOT_FOUND');
    await request(t.http).get('/api/auth/dev/users').expect(404);
  });
});

describe('Login rate limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '3' } });
    // Login counters are shared through the database: the other suites' logins this minute must not count.
    await t.dataSource.query('DELETE FROM rate_limit_windows');
  });
  afterAll(() => t.close());

  it('answers 429 in the envelope after the per-minute limit', async () => {
    for (let i = 0; i < 3; i++) {
      await request(t.http).post('/api/auth/dev/login').send({ openid: uniqueOpenid() }).expect(200);
    }
    const res = await request(t.http)
      .post('/api/auth/dev/login')
      .send({ openid: uniqueOpenid() })
      .expect(429);
    expect((res.body as ErrorEnvelope).code).toBe('RATE_LIMITED');
    expect((res.body as ErrorEnvelope).message).toBe('操作太频繁，请稍后再试');
  });
});
