import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PRIVACY_POLICY_VERSION,
  type ApplicationView,
  type AuthResult,
  type CreateOrgBody,
  type ErrorEnvelope,
  type MemberCardView,
  type MeView,
  type NotificationPage,
  type OrgView,
  type Page,
  type ReviewApplicationView,
  type SubmitApplicationBody,
  type UploadView,
} from '@jingcai/shared';
import request from 'supertest';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { testJpeg } from './support/images';
import { startListeningTestApp } from './support/listening-app';
import { bearer, loginNewUser, loginWithRole, type TestApp } from './support/test-app';

const TEMPLATE_ID = 'tmpl-application-reviewed';
const SUBSCRIBE = '/cgi-bin/message/subscribe/send';

describe('Union joining and gig verification (e2e)', () => {
  let t: TestApp & { baseUrl: string };
  let admin: AuthResult;
  let streetA: OrgView;
  let enterpriseA: OrgView;
  let streetB: OrgView;
  let staffA: AuthResult;
  let staffB: AuthResult;
  const uploadDir = mkdtempSync(join(tmpdir(), 'jingcai-membership-'));
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    t = await startListeningTestApp({
      env: { UPLOAD_DIR: uploadDir, WECHAT_SUBSCRIBE_TEMPLATES: `application_reviewed=${TEMPLATE_ID}` },
    });
    admin = await loginWithRole(t, 'admin');
    const create = async (body: CreateOrgBody) =>
      (
        await request(t.http)
          .post('/api/orgs')
          .set(...bearer(admin))
          .send(body)
          .expect(201)
      ).body as OrgView;
    const district = await create({ name: `入会测试区${tag}`, kind: 'district', parentId: null });
    streetA = await create({ name: `入会甲街道${tag}`, kind: 'street', parentId: district.id });
    enterpriseA = await create({ name: `入会甲企业${tag}`, kind: 'enterprise', parentId: streetA.id });
    streetB = await create({ name: `入会乙街道${tag}`, kind: 'street', parentId: district.id });
    staffA = await loginWithRole(t, 'staff', streetA.id);
    staffB = await loginWithRole(t, 'staff', streetB.id);
  });
  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });
  beforeEach(() => t.fake.reset());

  async function consentedWorker(): Promise<AuthResult> {
    const auth = await loginNewUser(t, 'applicant');
    await request(t.http)
      .post('/api/me/consent')
      .set(...bearer(auth))
      .send({ version: PRIVACY_POLICY_VERSION })
      .expect(201);
    return auth;
  }

  async function uploadProof(auth: AuthResult): Promise<UploadView> {
    const res = await request(t.http)
      .post('/api/uploads')
      .set(...bearer(auth))
      .field('purpose', 'membership_proof')
      .attach('file', await testJpeg(), { filename: 'proof.jpg', contentType: 'image/jpeg' })
      .expect(201);
    return res.body as UploadView;
  }

  async function riderApplication(
    auth: AuthResult,
    overrides: Partial<SubmitApplicationBody> = {},
  ): Promise<SubmitApplicationBody> {
    const proof = await uploadProof(auth);
    return {
      realName: '孙磊',
      phone: '13712345678',
      orgId: enterpriseA.id,
      category: 'delivery_rider',
      platform: '美团',
      proofPhotoId: proof.id,
      ...overrides,
    };
  }

  const apply = (auth: AuthResult, body: object) =>
    request(t.http)
      .post('/api/membership/applications')
      .set(...bearer(auth))
      .send(body);
  const notificationsOf = async (auth: AuthResult) =>
    (
      await request(t.http)
        .get('/api/notifications')
        .set(...bearer(auth))
        .expect(200)
    ).body as NotificationPage;

  it('apply → approve → member number, verified gig category, member card, inbox entry and a subscribe message', async () => {
    const worker = await consentedWorker();
    const submitted = (await apply(worker, await riderApplication(worker)).expect(201))
      .body as ApplicationView;
    expect(submitted).toMatchObject({
      status: 'pending',
      phone: '137****5678',
      platform: '美团',
      org: { id: enterpriseA.id },
    });
    expect(JSON.stringify(submitted)).not.toContain('13712345678');

    const mine = (
      await request(t.http)
        .get('/api/membership/applications/mine')
        .set(...bearer(worker))
        .expect(200)
    ).body as ApplicationView[];
    expect(mine.map((a) => a.id)).toEqual([submitted.id]);

    // Staff see the proof photo once WeChat passed it.
    await t.fake.settled();
    const pending = (
      await request(t.http)
        .get('/api/membership/applications')
        .query({ status: 'pending', pageSize: 100 })
        .set(...bearer(staffA))
        .expect(200)
    ).body as Page<ReviewApplicationView>;
    const listed = pending.items.find((a) => a.id === submitted.id)!;
    expect(listed.applicantId).toBe(worker.user.id);
    // Staff reviewing it can open the proof photo.
    const photo = await fetch(listed.proofPhotoUrl!);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');

    const approved = (
      await request(t.http)
        .post(`/api/membership/applications/${submitted.id}/approve`)
        .set(...bearer(staffA))
        .expect(201)
    ).body as ReviewApplicationView;
    expect(approved.status).toBe('approved');
    expect(approved.memberNo).toMatch(/^JK\d{4}\d{6,}$/);
    expect(approved.decidedBy).toBeTruthy();

    const me = (
      await request(t.http)
        .get('/api/me')
        .set(...bearer(worker))
        .expect(200)
    ).body as MeView;
    expect(me).toMatchObject({
      membership: 'member',
      memberNo: approved.memberNo,
      gigVerified: true,
      category: 'delivery_rider',
    });
    expect(me.phone).toBe('137****5678');

    const card = (
      await request(t.http)
        .get('/api/membership/card')
        .set(...bearer(worker))
        .expect(200)
    ).body as MemberCardView;
    expect(card).toMatchObject({
      realName: '孙磊',
      memberNo: approved.memberNo,
      org: { id: enterpriseA.id },
      gigVerified: true,
    });
    expect(Date.parse(card.joinedAt)).toBeGreaterThan(Date.now() - 60_000);

    const inbox = await notificationsOf(worker);
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'application_approved',
      read: false,
      page: expect.stringContaining('membership'),
    });
    expect(inbox.items[0].body).toContain(approved.memberNo!);

    await t.app.get(NotificationsService).drain();
    const [sent] = t.fake.callsTo(SUBSCRIBE);
    expect(sent.body).toMatchObject({
      touser: expect.stringMatching(/^applicant-/),
      template_id: TEMPLATE_ID,
      data: { phrase2: { value: '已通过' } },
    });

    const read = await request(t.http)
      .post('/api/notifications/read')
      .set(...bearer(worker))
      .send({})
      .expect(201);
    expect(read.body).toEqual({ unread: 0 });
  });

  it('refuses a second approve or a reject after the decision', async () => {
    const worker = await consentedWorker();
    const { id } = (await apply(worker, await riderApplication(worker)).expect(201)).body as ApplicationView;
    await request(t.http)
      .post(`/api/membership/applications/${id}/approve`)
      .set(...bearer(staffA))
      .expect(201);
    const again = await request(t.http)
      .post(`/api/membership/applications/${id}/approve`)
      .set(...bearer(admin))
      .expect(409);
    expect(again.body as ErrorEnvelope).toMatchObject({
      code: 'ALREADY_DECIDED',
      message: '该申请已处理，请勿重复操作',
    });
    await request(t.http)
      .post(`/api/membership/applications/${id}/reject`)
      .set(...bearer(staffA))
      .send({ reason: '重复处理' })
      .expect(409);
  });

  it('lets exactly one of two simultaneous approvals win', async () => {
    const worker = await consentedWorker();
    const { id } = (await apply(worker, await riderApplication(worker)).expect(201)).body as ApplicationView;
    const results = await Promise.all([
      request(t.http)
        .post(`/api/membership/applications/${id}/approve`)
        .set(...bearer(staffA)),
      request(t.http)
        .post(`/api/membership/applications/${id}/approve`)
        .set(...bearer(admin)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('keeps one pending application per worker, even when submissions race', async () => {
    const worker = await consentedWorker();
    const body = await riderApplication(worker);
    const results = await Promise.all([apply(worker, body), apply(worker, body), apply(worker, body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect((results.find((r) => r.status === 409)!.body as ErrorEnvelope).code).toBe('APPLICATION_PENDING');
  });

  it('reject with a reason → the worker sees it, is notified, and may apply again', async () => {
    const worker = await consentedWorker();
    const { id } = (await apply(worker, await riderApplication(worker)).expect(201)).body as ApplicationView;
    await request(t.http)
      .post(`/api/membership/applications/${id}/reject`)
      .set(...bearer(staffA))
      .send({ reason: 'x' })
      .expect(400);
    await request(t.http)
      .post(`/api/membership/applications/${id}/reject`)
      .set(...bearer(staffA))
      .send({ reason: '证明照片看不清，请重新拍摄' })
      .expect(201);
    const [rejected] = (
      await request(t.http)
        .get('/api/membership/applications/mine')
        .set(...bearer(worker))
        .expect(200)
    ).body as ApplicationView[];
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectReason: '证明照片看不清，请重新拍摄',
      memberNo: null,
    });
    expect((await notificationsOf(worker)).items[0].kind).toBe('application_rejected');
    await request(t.http)
      .get('/api/membership/card')
      .set(...bearer(worker))
      .expect(404);

    await apply(worker, await riderApplication(worker)).expect(201);
  });

  it('hides an application from staff of another street (404) and from other workers', async () => {
    const worker = await consentedWorker();
    const body = await riderApplication(worker);
    const { id } = (await apply(worker, body).expect(201)).body as ApplicationView;

    const listB = (
      await request(t.http)
        .get('/api/membership/applications')
        .query({ pageSize: 100 })
        .set(...bearer(staffB))
        .expect(200)
    ).body as Page<ReviewApplicationView>;
    expect(listB.items.map((a) => a.id)).not.toContain(id);
    const getB = await request(t.http)
      .get(`/api/membership/applications/${id}`)
      .set(...bearer(staffB))
      .expect(404);
    expect((getB.body as ErrorEnvelope).code).toBe('NOT_FOUND');
    await request(t.http)
      .post(`/api/membership/applications/${id}/approve`)
      .set(...bearer(staffB))
      .expect(404);

    const other = await consentedWorker();
    await request(t.http)
      .get(`/api/membership/applications/${id}`)
      .set(...bearer(other))
      .expect(404);
    await request(t.http)
      .get('/api/membership/applications')
      .set(...bearer(other))
      .expect(403);
    // Nor can another worker reach the proof photo, or attach it to their own application.
    await request(t.http)
      .get(`/api/uploads/${body.proofPhotoId}`)
      .set(...bearer(other))
      .expect(404);
    await request(t.http)
      .get(`/api/uploads/${body.proofPhotoId}`)
      .set(...bearer(staffB))
      .expect(404);
    await request(t.http)
      .get(`/api/uploads/${body.proofPhotoId}`)
      .set(...bearer(staffA))
      .expect(200);
    const stolen = await apply(other, { ...body }).expect(400);
    expect((stolen.body as ErrorEnvelope).details).toEqual([
      { field: 'proofPhotoId', message: expect.any(String) },
    ]);
  });

  it('validates the application and changes nothing on bad input', async () => {
    const worker = await consentedWorker();
    const base = await riderApplication(worker);
    const unknown = await apply(worker, { ...base, memberNo: 'JK1' }).expect(400);
    expect((unknown.body as ErrorEnvelope).details).toEqual([
      { field: 'memberNo', message: '不允许提交该字段' },
    ]);
    const noProof = await apply(worker, { ...base, proofPhotoId: undefined }).expect(400);
    expect((noProof.body as ErrorEnvelope).details).toEqual([
      { field: 'proofPhotoId', message: '请上传从业证明照片' },
    ]);
    await apply(worker, { ...base, platform: undefined }).expect(400);
    await apply(worker, { ...base, orgId: undefined }).expect(400);
    await apply(worker, { ...base, phone: '12345' }).expect(400);
    await apply(worker, { ...base, orgId: 99999999 }).expect(400);
    const mine = (
      await request(t.http)
        .get('/api/membership/applications/mine')
        .set(...bearer(worker))
        .expect(200)
    ).body as ApplicationView[];
    expect(mine).toEqual([]);

    // A regular employee needs neither platform nor proof, and may name an unlisted employer instead of an org.
    const office = await consentedWorker();
    const created = (
      await apply(office, {
        realName: '李梅',
        phone: '13698765432',
        orgNotListed: '京口区某某贸易有限公司',
        category: 'regular',
      } satisfies SubmitApplicationBody).expect(201)
    ).body as ApplicationView;
    expect(created).toMatchObject({ org: null, orgNotListed: '京口区某某贸易有限公司', proofPhotoUrl: null });
    // With no org it is the district's to review: street staff do not see it, admins do.
    await request(t.http)
      .get(`/api/membership/applications/${created.id}`)
      .set(...bearer(staffA))
      .expect(404);
    await request(t.http)
      .get(`/api/membership/applications/${created.id}`)
      .set(...bearer(admin))
      .expect(200);
  });

  it('asks for privacy consent before taking an application', async () => {
    const fresh = await loginNewUser(t);
    const res = await apply(fresh, {
      realName: '王芳',
      phone: '13600000000',
      orgId: enterpriseA.id,
      category: 'regular',
    }).expect(403);
    expect((res.body as ErrorEnvelope).code).toBe('CONSENT_REQUIRED');
  });

  it('records a refused subscribe message without retrying, and never fails the approval over WeChat', async () => {
    const refused = await consentedWorker();
    const first = (await apply(refused, await riderApplication(refused)).expect(201)).body as ApplicationView;
    t.fake.script(SUBSCRIBE, { errcode: 43101, errmsg: 'user refuse to accept the msg' });
    await request(t.http)
      .post(`/api/membership/applications/${first.id}/approve`)
      .set(...bearer(staffA))
      .expect(201);
    await t.app.get(NotificationsService).drain();
    expect(t.fake.callsTo(SUBSCRIBE)).toHaveLength(1);

    const down = await consentedWorker();
    const second = (await apply(down, await riderApplication(down)).expect(201)).body as ApplicationView;
    t.fake.script(SUBSCRIBE, { status: 502 }, { status: 502 }, { status: 502 });
    await request(t.http)
      .post(`/api/membership/applications/${second.id}/approve`)
      .set(...bearer(staffA))
      .expect(201);
    await t.app.get(NotificationsService).drain();
    expect((await notificationsOf(down)).items[0].kind).toBe('application_approved');

    const deliveries = await t.dataSource.query<{ user_id: number; subscribe_delivery: string }[]>(
      'SELECT user_id, subscribe_delivery FROM notifications WHERE user_id IN (?, ?)',
      [refused.user.id, down.user.id],
    );
    expect(Object.fromEntries(deliveries.map((d) => [d.user_id, d.subscribe_delivery]))).toEqual({
      [refused.user.id]: 'refused',
      [down.user.id]: 'failed',
    });
  });
});
