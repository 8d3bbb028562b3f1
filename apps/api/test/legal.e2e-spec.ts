import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PRIVACY_POLICY_VERSION,
  type AidApplicationView,
  type AssigneeView,
  type AuthResult,
  type ErrorEnvelope,
  type LegalCaseView,
  type LegalMessageView,
  type LegalQuestionSummaryView,
  type LegalQuestionView,
  type NotificationView,
  type OrgView,
  type Page,
  type UploadView,
} from '@jingcai/shared';
import request from 'supertest';
import { AccessTokenService } from '../src/common/auth/access-token.service';
import type { RoleGrant } from '../src/common/auth/auth-user';
import { Clock } from '../src/common/clock';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { LegalMessage, LegalQuestion } from '../src/modules/legal/entities/legal.entities';
import { UserRole } from '../src/modules/users/entities/user-role.entity';
import { User } from '../src/modules/users/entities/user.entity';
import { testJpeg } from './support/images';
import { startListeningTestApp } from './support/listening-app';
import { bearer, loginWithRole, type TestApp, orgMaker } from './support/test-app';

type Person = { id: number; auth: [string, string] };

/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('Legal help (e2e)', () => {
  let t: TestApp;
  let admin: AuthResult;
  let district: OrgView;
  let street: OrgView;
  let enterprise: OrgView;
  let otherStreet: OrgView;
  let staff: Person;
  let otherStaff: Person;
  let lawyer: Person;
  let otherLawyer: Person;
  let now: Date | null = null;
  const uploadDir = join(tmpdir(), `jingcai-legal-${randomUUID()}`);
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    t = await startListeningTestApp({ env: { UPLOAD_DIR: uploadDir } });
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => now ?? new Date());
    admin = await loginWithRole(t, 'admin');
    const org = orgMaker(t, admin, tag, { memberCount: 100 });
    district = await org('维权区', 'district', null);
    street = await org('维权甲街道', 'street', district.id);
    enterprise = await org('维权甲企业', 'enterprise', street.id);
    otherStreet = await org('维权乙街道', 'street', district.id);
    staff = await person('工会干事', null, [{ role: 'staff', orgId: street.id }]);
    otherStaff = await person('乙街道干事', null, [{ role: 'staff', orgId: otherStreet.id }]);
    lawyer = await person('王律师', null, [{ role: 'lawyer', orgId: null }]);
    otherLawyer = await person('李律师', null, [{ role: 'lawyer', orgId: null }]);
  });
  afterAll(async () => {
    await t.fake.settled();
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    now = null;
  });

  /** A user with an access token carrying `grants`, as a login would issue it. */
  async function person(
    realName: string,
    orgId: number | null,
    grants: RoleGrant[] = [],
    phone?: string,
  ): Promise<Person> {
    const users = t.dataSource.getRepository(User);
    const cipher = t.app.get(PiiCipher);
    const user = users.create({
      openid: `legal-${randomUUID()}`,
      realName,
      orgId,
      consentVersion: PRIVACY_POLICY_VERSION,
      ...(phone ? { phoneCipher: cipher.encrypt(phone), phoneHash: cipher.lookupHash(phone) } : {}),
    });
    await users.insert(user);
    for (const grant of grants)
      await t.dataSource.getRepository(UserRole).insert({ userId: user.id, ...grant });
    return {
      id: user.id,
      auth: ['Authorization', `Bearer ${t.app.get(AccessTokenService).sign(user.id, grants)}`],
    };
  }
  const worker = (realName = '张建国', phone = '13812345678') => person(realName, enterprise.id, [], phone);

  const ask = (w: Person, body: Record<string, unknown> = {}) =>
    request(t.http)
      .post('/api/legal/questions')
      .set(...w.auth)
      .send({
        category: 'wage_arrears',
        title: '工地老板拖欠三个月工资怎么办',
        body: '我在工地干了三个月活，老板一直拖着不发工资，我该怎么维权？',
        publicAllowed: true,
        ...body,
      });
  const message = (p: Person, id: number, body: string) =>
    request(t.http)
      .post(`/api/legal/questions/${id}/messages`)
      .set(...p.auth)
      .send({ body });
  const assign = (p: Person, id: number, userId: number) =>
    request(t.http)
      .post(`/api/legal/questions/${id}/assign`)
      .set(...p.auth)
      .send({ userId });
  const view = async (p: Person, id: number) =>
    (
      await request(t.http)
        .get(`/api/legal/questions/${id}`)
        .set(...p.auth)
        .expect(200)
    ).body as LegalQuestionView;
  const inbox = async (p: Person, query = '') =>
    (
      await request(t.http)
        .get(`/api/legal/inbox${query}`)
        .set(...p.auth)
        .expect(200)
    ).body as Page<LegalQuestionSummaryView>;
  const inboxFor = (p: Person, query = '') => inbox(p, query).then((page) => page.items.map((i) => i.id));

  async function uploadPhoto(p: Person): Promise<UploadView> {
    return (
      await request(t.http)
        .post('/api/uploads')
        .set(...p.auth)
        .field('purpose', 'legal_photo')
        .attach('file', await testJpeg(), { filename: 'pay.jpg', contentType: 'image/jpeg' })
        .expect(201)
    ).body as UploadView;
  }

  async function notifications(p: Person): Promise<NotificationView[]> {
    await t.app.get(NotificationsService).drain();
    return (
      (
        await request(t.http)
          .get('/api/notifications')
          .set(...p.auth)
          .expect(200)
      ).body as Page<NotificationView>
    ).items;
  }

  it('runs the whole thread: ask → assign → answer → follow-up → answer → close with a rating', async () => {
    const w = await worker();
    const photo = await uploadPhoto(w);
    const asked = (await ask(w, { photoIds: [photo.id] }).expect(201)).body as LegalQuestionView;
    expect(asked).toMatchObject({
      status: 'new',
      assignee: null,
      overdue: false,
      asker: { phone: '138****5678' },
    });
    expect(asked.messages).toHaveLength(1);
    expect(asked.messages[0]).toMatchObject({ authorRole: 'asker', authorName: '我' });
    expect(asked.messages[0].photos[0].id).toBe(photo.id);

    // Staff of the asker's street see it in their inbox and assign it to a lawyer.
    expect(await inboxFor(staff, '?status=new')).toContain(asked.id);
    const candidates = (
      await request(t.http)
        .get(`/api/legal/assignees?questionId=${asked.id}`)
        .set(...staff.auth)
        .expect(200)
    ).body as AssigneeView[];
    expect(candidates.map((c) => c.id)).toEqual(expect.arrayContaining([lawyer.id, staff.id]));
    expect(candidates.map((c) => c.id)).not.toContain(otherStaff.id);
    await assign(staff, asked.id, otherStaff.id).expect(400);
    const assigned = (await assign(staff, asked.id, lawyer.id).expect(200)).body as LegalQuestionView;
    expect(assigned).toMatchObject({ status: 'assigned', assignee: { id: lawyer.id } });

    // The lawyer sees it, without the asker's phone, answers, and the worker is told.
    expect(await inboxFor(lawyer)).toContain(asked.id);
    const forLawyer = await view(lawyer, asked.id);
    expect(forLawyer.asker.phone).toBeNull();
    expect(JSON.stringify(forLawyer)).not.toContain('5678');
    const answer = (
      await message(lawyer, asked.id, '可以先向劳动监察大队投诉，并保留考勤和转账记录。').expect(201)
    ).body as LegalMessageView;
    expect(answer).toMatchObject({ authorRole: 'lawyer' });
    expect(answer.authorName).toContain('律师');
    const told = await notifications(w);
    expect(told[0]).toMatchObject({ kind: 'legal_answered', title: '你的法律咨询有了新答复' });

    // My questions show the unread answer until I open the thread.
    let mine = (
      await request(t.http)
        .get('/api/legal/questions/mine')
        .set(...w.auth)
        .expect(200)
    ).body as Page<LegalQuestionSummaryView>;
    expect(mine.items[0]).toMatchObject({ id: asked.id, status: 'answered', unreadAnswers: 1 });
    expect((await view(w, asked.id)).messages).toHaveLength(2);
    mine = (
      await request(t.http)
        .get('/api/legal/questions/mine')
        .set(...w.auth)
        .expect(200)
    ).body;
    expect(mine.items[0].unreadAnswers).toBe(0);

    // A follow-up re-opens it for the lawyer; a second answer; then the worker closes with a rating.
    await message(w, asked.id, '老板说没签合同就不算，是这样吗？').expect(201);
    expect((await view(w, asked.id)).status).toBe('assigned');
    await message(lawyer, asked.id, '没签书面合同也可以用工资流水、工友证言证明劳动关系。').expect(201);
    const closed = (
      await request(t.http)
        .post(`/api/legal/questions/${asked.id}/close`)
        .set(...w.auth)
        .send({ rating: 5, comment: '很专业，谢谢律师' })
        .expect(200)
    ).body as LegalQuestionView;
    expect(closed).toMatchObject({
      status: 'closed',
      rating: 5,
      ratingComment: '很专业，谢谢律师',
      dueAt: null,
    });
    expect(closed.messages.map((m) => m.authorRole)).toEqual(['asker', 'lawyer', 'asker', 'lawyer']);
    await message(w, asked.id, '还有一个问题').expect(409);
    await request(t.http)
      .post(`/api/legal/questions/${asked.id}/close`)
      .set(...w.auth)
      .send({ rating: 4 })
      .expect(409);
  });

  it('keeps every message when the worker and the lawyer write at the same moment', async () => {
    const w = await worker();
    const asked = (await ask(w).expect(201)).body as LegalQuestionView;
    await assign(staff, asked.id, lawyer.id).expect(200);
    const sends = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 ? message(lawyer, asked.id, `律师答复 ${i}`) : message(w, asked.id, `职工追问 ${i}`),
      ),
    );
    expect(sends.map((r) => r.status)).toEqual(Array<number>(12).fill(201));
    expect((await view(w, asked.id)).messages).toHaveLength(13);
  });

  it('answers 404 on every route of a question to another worker, an unassigned lawyer and staff of another street', async () => {
    const w = await worker();
    const photo = await uploadPhoto(w);
    const asked = (await ask(w, { photoIds: [photo.id] }).expect(201)).body as LegalQuestionView;
    await assign(staff, asked.id, lawyer.id).expect(200);
    const aid = (
      await request(t.http)
        .post('/api/legal/aid-applications')
        .set(...w.auth)
        .send({
          kind: 'aid',
          facts: '公司拖欠工资三个月共一万二千元。',
          employer: '某建筑公司',
          amountInDispute: 12000,
          photoIds: [],
        })
        .expect(201)
    ).body as AidApplicationView;
    const stranger = await worker('路人甲', '13900001111');

    for (const outsider of [stranger, otherLawyer, otherStaff]) {
      await request(t.http)
        .get(`/api/legal/questions/${asked.id}`)
        .set(...outsider.auth)
        .expect(404);
      await message(outsider, asked.id, '我也想看看').expect(404);
      await request(t.http)
        .post(`/api/legal/questions/${asked.id}/close`)
        .set(...outsider.auth)
        .send({ rating: 1 })
        .expect(404);
      await request(t.http)
        .get(`/api/uploads/${photo.id}`)
        .set(...outsider.auth)
        .expect(404);
      await request(t.http)
        .get(`/api/legal/aid-applications/${aid.id}`)
        .set(...outsider.auth)
        .expect(404);
    }
    // Roles keep the rest out before scope is even asked: workers and lawyers cannot assign or review aid.
    await assign(stranger, asked.id, stranger.id).expect(403);
    await assign(otherStaff, asked.id, otherLawyer.id).expect(404);
    await request(t.http)
      .post(`/api/legal/aid-applications/${aid.id}/status`)
      .set(...otherStaff.auth)
      .send({ status: 'accepted' })
      .expect(404);
    expect(await inboxFor(otherStaff)).not.toContain(asked.id);
    expect(await inboxFor(otherLawyer)).not.toContain(asked.id);
    // An id that does not exist answers exactly like one that is not yours.
    const missing = await request(t.http)
      .get('/api/legal/questions/999999999')
      .set(...stranger.auth)
      .expect(404);
    const hidden = await request(t.http)
      .get(`/api/legal/questions/${asked.id}`)
      .set(...stranger.auth)
      .expect(404);
    expect(hidden.body.message).toBe(missing.body.message);

    // Those who may, can, once WeChat passed the photo: the assigned lawyer sees it, staff of the street too.
    await t.fake.settled();
    await request(t.http)
      .get(`/api/uploads/${photo.id}`)
      .set(...lawyer.auth)
      .expect(200);
    await request(t.http)
      .get(`/api/uploads/${photo.id}`)
      .set(...staff.auth)
      .expect(200);
    await request(t.http)
      .get(`/api/legal/aid-applications/${aid.id}`)
      .set(...staff.auth)
      .expect(200);
  });

  it('marks a question overdue 3 working days after the last worker message, across a weekend', async () => {
    const w = await worker();
    now = shanghai('2026-11-20T15:00:00'); // a Friday
    const asked = (await ask(w).expect(201)).body as LegalQuestionView;
    expect(asked.dueAt).toBe(shanghai('2026-11-25T15:00:00').toISOString()); // Wednesday

    now = shanghai('2026-11-25T14:59:00');
    expect(await inboxFor(staff, '?overdue=true')).not.toContain(asked.id);
    expect((await view(staff, asked.id)).overdue).toBe(false);
    now = shanghai('2026-11-25T15:01:00');
    expect(await inboxFor(staff, '?overdue=true')).toContain(asked.id);
    expect(await inboxFor(staff, '?overdue=false')).not.toContain(asked.id);
    expect((await view(staff, asked.id)).overdue).toBe(true);

    // An answer stops the clock; a follow-up on Saturday starts it again from Monday.
    await message(staff, asked.id, '请提供劳动合同和工资条。').expect(201);
    expect(await inboxFor(staff, '?overdue=true')).not.toContain(asked.id);
    now = shanghai('2026-11-28T10:00:00');
    await message(w, asked.id, '我没有合同，只有微信转账记录。').expect(201);
    expect((await view(w, asked.id)).dueAt).toBe(shanghai('2026-12-03T00:00:00').toISOString());
  });

  it('refuses risky text and changes nothing; validates the body', async () => {
    const w = await worker();
    const before = await t.dataSource.getRepository(LegalQuestion).countBy({ askerId: w.id });
    const risky = await ask(w, { body: '[risky]这是一段违规内容，请勿公开传播。' }).expect(400);
    expect((risky.body as ErrorEnvelope).code).toBe('CONTENT_RISKY');
    for (const bad of [
      { category: 'tax' },
      { title: '短' },
      { publicAllowed: 'yes' },
      { photoIds: ['x'.repeat(10)] },
      { isPublic: true },
    ]) {
      const res = await ask(w, bad).expect(400);
      expect((res.body as ErrorEnvelope).code).toBe('VALIDATION_FAILED');
    }
    expect(await t.dataSource.getRepository(LegalQuestion).countBy({ askerId: w.id })).toBe(before);

    const asked = (await ask(w).expect(201)).body as LegalQuestionView;
    await message(w, asked.id, '[risky]违规的追问内容').expect(400);
    expect(await t.dataSource.getRepository(LegalMessage).countBy({ questionId: asked.id })).toBe(1);
    // Closing before any answer is refused.
    await request(t.http)
      .post(`/api/legal/questions/${asked.id}/close`)
      .set(...w.auth)
      .send({ rating: 5 })
      .expect(409);
    await request(t.http)
      .post(`/api/legal/questions/${asked.id}/close`)
      .set(...w.auth)
      .send({ rating: 6 })
      .expect(400);
  });

  describe('case library', () => {
    it('turns a closed question into an anonymised draft that staff review before publishing', async () => {
      const w = await worker('刘德胜', '13912345678');
      const asked = (
        await ask(w, {
          title: '镇江顺达物流有限公司欠我工资',
          body: '我叫刘德胜，电话13912345678，身份证320102199001011234，在镇江顺达物流有限公司开货车，赵经理三个月没发工资。',
        }).expect(201)
      ).body as LegalQuestionView;
      await message(staff, asked.id, '可以申请劳动仲裁，仲裁不收费。').expect(201);
      const early = await request(t.http)
        .post(`/api/legal/questions/${asked.id}/case-draft`)
        .set(...staff.auth)
        .expect(409);
      expect(early.body.message).toContain('咨询结束后');
      await request(t.http)
        .post(`/api/legal/questions/${asked.id}/close`)
        .set(...w.auth)
        .send({ rating: 4 })
        .expect(200);

      await request(t.http)
        .post(`/api/legal/questions/${asked.id}/case-draft`)
        .set(...otherStaff.auth)
        .expect(404);
      const draft = (
        await request(t.http)
          .post(`/api/legal/questions/${asked.id}/case-draft`)
          .set(...staff.auth)
          .expect(201)
      ).body as LegalCaseView;
      expect(draft).toMatchObject({ status: 'draft', sourceQuestionId: asked.id, category: 'wage_arrears' });
      const text = JSON.stringify(draft);
      for (const secret of ['刘德胜', '13912345678', '320102199001011234', '顺达物流', '赵经理'])
        expect(text).not.toContain(secret);
      expect(draft.facts).toContain('某职工');
      expect(draft.outcome).toContain('劳动仲裁');

      // Not public until published; workers never see drafts.
      const reader = await worker('读者', '13700000000');
      await request(t.http)
        .get(`/api/legal/cases/${draft.id}`)
        .set(...reader.auth)
        .expect(404);
      await request(t.http)
        .get('/api/legal/cases?status=draft')
        .set(...reader.auth)
        .expect(403);
      await request(t.http)
        .patch(`/api/legal/cases/${draft.id}`)
        .set(...staff.auth)
        .send({ law: '《劳动争议调解仲裁法》第五十三条' })
        .expect(200);
      await request(t.http)
        .post(`/api/legal/cases/${draft.id}/publish`)
        .set(...staff.auth)
        .expect(200);
      const published = (
        await request(t.http)
          .get(`/api/legal/cases/${draft.id}`)
          .set(...reader.auth)
          .expect(200)
      ).body as LegalCaseView;
      expect(published).toMatchObject({ status: 'published', sourceQuestionId: null });
    });

    it('refuses a case from a question whose asker did not allow it', async () => {
      const w = await worker();
      const asked = (await ask(w, { publicAllowed: false }).expect(201)).body as LegalQuestionView;
      await message(staff, asked.id, '建议先协商。').expect(201);
      await request(t.http)
        .post(`/api/legal/questions/${asked.id}/close`)
        .set(...w.auth)
        .send({ rating: 3 })
        .expect(200);
      const res = await request(t.http)
        .post(`/api/legal/questions/${asked.id}/case-draft`)
        .set(...staff.auth)
        .expect(409);
      expect(res.body.message).toContain('未同意公开');
    });

    it('finds Chinese substrings in titles and text, by category, paginated, with LIKE wildcards taken literally', async () => {
      const created: number[] = [];
      const publish = async (title: string, facts: string, category = 'work_injury') => {
        const c = (
          await request(t.http)
            .post('/api/legal/cases')
            .set(...bearer(admin))
            .send({
              title: `${title}${tag}`,
              category,
              facts,
              outcome: '工会协助维权成功。',
              law: '《工伤保险条例》',
            })
            .expect(201)
        ).body as LegalCaseView;
        await request(t.http)
          .post(`/api/legal/cases/${c.id}/publish`)
          .set(...bearer(admin))
          .expect(200);
        created.push(c.id);
      };
      await publish('快递员送件途中摔伤', '快递员在送件途中骑电动车摔伤，公司拒绝申报工伤。');
      await publish('建筑工人高处坠落', '工人在脚手架上作业时坠落，认定为工伤。');
      await publish('餐馆服务员被辞退', '服务员怀孕后被辞退，要求赔偿。', 'dismissal');
      await publish('百分百赔偿的误解', '所谓100%赔偿并无法律依据。', 'other');
      const reader = await worker('查案例', '13600000000');
      const search = async (query: string) =>
        (
          (
            await request(t.http)
              .get(`/api/legal/cases?${query}`)
              .set(...reader.auth)
              .expect(200)
          ).body as Page<LegalCaseView>
        ).items
          .filter((c) => created.includes(c.id))
          .map((c) => c.title.replace(tag, ''));
      expect(await search(`q=${encodeURIComponent('送件途中')}`)).toEqual(['快递员送件途中摔伤']);
      expect(await search(`q=${encodeURIComponent('工伤')}&category=work_injury`)).toEqual([
        '建筑工人高处坠落',
        '快递员送件途中摔伤',
      ]);
      expect(await search(`q=${encodeURIComponent('辞退')}&category=work_injury`)).toEqual([]);
      // The category's name counts too: 解除劳动关系 is in 解除劳动关系与经济补偿, not in the case text.
      expect(await search(`q=${encodeURIComponent('解除劳动关系')}`)).toEqual(['餐馆服务员被辞退']);
      expect(await search(`q=${encodeURIComponent('100%')}`)).toEqual(['百分百赔偿的误解']);
      expect(await search(`q=${encodeURIComponent('%')}`)).toEqual(['百分百赔偿的误解']);
      const paged = (
        await request(t.http)
          .get(`/api/legal/cases?q=${tag}&pageSize=2&page=2`)
          .set(...reader.auth)
          .expect(200)
      ).body as Page<LegalCaseView>;
      expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      expect(paged.items).toHaveLength(2);
    });
  });

  describe('legal aid and mediation', () => {
    it('moves an application through its statuses, notifying the worker each time, and refuses a wrong step', async () => {
      const w = await worker();
      const applied = (
        await request(t.http)
          .post('/api/legal/aid-applications')
          .set(...w.auth)
          .send({
            kind: 'mediation',
            facts: '被公司无故辞退，要求经济补偿。',
            employer: '某餐饮公司',
            amountInDispute: 8500.5,
          })
          .expect(201)
      ).body as AidApplicationView;
      expect(applied).toMatchObject({
        status: 'received',
        amountInDispute: 8500.5,
        steps: [{ status: 'received' }],
      });
      const step = (status: string, note?: string) =>
        request(t.http)
          .post(`/api/legal/aid-applications/${applied.id}/status`)
          .set(...staff.auth)
          .send({ status, note });

      const skip = await step('concluded').expect(409);
      expect(skip.body.message).toContain('不能改为');
      await step('declined').expect(400); // a reason is required
      await step('accepted', '已安排调解员').expect(200);
      await step('in_progress').expect(200);
      const done = (await step('concluded', '双方达成调解协议').expect(200)).body as AidApplicationView;
      expect(done.steps.map((s) => s.status)).toEqual(['received', 'accepted', 'in_progress', 'concluded']);
      const told = (await notifications(w)).filter((n) => n.kind === 'aid_status_changed');
      expect(told.map((n) => n.title)).toEqual([
        '劳动争议调解申请：已办结',
        '劳动争议调解申请：办理中',
        '劳动争议调解申请：已受理',
      ]);
      const mine = (
        await request(t.http)
          .get('/api/legal/aid-applications/mine')
          .set(...w.auth)
          .expect(200)
      ).body as AidApplicationView[];
      expect(mine[0]).toMatchObject({ id: applied.id, status: 'concluded' });
      // Staff lists stay in scope.
      const theirs = (
        await request(t.http)
          .get('/api/legal/aid-applications')
          .set(...otherStaff.auth)
          .expect(200)
      ).body as Page<AidApplicationView>;
      expect(theirs.items.map((a) => a.id)).not.toContain(applied.id);
    });

    it('lets only one of two concurrent decisions through', async () => {
      const w = await worker();
      const applied = (
        await request(t.http)
          .post('/api/legal/aid-applications')
          .set(...w.auth)
          .send({
            kind: 'aid',
            facts: '工伤后公司不支付医疗费用。',
            employer: '某制造厂',
            amountInDispute: 30000,
          })
          .expect(201)
      ).body as AidApplicationView;
      const results = await Promise.all(
        ['accepted', 'declined'].map((status) =>
          request(t.http)
            .post(`/api/legal/aid-applications/${applied.id}/status`)
            .set(...staff.auth)
            .send({ status, note: '处理意见' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const final = (
        await request(t.http)
          .get(`/api/legal/aid-applications/${applied.id}`)
          .set(...w.auth)
          .expect(200)
      ).body as AidApplicationView;
      expect(final.steps).toHaveLength(2);
    });
  });
});
