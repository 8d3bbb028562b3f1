import type { AuthResult, ConsoleCodeView, ErrorEnvelope } from '@jingcai/shared';
import request from 'supertest';
import { Clock } from '../../src/common/clock';
import { bearer, loginNewUser, loginWithRole, startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 17, items 4 and 9: guessing console login codes, and refresh-token races. Two API instances on one
 * database, as behind a load balancer: every count that stops an attacker must be the same on both.
 */
describe('Trust findings: console login codes and refresh races (e2e)', () => {
  let a: TestApp;
  let b: TestApp;

  /** Two instances sharing one database and one fake WeChat. */
  const startPair = async (env: Record<string, string> = {}) => {
    a = await startTestApp({ env });
    b = await startTestApp({
      fake: a.fake,
      env: { ...env, WECHAT_API_BASE: a.fake.baseUrl!, WECHAT_APPID: a.fake.appid },
    });
  };
  const closePair = async () => {
    // Login counters are shared through the database: leave none for the suites after this one.
    await a.dataSource.query('DELETE FROM rate_limit_windows');
    await a.close();
    await b.close();
  };
  afterEach(() => jest.restoreAllMocks());

  /** Both instances' clocks `ms` ahead (features read "now" from Clock). */
  const later = (ms: number) => {
    const at = new Date(Date.now() + ms);
    for (const t of [a, b]) jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(at);
  };

  describe('4. console login codes cannot be guessed by spreading tries over addresses', () => {
    // The test client connects over loopback, so its X-Forwarded-For is believed: each guess below comes
    // from an address of its choosing, as from a client behind a trusted proxy.
    beforeAll(() => startPair({ TRUST_PROXY: 'loopback', RATE_LIMIT_LOGIN_PER_MINUTE: '10' }));
    afterAll(() => closePair());
    beforeEach(async () => {
      await a.dataSource.query('DELETE FROM rate_limit_windows');
    });

    const issue = async (t: TestApp, auth: AuthResult) =>
      (
        (
          await request(t.http)
            .post('/api/auth/console-code')
            .set(...bearer(auth))
            .expect(201)
        ).body as ConsoleCodeView
      ).code;
    const login = (t: TestApp, code: string, from: string) =>
      request(t.http).post('/api/auth/console-login').set('X-Forwarded-For', from).send({ code });
    /** An 8-digit code that is not `code`. */
    const wrong = (code: string, i: number) => String((Number(code) + 1 + i) % 1e8).padStart(8, '0');

    it('survives 4 failed tries and dies at the 5th, whichever addresses and instances they came from', async () => {
      const staff = await loginWithRole(a, 'staff');
      const survivor = await issue(a, staff);
      for (let i = 0; i < 4; i++) {
        await login(i % 2 ? b : a, wrong(survivor, i), `198.51.100.${i + 1}`).expect(401);
      }
      expect(((await login(b, survivor, '198.51.100.50').expect(200)).body as AuthResult).user.id).toBe(
        staff.user.id,
      );

      const victim = await issue(b, staff);
      for (let i = 0; i < 5; i++) {
        await login(i % 2 ? a : b, wrong(victim, i), `198.51.100.${i + 11}`).expect(401);
      }
      const dead = await login(a, victim, '198.51.100.60').expect(401);
      expect((dead.body as ErrorEnvelope).message).toContain('重新获取');
      await login(b, victim, '198.51.100.61').expect(401);

      // Another staff member, and the victim with a new code from the mini-program, still sign in.
      const lawyer = await loginWithRole(b, 'lawyer');
      const theirs = await issue(b, lawyer);
      expect(((await login(a, theirs, '198.51.100.70').expect(200)).body as AuthResult).user.id).toBe(
        lawyer.user.id,
      );
      await login(b, await issue(a, staff), '198.51.100.71').expect(200);
    });

    it('answers 429 with Retry-After once 20 console logins failed this minute, from 30 addresses on two instances', async () => {
      const staff = await loginWithRole(a, 'staff');
      const code = await issue(a, staff);
      const guesses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => login(i % 2 ? b : a, wrong(code, i), `203.0.113.${i + 1}`)),
      );
      // Ten tries per address per minute (RATE_LIMIT_LOGIN_PER_MINUTE): had the addresses not been
      // believed, the 11th try would already be refused. The overall cap counts across them.
      const statuses = guesses.map((res) => res.status).sort();
      expect(statuses).toEqual([...Array<number>(20).fill(401), ...Array<number>(10).fill(429)]);
      const limited = guesses.find((res) => res.status === 429)!;
      expect(limited.body as ErrorEnvelope).toMatchObject({ code: 'RATE_LIMITED', message: '登录码输错的次数太多，请稍后再试' });
      const wait = Number(limited.headers['retry-after']);
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(60);

      // During the minute even the right code is refused, on either instance.
      await login(a, code, '203.0.113.100').expect(429);
      await login(b, code, '203.0.113.101').expect(429);

      // A minute on, the cap has reset, but this code died of its failures (it would live 5 minutes).
      later(61_000);
      await login(b, code, '203.0.113.102').expect(401);
      // Another staff member signs in within the normal limits.
      const other = await loginWithRole(b, 'staff');
      const session = (await login(a, await issue(b, other), '203.0.113.103').expect(200)).body as AuthResult;
      expect(session.user.id).toBe(other.user.id);
    });

    it('refuses the right code of a code owner whose code was guessed at from many addresses at once', async () => {
      const staff = await loginWithRole(a, 'staff');
      const code = await issue(b, staff);
      const guesses = await Promise.all(
        Array.from({ length: 12 }, (_, i) => login(i % 2 ? b : a, wrong(code, i), `192.0.2.${i + 1}`)),
      );
      expect(guesses.map((res) => res.status)).toEqual(Array<number>(12).fill(401));
      await login(a, code, '192.0.2.100').expect(401);
    });
  });

  describe('9. concurrent refreshes with one refresh token', () => {
    beforeAll(() => startPair());
    afterAll(() => closePair());

    const refresh = (t: TestApp, refreshToken: string) =>
      request(t.http).post('/api/auth/refresh').send({ refreshToken });
    const parallel = async (token: string) => {
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => refresh(i % 2 ? b : a, token)));
      expect(results.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
      return results.map((res) => res.body as AuthResult);
    };

    it('gives five parallel refreshes on two instances five working sessions', async () => {
      const first = await loginNewUser(a);
      const sessions = await parallel(first.refreshToken);
      expect(new Set(sessions.map((s) => s.refreshToken)).size).toBe(5);
      for (const [i, session] of sessions.entries()) {
        const me = await request((i % 2 ? a : b).http)
          .get('/api/me')
          .set(...bearer(session))
          .expect(200);
        expect((me.body as { id: number }).id).toBe(first.user.id);
        await refresh(i % 2 ? a : b, session.refreshToken).expect(200);
      }
    });

    it('still takes a use 11 s after the rotation for reuse: 401 and the whole family revoked', async () => {
      const first = await loginNewUser(a);
      const sessions = await parallel(first.refreshToken);
      const next = (await refresh(b, sessions[0].refreshToken).expect(200)).body as AuthResult;

      later(11_000);
      const reuse = await refresh(b, first.refreshToken).expect(401);
      expect((reuse.body as ErrorEnvelope).code).toBe('REFRESH_TOKEN_INVALID');
      for (const token of [next.refreshToken, ...sessions.slice(1).map((s) => s.refreshToken)]) {
        await refresh(a, token).expect(401);
      }
    });

    it('gives no grace to a token whose family was logged out', async () => {
      const first = await loginNewUser(a);
      const second = (await refresh(a, first.refreshToken).expect(200)).body as AuthResult;
      await request(b.http).post('/api/auth/logout').send({ refreshToken: second.refreshToken }).expect(204);
      await refresh(b, first.refreshToken).expect(401);
      await refresh(a, second.refreshToken).expect(401);
    });
  });
});
