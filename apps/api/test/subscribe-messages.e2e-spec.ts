import { randomUUID } from 'node:crypto';
import {
  PRIVACY_POLICY_VERSION,
  SubscribeTemplate,
  type BenefitBody,
  type BenefitView,
  type ClaimView,
  type LegalQuestionView,
  type NotificationPage,
  type OrgView,
  type StationView,
} from '@jingcai/shared';
import request from 'supertest';
import { AccessTokenService } from '../src/common/auth/access-token.service';
import type { RoleGrant } from '../src/common/auth/auth-user';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { ClaimsService } from '../src/modules/care/claims.service';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { UserRole } from '../src/modules/users/entities/user-role.entity';
import { User } from '../src/modules/users/entities/user.entity';
import { createOpenBenefit } from './support/care-fixtures';
import { bearer, loginWithRole, startTestApp, type TestApp, orgMaker } from './support/test-app';

/** One template id per notification the SPEC lists, as an operator would configure them. */
const TEMPLATES: Record<SubscribeTemplate, string> = {
  application_reviewed: 'tmpl-application-reviewed',
  claim_ready: 'tmpl-claim-ready',
  claim_expiring: 'tmpl-claim-expiring',
  question_answered: 'tmpl-question-answered',
  event_reminder: 'tmpl-event-reminder',
};

type Person = { id: number; openid: string; auth: [string, string] };

/**
 * Every subscribe message the SPEC lists is sent through the WeChat client to the (fake) WeChat server with
 * its configured template, and the inbox keeps the entry whatever WeChat answers.
 */
