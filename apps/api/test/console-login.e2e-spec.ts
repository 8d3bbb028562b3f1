import type { AuthResult, ConsoleCodeView, ErrorEnvelope } from '@jingcai/shared';
import request from 'supertest';
import { Clock } from '../src/common/clock';
import { bearer, loginNewUser, loginWithRole, startTestApp, type TestApp } from './support/test-app';

describe('Console login with a one-time code (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const issue = (auth: AuthResult) =>
    request(t.http)
      .post('/api/auth/console-code')
      .set(...bearer(auth));
  const login = (code: string) => request(t.http).post('/api/auth/console-login').send({ code });

  it('gives staff a code the console exchanges once for a session of the same user', async () => {
    const staff = await loginWithRole(t, 'staff', null);
    const { code, expiresAt } = (await issue(staff).expect(201)).body as ConsoleCodeView;
    expect(code).toMatch(/^\d{8}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(4 * 60_000);
    const session = (await login(code).expect(200)).body as AuthResult;
    expect(session.user.id).toBe(staff.user.id);
    expect(session.user.roles).toContain('staff');
    expect(session.refreshToken).not.toBe(staff.refreshToken);
    // Used once: a replay is refused, and the message says what to do.
    const replay = await login(code).expect(401);
    expect((replay.body as ErrorEnvelope).message).toContain('重新获取');
  });

  it('refuses workers, wrong and expired codes, and a code replaced by a newer one', async () => {
    const worker = await loginNewUser(t);
    await issue(worker).expect(403);
    await request(t.http).post('/api/auth/console-code').expect(401);
    await login('1234567').expect(400);
    await login('abcdefgh').expect(400);

    const lawyer = await loginWithRole(t, 'lawyer');
    const first = (await issue(lawyer).expect(201)).body as ConsoleCodeView;
    const second = (await issue(lawyer).expect(201)).body as ConsoleCodeView;
    await login(first.code).expect(401);

    const spy = jest
      .spyOn(t.app.get(Clock), 'now')
      .mockReturnValue(new Date(Date.now() + 5 * 60_000 + 1_000));
    try {
      await login(second.code).expect(401);
    } finally {
      spy.mockRestore();
    }
  });

  it('never writes a code to the logs', async () => {
    const staff = await loginWithRole(t, 'staff', null);
    const { code } = (await issue(staff).expect(201)).body as ConsoleCodeView;
    await login(code).expect(200);
    expect(t.logs.join('\n')).not.toContain(code);
  });
});
