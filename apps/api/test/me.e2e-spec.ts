import {
  PRIVACY_POLICY_VERSION,
  type AuthResult,
  type ErrorEnvelope,
  type MeView,
  type UpdateMeBody,
} from '@jingcai/shared';
import request from 'supertest';
import { Org } from '../src/modules/orgs/entities/org.entity';
import { User } from '../src/modules/users/entities/user.entity';
import { bearer, loginNewUser, loginWithRole, startTestApp, type TestApp } from './support/test-app';

describe('Me (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function consentedWorker(): Promise<AuthResult> {
    const auth = await loginNewUser(t, 'worker');
    await request(t.http)
      .post('/api/me/consent')
      .set(...bearer(auth))
      .send({ version: PRIVACY_POLICY_VERSION })
      .expect(201);
    return auth;
  }

  it('asks for consent before accepting personal data, and records it', async () => {
    const auth = await loginNewUser(t);
    const refused = await request(t.http)
      .patch('/api/me')
      .set(...bearer(auth))
      .send({ realName: '张三' } satisfies UpdateMeBody)
      .expect(403);
    expect((refused.body as ErrorEnvelope).code).toBe('CONSENT_REQUIRED');

    await request(t.http)
      .post('/api/me/consent')
      .set(...bearer(auth))
      .send({ version: 'old' })
      .expect(400);
    const me = (
      await request(t.http)
        .post('/api/me/consent')
        .set(...bearer(auth))
        .send({ version: PRIVACY_POLICY_VERSION })
        .expect(201)
    ).body as MeView;
    expect(me.consentRequired).toBe(false);
    expect(me.consentVersion).toBe(PRIVACY_POLICY_VERSION);
    expect(Date.parse(me.consentAt!)).toBeGreaterThan(Date.now() - 60_000);
    const [{ count }] = await t.dataSource.query<{ count: string }[]>(
      'SELECT COUNT(*) AS count FROM privacy_consents WHERE user_id = ?',
      [auth.user.id],
    );
    expect(Number(count)).toBe(1);
  });

  it('updates name and category, records the org as a request, and shows them back', async () => {
    const auth = await consentedWorker();
    const org = await t.dataSource
      .getRepository(Org)
      .save({ name: '资料测试企业工会', kind: 'enterprise', path: '/', depth: 0 });
    const me = (
      await request(t.http)
        .patch('/api/me')
        .set(...bearer(auth))
        .send({ realName: '张三', category: 'courier', orgId: org.id } satisfies UpdateMeBody)
        .expect(200)
    ).body as MeView;
    // The org is the worker's word until staff of that org approve it (SPEC: nothing self-declared grants).
    expect(me).toMatchObject({
      realName: '张三',
      category: 'courier',
      gigVerified: false,
      org: null,
      requestedOrg: { id: org.id, name: '资料测试企业工会' },
    });
    expect(
      (
        (
          await request(t.http)
            .get('/api/me')
            .set(...bearer(auth))
            .expect(200)
        ).body as MeView
      ).realName,
    ).toBe('张三');
  });

  it('keeps 长辈模式 on the server so it follows the worker to a new phone', async () => {
    const auth = await consentedWorker();
    expect(auth.user.careMode).toBe(false);
    const on = (
      await request(t.http)
        .patch('/api/me')
        .set(...bearer(auth))
        .send({ careMode: true } satisfies UpdateMeBody)
        .expect(200)
    ).body as MeView;
    expect(on.careMode).toBe(true);
    const again = (await request(t.http).get('/api/me').set(...bearer(auth)).expect(200)).body as MeView;
    expect(again.careMode).toBe(true);

    const refused = await request(t.http)
      .patch('/api/me')
      .set(...bearer(auth))
      .send({ careMode: 'yes' })
      .expect(400);
    expect((refused.body as ErrorEnvelope).code).toBe('VALIDATION_FAILED');
    await request(t.http).patch('/api/me').set(...bearer(auth)).send({ careMode: null }).expect(400);

    const off = (
      await request(t.http)
        .patch('/api/me')
        .set(...bearer(auth))
        .send({ careMode: false } satisfies UpdateMeBody)
        .expect(200)
    ).body as MeView;
    expect(off.careMode).toBe(false);
  });

  it('accepts the update as POST with X-HTTP-Method-Override, since wx.request cannot PATCH', async () => {
    const auth = await consentedWorker();
    const me = (
      await request(t.http)
        .post('/api/me')
        .set(...bearer(auth))
        .set('X-HTTP-Method-Override', 'PATCH')
        .send({ realName: '王五' } satisfies UpdateMeBody)
        .expect(200)
    ).body as MeView;
    expect(me.realName).toBe('王五');
    // Only write methods can be reached this way, and only from POST.
    await request(t.http)
      .get('/api/me')
      .set(...bearer(auth))
      .set('X-HTTP-Method-Override', 'DELETE')
      .expect(200);
    await request(t.http)
      .post('/api/me')
      .set(...bearer(auth))
      .set('X-HTTP-Method-Override', 'GET')
      .send({})
      .expect(404);
  });

  it('refuses unknown fields and bad values with the field names, and changes nothing', async () => {
    const auth = await consentedWorker();
    const unknown = await request(t.http)
      .patch('/api/me')
      .set(...bearer(auth))
      .send({ realName: '李四', isAdmin: true })
      .expect(400);
    const body = unknown.body as ErrorEnvelope;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toEqual([{ field: 'isAdmin', message: '不允许提交该字段' }]);
    // The message never repeats what the client sent; the field, sanitised, is in details.
    expect(body.message).toBe('提交的信息有误：包含不允许提交的字段');

    const bad = await request(t.http)
      .patch('/api/me')
      .set(...bearer(auth))
      .send({ category: 'astronaut', orgId: 'abc', realName: 'x' })
      .expect(400);
    const fields = ((bad.body as ErrorEnvelope).details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['category', 'orgId', 'realName']);

    await request(t.http)
      .patch('/api/me')
      .set(...bearer(auth))
      .send({ orgId: 987654321 })
      .expect(400);
    const me = (
      await request(t.http)
        .get('/api/me')
        .set(...bearer(auth))
        .expect(200)
    ).body as MeView;
    expect(me.realName).toBeNull();
    expect(me.org).toBeNull();
  });

  it('answers malformed JSON with a 400 envelope, not a 500', async () => {
    const auth = await consentedWorker();
    const res = await request(t.http)
      .patch('/api/me')
      .set(...bearer(auth))
      .set('Content-Type', 'application/json')
      .send('{"realName": ')
      .expect(400);
    expect((res.body as ErrorEnvelope).code).toBe('VALIDATION_FAILED');
    expect(res.text).not.toContain(' at ');
  });

  it('encrypts the ID number at rest, masks it, and refuses a second account with the same one (409)', async () => {
    const auth = await consentedWorker();
    const idNumber = '11010519491231002X';
    const me = (
      await request(t.http)
        .patch('/api/me')
        .set(...bearer(auth))
        .send({ idNumber })
        .expect(200)
    ).body as MeView;
    expect(me.idNumber).toBe('110*************2X');

    const row = await t.dataSource.getRepository(User).findOneByOrFail({ id: auth.user.id });
    expect(row.idNumberCipher).not.toContain(idNumber);
    expect(row.idNumberHash).toHaveLength(64);

    await request(t.http)
      .patch('/api/me')
      .set(...bearer(auth))
      .send({ idNumber: '110105194912310021' })
      .expect(400);
    const other = await consentedWorker();
    const dup = await request(t.http)
      .patch('/api/me')
      .set(...bearer(other))
      .send({ idNumber })
      .expect(409);
    expect((dup.body as ErrorEnvelope).code).toBe('ID_NUMBER_TAKEN');
  });

  it('binds the phone through the getPhoneNumber code: encrypted, masked, never echoed or logged', async () => {
    const auth = await consentedWorker();
    const res = await request(t.http)
      .post('/api/me/phone')
      .set(...bearer(auth))
      .send({ code: 'phone:13812345678' })
      .expect(201);
    expect((res.body as MeView).phone).toBe('138****5678');
    expect(res.text).not.toContain('13812345678');
    expect(res.text).not.toMatch(/session_?key|cipher|hash/i);

    const got = await request(t.http)
      .get('/api/me')
      .set(...bearer(auth))
      .expect(200);
    expect(got.text).not.toContain('13812345678');
    expect(got.text).not.toMatch(/session_?key/i);

    const row = await t.dataSource.getRepository(User).findOneByOrFail({ id: auth.user.id });
    expect(row.phoneCipher).toMatch(/^v1\./);
    expect(row.phoneCipher).not.toContain('13812345678');
    expect(t.logs.join('\n')).not.toContain('13812345678');

    const invalid = await request(t.http)
      .post('/api/me/phone')
      .set(...bearer(auth))
      .send({ code: 'nonsense' })
      .expect(401);
    expect((invalid.body as ErrorEnvelope).code).toBe('WECHAT_CODE_INVALID');
  });

  it('gets a new WeChat access token when WeChat rejects the cached one', async () => {
    const auth = await consentedWorker();
    await request(t.http)
      .post('/api/me/phone')
      .set(...bearer(auth))
      .send({ code: 'phone:13900001111' })
      .expect(201);
    t.fake.revokeTokens();
    await request(t.http)
      .post('/api/me/phone')
      .set(...bearer(auth))
      .send({ code: 'phone:13900002222' })
      .expect(201);
    const phoneCalls = t.fake.callsTo('/wxa/business/getuserphonenumber');
    expect(phoneCalls.length).toBeGreaterThanOrEqual(3); // ok, rejected (40001), ok with the new token
  });

  it("keeps workers out of each other's data and out of admin routes", async () => {
    const alice = await consentedWorker();
    await request(t.http)
      .post('/api/me/phone')
      .set(...bearer(alice))
      .send({ code: 'phone:13711112222' })
      .expect(201);
    const bob = await consentedWorker();
    const bobMe = (
      await request(t.http)
        .get('/api/me')
        .set(...bearer(bob))
        .expect(200)
    ).body as MeView;
    expect(bobMe.id).toBe(bob.user.id);
    expect(bobMe.phone).toBeNull();

    const lookup = await request(t.http)
      .get('/api/admin/users')
      .query({ phone: '13711112222' })
      .set(...bearer(bob))
      .expect(403);
    expect((lookup.body as ErrorEnvelope).code).toBe('FORBIDDEN');
    await request(t.http)
      .post(`/api/admin/users/${bob.user.id}/roles`)
      .set(...bearer(bob))
      .send({ role: 'admin' })
      .expect(403);

    const admin = await loginWithRole(t, 'admin');
    const found = (
      await request(t.http)
        .get('/api/admin/users')
        .query({ phone: '13711112222' })
        .set(...bearer(admin))
        .expect(200)
    ).body as MeView[];
    expect(found.map((u) => u.id)).toEqual([alice.user.id]);
    expect(found[0].phone).toBe('137****2222');
  });
});

describe('WeChat access token shared by several API instances (e2e)', () => {
  it('is fetched once and reused by every instance', async () => {
    const first = await startTestApp();
    const second = await startTestApp({
      fake: first.fake,
      env: { WECHAT_API_BASE: first.fake.baseUrl! },
    });
    try {
      const users = await Promise.all([
        loginNewUser(first),
        loginNewUser(second),
        loginNewUser(first),
        loginNewUser(second),
      ]);
      await Promise.all(
        users.map((auth) =>
          request(first.http)
            .post('/api/me/consent')
            .set(...bearer(auth))
            .send({ version: PRIVACY_POLICY_VERSION })
            .expect(201),
        ),
      );
      await Promise.all(
        users.map((auth, i) =>
          request((i % 2 ? second : first).http)
            .post('/api/me/phone')
            .set(...bearer(auth))
            .send({ code: `phone:1360000000${i}` })
            .expect(201),
        ),
      );
      expect(first.fake.callsTo('/cgi-bin/stable_token')).toHaveLength(1);
      expect(first.fake.callsTo('/wxa/business/getuserphonenumber')).toHaveLength(4);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
