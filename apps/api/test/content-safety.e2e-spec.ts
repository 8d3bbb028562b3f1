import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PRIVACY_POLICY_VERSION,
  type AuthResult,
  type ErrorEnvelope,
  type MeView,
  type ModerationItemView,
  type NotificationPage,
  type OrgView,
  type Page,
  type UploadView,
} from '@jingcai/shared';
import request from 'supertest';
import { QrCodeService } from '../src/modules/wechat/qr-code.service';
import { testJpeg } from './support/images';
import { startListeningTestApp } from './support/listening-app';
import { bearer, loginNewUser, loginWithRole, type TestApp } from './support/test-app';

const TEXT_CHECK = '/wxa/msg_sec_check';

describe('Content safety (e2e)', () => {
  let t: TestApp & { baseUrl: string };
  let admin: AuthResult;
  let street: OrgView;
  let otherStreet: OrgView;
  const uploadDir = mkdtempSync(join(tmpdir(), 'jingcai-safety-'));
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    t = await startListeningTestApp({ env: { UPLOAD_DIR: uploadDir, WECHAT_RETRIES: '1' } });
    admin = await loginWithRole(t, 'admin');
    const district = (
      await request(t.http)
        .post('/api/orgs')
        .set(...bearer(admin))
        .send({ name: `审核区${tag}`, kind: 'district', parentId: null })
        .expect(201)
    ).body as OrgView;
    street = (
      await request(t.http)
        .post('/api/orgs')
        .set(...bearer(admin))
        .send({ name: `审核甲街道${tag}`, kind: 'street', parentId: district.id })
        .expect(201)
    ).body as OrgView;
    otherStreet = (
      await request(t.http)
        .post('/api/orgs')
        .set(...bearer(admin))
        .send({ name: `审核乙街道${tag}`, kind: 'street', parentId: district.id })
        .expect(201)
    ).body as OrgView;
  });
  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });
  beforeEach(() => t.fake.reset());

  async function worker(): Promise<AuthResult> {
    const auth = await loginNewUser(t, 'author');
    await request(t.http)
      .post('/api/me/consent')
      .set(...bearer(auth))
      .send({ version: PRIVACY_POLICY_VERSION })
      .expect(201);
    await request(t.http)
      .patch('/api/me')
      .set(...bearer(auth))
      .send({ orgId: street.id })
      .expect(200);
    // The chosen org counts once staff of it approve (moderation queues follow the verified org).
    await request(t.http)
      .post(`/api/membership/org-requests/${auth.user.id}/approve`)
      .set(...bearer(await loginWithRole(t, 'staff', street.id)))
      .expect(201);
    return auth;
  }
  const setNickname = (auth: AuthResult, body: object) =>
    request(t.http)
      .patch('/api/me')
      .set(...bearer(auth))
      .send(body);
  const me = async (auth: AuthResult) =>
    (
      await request(t.http)
        .get('/api/me')
        .set(...bearer(auth))
        .expect(200)
    ).body as MeView;
  const queue = async (auth: AuthResult) =>
    (
      await request(t.http)
        .get('/api/moderation')
        .query({ pageSize: 100 })
        .set(...bearer(auth))
        .expect(200)
    ).body as Page<ModerationItemView>;

  it('publishes text WeChat passes, sending what msg_sec_check v2 expects', async () => {
    const author = await worker();
    const res = (await setNickname(author, { nickname: '快乐骑手' }).expect(200)).body as MeView;
    expect(res).toMatchObject({ nickname: '快乐骑手', underReview: [] });
    const [call] = t.fake.callsTo(TEXT_CHECK);
    expect(call.body).toEqual({
      content: '快乐骑手',
      version: 2,
      scene: 1,
      openid: expect.stringMatching(/^author-/),
    });
    expect(call.query.access_token).toBeTruthy();
  });

  it('holds text WeChat wants reviewed until staff approve it', async () => {
    const author = await worker();
    await setNickname(author, { nickname: '旧昵称' }).expect(200);
    const held = (await setNickname(author, { nickname: '新昵称[review]' }).expect(200)).body as MeView;
    expect(held).toMatchObject({ nickname: '旧昵称', underReview: ['nickname'] });

    const staff = await loginWithRole(t, 'staff', street.id);
    const item = (await queue(staff)).items.find((i) => i.authorId === author.user.id)!;
    expect(item).toMatchObject({
      kind: 'text',
      content: '新昵称[review]',
      reason: 'review',
      status: 'pending',
    });
    // Staff of another street neither see nor decide it.
    const outsider = await loginWithRole(t, 'staff', otherStreet.id);
    expect((await queue(outsider)).items.map((i) => i.id)).not.toContain(item.id);
    await request(t.http)
      .post(`/api/moderation/${item.id}/approve`)
      .set(...bearer(outsider))
      .expect(404);

    await request(t.http)
      .post(`/api/moderation/${item.id}/approve`)
      .set(...bearer(staff))
      .expect(201);
    expect(await me(author)).toMatchObject({ nickname: '新昵称[review]', underReview: [] });
    const twice = await request(t.http)
      .post(`/api/moderation/${item.id}/reject`)
      .set(...bearer(staff))
      .expect(409);
    expect((twice.body as ErrorEnvelope).code).toBe('ALREADY_DECIDED');
  });

  it('refuses risky text with a clear message and changes nothing else in the request', async () => {
    const author = await worker();
    const res = await setNickname(author, { nickname: '[risky]违规内容', realName: '赵六' }).expect(400);
    expect(res.body as ErrorEnvelope).toMatchObject({
      code: 'CONTENT_RISKY',
      message: '内容含有不适宜公开的信息，请修改后再提交',
    });
    expect(await me(author)).toMatchObject({ nickname: null, realName: null, underReview: [] });
  });

  it('never publishes unchecked text when WeChat is down: it waits for a person', async () => {
    const author = await worker();
    t.fake.script(TEXT_CHECK, { status: 502 }, { status: 502 });
    const res = (await setNickname(author, { nickname: '微信故障时的昵称' }).expect(200)).body as MeView;
    expect(res).toMatchObject({ nickname: null, underReview: ['nickname'] });
    const item = (await queue(admin)).items.find((i) => i.authorId === author.user.id)!;
    expect(item.reason).toBe('wechat_unavailable');

    await request(t.http)
      .post(`/api/moderation/${item.id}/reject`)
      .set(...bearer(admin))
      .expect(201);
    expect((await me(author)).nickname).toBeNull();
    const inbox = (
      await request(t.http)
        .get('/api/notifications')
        .set(...bearer(author))
        .expect(200)
    ).body as NotificationPage;
    expect(inbox.items[0].kind).toBe('content_rejected');
  });

  it('sends images to media_check_async and applies the pushed verdict', async () => {
    const upload = async (auth: AuthResult) =>
      (
        await request(t.http)
          .post('/api/uploads')
          .set(...bearer(auth))
          .field('purpose', 'avatar')
          .attach('file', await testJpeg(), { filename: 'a.jpg', contentType: 'image/jpeg' })
          .expect(201)
      ).body as UploadView;

    const passed = await worker();
    const avatar = await upload(passed);
    const release = t.fake.holdPushes();
    expect((await setNickname(passed, { avatarId: avatar.id }).expect(200)).body).toMatchObject({
      avatarUrl: null,
      underReview: ['avatar'],
    });
    release();
    await t.fake.settled();
    const [check] = t.fake.callsTo('/wxa/media_check_async');
    expect(check.body).toMatchObject({
      media_type: 2,
      version: 2,
      scene: 1,
      media_url: expect.stringContaining(`/api/uploads/${avatar.id}/content?`),
    });
    expect(t.fake.pushedVerdicts).toEqual([{ traceId: expect.any(String), suggest: 'pass', status: 200 }]);
    const published = await me(passed);
    expect(published.underReview).toEqual([]);
    expect((await fetch(published.avatarUrl!)).status).toBe(200);

    const risky = await worker();
    t.fake.mediaVerdicts.push('risky');
    await setNickname(risky, { avatarId: (await upload(risky)).id }).expect(200);
    await t.fake.settled();
    expect(await me(risky)).toMatchObject({ avatarUrl: null, underReview: [] });

    const review = await worker();
    t.fake.mediaVerdicts.push('review');
    await setNickname(review, { avatarId: (await upload(review)).id }).expect(200);
    await t.fake.settled();
    expect((await me(review)).underReview).toEqual(['avatar']);
    const item = (await queue(admin)).items.find((i) => i.authorId === review.user.id)!;
    expect(item).toMatchObject({ kind: 'image', reason: 'review' });
    expect((await fetch(item.content)).status).toBe(200);
  });

  it('refuses message pushes that are not signed with the push token', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = 'abc123';
    const signature = createHash('sha1')
      .update(['jingcai-dev-push-token', timestamp, nonce].sort().join(''))
      .digest('hex');
    const verified = await request(t.http)
      .get('/api/wechat/events')
      .query({ signature, timestamp, nonce, echostr: 'hello' })
      .expect(200);
    expect(verified.text).toBe('hello');
    await request(t.http)
      .get('/api/wechat/events')
      .query({ signature: 'f'.repeat(40), timestamp, nonce, echostr: 'x' })
      .expect(403);
    await request(t.http)
      .post('/api/wechat/events')
      .query({ signature: 'f'.repeat(40), timestamp, nonce })
      .send({ Event: 'wxa_media_check', trace_id: 'x', result: { suggest: 'pass' } })
      .expect(403);
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    const staleSignature = createHash('sha1')
      .update(['jingcai-dev-push-token', stale, nonce].sort().join(''))
      .digest('hex');
    await request(t.http)
      .get('/api/wechat/events')
      .query({ signature: staleSignature, timestamp: stale, nonce, echostr: 'x' })
      .expect(403);
  });

  it('keeps workers out of the moderation queue', async () => {
    const author = await worker();
    await request(t.http)
      .get('/api/moderation')
      .set(...bearer(author))
      .expect(403);
  });
});

