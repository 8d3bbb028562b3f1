import { createHmac } from 'node:crypto';
import { PRIVACY_POLICY_VERSION, type AuthResult, type ErrorEnvelope } from '@jingcai/shared';
import request from 'supertest';
import { bearer, loginNewUser, loginWithRole, startTestApp, type TestApp } from '../support/test-app';

/**
 * Findings of the black-box probe of the running demo (issue 17): each case failed on the main branch of
 * the time and must keep passing.
 */
describe('Trust findings (e2e)', () => {
  let t: TestApp;
  let worker: AuthResult;
  let admin: AuthResult;
  const secret = 'e2e-trust-jwt-secret-0123456789abcdef';

  beforeAll(async () => {
    t = await startTestApp({ env: { JWT_SECRET: secret, ACCESS_TOKEN_TTL: '900' } });
    worker = await loginNewUser(t, 'trust');
    await request(t.http)
      .post('/api/me/consent')
      .set(...bearer(worker))
      .send({ version: PRIVACY_POLICY_VERSION })
      .expect(201);
    admin = await loginWithRole(t, 'admin');
  });
  afterAll(() => t.close());

  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  /** A token signed with the right secret, claims as given: what someone holding the secret could make. */
  const signed = (claims: Record<string, unknown>) => {
    const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
    return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
  };
  const now = () => Math.floor(Date.now() / 1000);
  const me = (token: string) => request(t.http).get('/api/me').set('Authorization', `Bearer ${token}`);

  describe('1. tokens', () => {
    it('refuses a validly signed token that claims a life longer than ACCESS_TOKEN_TTL', async () => {
      const claims = { sub: String(worker.user.id), g: [], iat: now(), iss: 'jingcai' };
      await me(signed({ ...claims, exp: now() + 600 })).expect(200);
      const res = await me(signed({ ...claims, exp: now() + 10 * 365 * 86400 })).expect(401);
      expect((res.body as ErrorEnvelope).code).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['a role claim made of objects', { g: [{ role: 'admin' }] }],
      ['a role pair with a text org', { g: [['staff', '3']] }],
      ['a numeric subject', { sub: Number.NaN }],
      ['grants that are not a list', { g: 'admin' }],
    ])('answers 401, not 500, for %s', async (_case, overrides) => {
      const res = await me(
        signed({ sub: String(worker.user.id), g: [], iat: now(), exp: now() + 60, iss: 'jingcai', ...overrides }),
      );
      expect(res.status).toBe(401);
      expect((res.body as ErrorEnvelope).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('6. unsafe display text', () => {
    it.each([
      ['a noncharacter (made the reading poster fail)', '读书人\uffff'],
      ['a direction override (look-alike names)', '王五\u202e'],
      ['a zero-width space', '王\u200b五'],
      ['a lone surrogate', '王\ud800五'],
    ])('refuses a nickname with %s and keeps the old one', async (_case, nickname) => {
      const res = await request(t.http).patch('/api/me').set(...bearer(worker)).send({ nickname }).expect(400);
      expect((res.body as ErrorEnvelope).details).toEqual([{ field: 'nickname', message: '格式不正确' }]);
      const after = await me(worker.accessToken).expect(200);
      expect((after.body as { nickname: string | null }).nickname).not.toBe(nickname);
    });

    it('accepts emoji written with joiners', async () => {
      await request(t.http).patch('/api/me').set(...bearer(worker)).send({ nickname: '骑手👷‍♀️' }).expect(200);
    });
  });

  describe('7. error messages never echo client text', () => {
    it('keeps an unknown field name out of the message and sanitises it in details', async () => {
      const res = await request(t.http)
        .patch('/api/me')
        .set(...bearer(worker))
        .send({ '<b>x</b>\u0000\u202e': 1 })
        .expect(400);
      const body = res.body as ErrorEnvelope;
      expect(body.message).toBe('提交的信息有误：包含不允许提交的字段');
      expect(JSON.stringify(body)).not.toMatch(/<b>|\\u0000|\u202e/);
      expect(body.details).toEqual([{ field: '(未知字段)', message: '不允许提交该字段' }]);
    });
  });

  describe('8. traps for a client', () => {
    it('refuses a multipart body on a JSON route with 415 and changes nothing', async () => {
      const res = await request(t.http)
        .post('/api/notifications/read')
        .set(...bearer(worker))
        .field('ids', '1')
        .expect(415);
      expect((res.body as ErrorEnvelope).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      await request(t.http).patch('/api/me').set(...bearer(worker)).field('nickname', '改名').expect(415);
      await request(t.http)
        .patch('/api/me')
        .set(...bearer(worker))
        .set('content-type', 'text/plain')
        .send('nickname=x')
        .expect(415);
    });

    it('still takes JSON, and bodiless requests labelled JSON', async () => {
      await request(t.http).patch('/api/me').set(...bearer(worker)).send({ nickname: '小赵' }).expect(200);
      await request(t.http).post('/api/notifications/read').set(...bearer(worker)).send({ ids: [1] }).expect(201);
      await request(t.http)
        .post('/api/notifications/read')
        .set(...bearer(worker))
        .set('content-type', 'application/json')
        .expect(201);
    });

    it('names what is actually wrong: a text where an id belongs, a missing id, a large body', async () => {
      const textId = await request(t.http)
        .post('/api/orgs')
        .set(...bearer(admin))
        .send({ name: '某街道', kind: 'street', parentId: '1 OR 1=1' })
        .expect(400);
      expect((textId.body as ErrorEnvelope).details).toEqual([{ field: 'parentId', message: '必须是整数' }]);
      expect((textId.body as ErrorEnvelope).message).toBe('提交的信息有误：必须是整数');

      const missing = await request(t.http)
        .post('/api/quiz/banks')
        .set(...bearer(admin))
        .send({ name: '题库' })
        .expect(400);
      expect((missing.body as ErrorEnvelope).details).toEqual([{ field: 'ownerOrgId', message: '必填' }]);

      const big = await request(t.http)
        .patch('/api/me')
        .set(...bearer(worker))
        .send({ nickname: 'x'.repeat(1_100_000) })
        .expect(413);
      expect((big.body as ErrorEnvelope).message).not.toMatch(/图片/);
    });
  });
});