describe('Subscribe messages (e2e)', () => {
  let t: TestApp;
  let street: OrgView;
  let enterprise: OrgView;
  let station: StationView;
  let staff: Person;
  const tag = Date.now().toString(36);
  const adminAuth = () => loginWithRole(t, 'admin');

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        WECHAT_SUBSCRIBE_TEMPLATES: Object.entries(TEMPLATES)
          .map(([key, id]) => `${key}=${id}`)
          .join(','),
      },
    });
    const admin = await adminAuth();
    const org = orgMaker(t, admin, tag);
    const district = await org('订阅区', 'district', null);
    street = await org('订阅街道', 'street', district.id);
    enterprise = await org('订阅企业', 'enterprise', street.id);
    station = (
      await request(t.http)
        .post('/api/care/stations')
        .set(...bearer(admin))
        .send({
          name: `订阅服务站${tag}`,
          address: '京口区中山路 8 号',
          latitude: 32.2,
          longitude: 119.45,
          hours: '08:00-20:00',
          amenities: ['water'],
          orgId: street.id,
        })
        .expect(201)
    ).body as StationView;
    staff = await person('订阅干事', null, [{ role: 'staff', orgId: street.id }]);
  });
  afterAll(() => t.close());
  beforeEach(() => t.fake.reset());

  /** A consented user with a known openid (the subscribe message's addressee). */
  async function person(realName: string, orgId: number | null, grants: RoleGrant[] = []): Promise<Person> {
    const users = t.dataSource.getRepository(User);
    const cipher = t.app.get(PiiCipher);
    const user = users.create({
      openid: `sub-${randomUUID()}`,
      realName,
      orgId,
      consentVersion: PRIVACY_POLICY_VERSION,
      phoneCipher: cipher.encrypt('13712345678'),
    });
    await users.insert(user);
    for (const grant of grants) await t.dataSource.getRepository(UserRole).insert({ userId: user.id, ...grant });
    const token = t.app.get(AccessTokenService).sign(user.id, grants);
    return { id: user.id, openid: user.openid, auth: ['Authorization', `Bearer ${token}`] };
  }

  async function benefit(overrides: Partial<BenefitBody> = {}): Promise<BenefitView> {
    return createOpenBenefit(t, await adminAuth(), {
      title: '夏送清凉防暑降温大礼包（含藿香正气水、清凉油和遮阳帽）',
      description: '户外劳动者防暑降温用品。',
      stock: 5,
      stationIds: [station.id],
      ownerOrgId: street.id,
      ...overrides,
    });
  }

  const claim = async (worker: Person, benefitId: number) =>
    (
      await request(t.http)
        .post(`/api/care/benefits/${benefitId}/claims`)
        .set(...worker.auth)
        .send({ stationId: station.id })
        .expect(201)
    ).body as ClaimView;

  async function inbox(p: Person): Promise<NotificationPage> {
    await t.app.get(NotificationsService).drain();
    return (await request(t.http).get('/api/notifications').set(...p.auth).expect(200)).body as NotificationPage;
  }

  const delivery = async (p: Person) =>
    (
      await t.dataSource.query<{ kind: string; subscribe_delivery: string }[]>(
        'SELECT kind, subscribe_delivery FROM notifications WHERE user_id = ? ORDER BY id',
        [p.id],
      )
    ).map((row) => `${row.kind}:${row.subscribe_delivery}`);

  it('claim ready: the try that takes the pack sends it once (a double tap does not), with the code', async () => {
    const worker = await person('孙磊', enterprise.id);
    const pack = await benefit();
    const made = await claim(worker, pack.id);
    await request(t.http)
      .post(`/api/care/benefits/${pack.id}/claims`)
      .set(...worker.auth)
      .send({ stationId: station.id })
      .expect(200);

    const { items } = await inbox(worker);
    expect(items.map((n) => n.kind)).toEqual(['claim_ready']);
    expect(items[0].body).toContain(made.code);
    expect(t.fake.subscribeSends()).toEqual([
      {
        touser: worker.openid,
        templateId: TEMPLATES.claim_ready,
        page: `packages/care/pages/claim/index?id=${made.claimId}`,
        data: {
          thing1: pack.title.slice(0, 20),
          character_string2: made.code,
          thing3: station.name,
          time4: expect.stringMatching(/\d{1,2}:\d{2}/),
        },
      },
    ]);
    expect(await delivery(worker)).toEqual(['claim_ready:sent']);
  });

  it('claim expiring: the sweep a day before the deadline sends it', async () => {
    const worker = await person('钱进', enterprise.id);
    const pack = await benefit({ pickupDeadline: new Date(Date.now() + 2 * 3600_000).toISOString() });
    const made = await claim(worker, pack.id);
    await t.app.get(NotificationsService).drain();
    t.fake.reset();

    expect((await t.app.get(ClaimsService).sweep()).reminded).toBeGreaterThanOrEqual(1);
    await t.app.get(NotificationsService).drain();
    const mine = t.fake.subscribeSends().filter((send) => send.touser === worker.openid);
    expect(mine).toEqual([
      {
        touser: worker.openid,
        templateId: TEMPLATES.claim_expiring,
        page: `packages/care/pages/claim/index?id=${made.claimId}`,
        data: { thing1: pack.title.slice(0, 20), thing2: station.name, time3: expect.stringMatching(/\d{1,2}:\d{2}/) },
      },
    ]);
    expect(await delivery(worker)).toEqual(['claim_ready:sent', 'claim_expiring:sent']);
  });

  it('question answered: an answer by staff sends it to the asker, the title masked; the asker’s own follow-up does not', async () => {
    const worker = await person('张建国', enterprise.id);
    const asked = (
      await request(t.http)
        .post('/api/legal/questions')
        .set(...worker.auth)
        .send({
          category: 'wage_arrears',
          title: '拖欠工资，老板电话13912345678',
          body: '我在工地干了三个月活，老板一直拖着不发工资，我该怎么维权？',
          publicAllowed: false,
        })
        .expect(201)
    ).body as LegalQuestionView;
    const post = (p: Person, body: string) =>
      request(t.http).post(`/api/legal/questions/${asked.id}/messages`).set(...p.auth).send({ body }).expect(201);
    await post(worker, '补充一下：合同也没有签。');
    await post(staff, '可以先向劳动监察大队投诉，并保留考勤和转账记录。');

    const { items } = await inbox(worker);
    expect(items.map((n) => n.kind)).toEqual(['legal_answered']);
    const [sent] = t.fake.subscribeSends();
    expect(t.fake.subscribeSends()).toHaveLength(1);
    expect(sent).toMatchObject({
      touser: worker.openid,
      templateId: TEMPLATES.question_answered,
      page: `packages/legal/pages/question/index?id=${asked.id}`,
      data: { phrase2: '已答复', time3: expect.stringMatching(/\d{1,2}:\d{2}/) },
    });
    expect(sent.data.thing1).not.toContain('13912345678');
    expect(await delivery(worker)).toEqual(['legal_answered:sent']);
  });

  it('application reviewed: approving an application sends it', async () => {
    const worker = await person('李娜', null);
    const applied = await request(t.http)
      .post('/api/membership/applications')
      .set(...worker.auth)
      .send({ realName: '李娜', phone: '13712345678', orgId: enterprise.id, category: 'regular' })
      .expect(201);
    await request(t.http)
      .post(`/api/membership/applications/${(applied.body as { id: number }).id}/approve`)
      .set(...staff.auth)
      .expect(201);

    const { items } = await inbox(worker);
    expect(items.map((n) => n.kind)).toEqual(['application_approved']);
    expect(t.fake.subscribeSends()).toEqual([
      expect.objectContaining({
        touser: worker.openid,
        templateId: TEMPLATES.application_reviewed,
        data: expect.objectContaining({ phrase2: '已通过' }),
      }),
    ]);
  });

  it('keeps the inbox entry when WeChat refuses (43101, not retried) or answers another errcode', async () => {
    const refusing = await person('周伟', enterprise.id);
    const failing = await person('吴芳', enterprise.id);
    t.fake.script('/cgi-bin/message/subscribe/send', { errcode: 43101, errmsg: 'user refuse to accept the msg' });
    await claim(refusing, (await benefit()).id);
    await inbox(refusing);
    t.fake.script('/cgi-bin/message/subscribe/send', { errcode: 47003, errmsg: 'argument invalid' });
    await claim(failing, (await benefit()).id);

    for (const worker of [refusing, failing]) {
      const { items, unread } = await inbox(worker);
      expect(items.map((n) => n.kind)).toEqual(['claim_ready']);
      expect(unread).toBe(1);
    }
    expect(t.fake.subscribeSends().map((send) => send.touser)).toEqual([refusing.openid, failing.openid]);
    expect(await delivery(refusing)).toEqual(['claim_ready:refused']);
    expect(await delivery(failing)).toEqual(['claim_ready:failed']);
  });
});