describe('Mini-program codes (e2e)', () => {
  let t: TestApp & { baseUrl: string };
  beforeAll(async () => {
    t = await startListeningTestApp({ env: { WECHAT_RETRIES: '0' } });
  });
  afterAll(() => t.close());

  it('asks WeChat for a mini-program code and falls back to a plain QR code', async () => {
    const qr = t.app.get(QrCodeService);
    const code = await qr.forScene('PICKUP1234', 'packages/care/pages/claim/index');
    expect(code).toMatchObject({ kind: 'wxacode', contentType: 'image/png' });
    const [call] = t.fake.callsTo('/wxa/getwxacodeunlimit');
    expect(call.body).toMatchObject({
      scene: 'PICKUP1234',
      page: 'packages/care/pages/claim/index',
      env_version: 'develop',
    });

    const tooLong = await qr.forScene('X'.repeat(40), 'pages/home/index');
    expect(tooLong.kind).toBe('qr');
    t.fake.script('/wxa/getwxacodeunlimit', { errcode: 45009, errmsg: 'reach max api daily quota limit' });
    const fallback = await qr.forScene('PICKUP5678', 'pages/home/index');
    expect(fallback.kind).toBe('qr');
    expect(fallback.data.subarray(1, 4).toString()).toBe('PNG');
    const plain = await qr.forScene('PICKUP9999', 'pages/home/index', { preferPlain: true });
    expect(plain.kind).toBe('qr');
  });
});
