import { randomUUID } from 'node:crypto';
import {
  PRIVACY_POLICY_VERSION,
  type AttemptView,
  type AuthResult,
  type BankView,
  type CampaignView,
  type CareStatsView,
  type ClaimView,
  type LegalQuestionView,
  type LegalStatsView,
  type OrgView,
  type QuizStatsView,
  type ReadingStatsView,
  type SeasonView,
  type StationView,
} from '@jingcai/shared';
import request from 'supertest';
import { AccessTokenService } from '../src/common/auth/access-token.service';
import type { RoleGrant } from '../src/common/auth/auth-user';
import { Clock } from '../src/common/clock';
import { UserRole } from '../src/modules/users/entities/user-role.entity';
import { User } from '../src/modules/users/entities/user.entity';
import { bearer, loginWithRole, startTestApp, type TestApp } from './support/test-app';

type Person = { id: number; auth: [string, string] };

/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string) => new Date(`${local}+08:00`);

/**
 * The dashboard's figures on data made here, at known Shanghai times: a day ends at Shanghai midnight
 * (16:00 UTC), a week on Sunday night, and every staff member sees their own subtree only.
 */
describe('Dashboard figures (e2e)', () => {
  let t: TestApp;
  let admin: AuthResult;
  let district: OrgView;
  let streetA: OrgView;
  let enterpriseA: OrgView;
  let streetB: OrgView;
  let staffA: Person;
  let staffB: Person;
  let w1: Person;
  let w2: Person;
  let w3: Person;
  let now = new Date();
  const tag = Date.now().toString(36);

  const as = (p: Person | AuthResult, method: 'get' | 'post', path: string) => {
    const req = request(t.http)[method](path);
    return 'auth' in p ? req.set(...p.auth) : req.set(...bearer(p));
  };
  const at = <T>(instant: string, run: () => Promise<T>): Promise<T> => {
    now = shanghai(instant);
    return run();
  };

  beforeAll(async () => {
    t = await startTestApp();
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => now);
    admin = await loginWithRole(t, 'admin');
    const org = async (name: string, kind: string, parentId: number | null, memberCount: number) =>
      (await as(admin, 'post', '/api/orgs').send({ name: `${name}${tag}`, kind, parentId, memberCount }).expect(201))
        .body as OrgView;
    district = await org('看板区', 'district', null, 1000);
    streetA = await org('看板甲街道', 'street', district.id, 10);
    enterpriseA = await org('看板甲企业', 'enterprise', streetA.id, 4);
    streetB = await org('看板乙街道', 'street', district.id, 20);
    staffA = await person('甲街道干事', null, [{ role: 'staff', orgId: streetA.id }]);
    staffB = await person('乙街道干事', null, [{ role: 'staff', orgId: streetB.id }]);
    w1 = await person('张师傅', enterpriseA.id);
    w2 = await person('李师傅', enterpriseA.id);
    w3 = await person('王师傅', streetB.id);
  });
  afterAll(() => t.close());

  async function person(realName: string, orgId: number | null, grants: RoleGrant[] = []): Promise<Person> {
    const users = t.dataSource.getRepository(User);
    const user = users.create({ openid: `dash-${randomUUID()}`, realName, orgId, consentVersion: PRIVACY_POLICY_VERSION });
    await users.insert(user);
    for (const grant of grants) await t.dataSource.getRepository(UserRole).insert({ userId: user.id, ...grant });
    return { id: user.id, auth: ['Authorization', `Bearer ${t.app.get(AccessTokenService).sign(user.id, grants)}`] };
  }

  describe('quiz', () => {
    let campaign: CampaignView;

    beforeAll(async () => {
      now = shanghai('2026-03-01T08:00:00');
      const bank = (await as(admin, 'post', '/api/quiz/banks').send({ name: `看板题库${tag}`, ownerOrgId: district.id }).expect(201))
        .body as BankView;
      await as(admin, 'post', `/api/quiz/banks/${bank.id}/questions`)
        .send({
          type: 'judge',
          stem: '工会会员有权参加工会活动',
          options: [
            { key: 'A', text: '正确' },
            { key: 'B', text: '错误' },
          ],
          answer: ['A'],
          explanation: '见《工会章程》',
          tags: [],
          difficulty: 1,
        })
        .expect(201);
      const created = (
        await as(admin, 'post', '/api/quiz/campaigns')
          .send({
            title: `看板答题${tag}`,
            rules: '每天 5 次。',
            startsAt: shanghai('2026-03-01T00:00:00').toISOString(),
            endsAt: shanghai('2026-03-20T00:00:00').toISOString(),
            audienceOrgId: null,
            membersOnly: false,
            draw: [{ bankId: bank.id, type: 'judge', count: 1 }],
            shuffleOptions: false,
            secondsPerAttempt: 600,
            attemptsPerDay: 5,
            passScore: 60,
            ownerOrgId: district.id,
          })
          .expect(201)
      ).body as CampaignView;
      campaign = (await as(admin, 'post', `/api/quiz/campaigns/${created.id}/publish`).expect(201)).body as CampaignView;

      const take = async (w: Person, instant: string) =>
        at(instant, async () => {
          const attempt = (await as(w, 'post', `/api/quiz/campaigns/${campaign.id}/attempts`).expect(201)).body as AttemptView;
          await as(w, 'post', `/api/quiz/attempts/${attempt.attemptId}/submit`)
            .send({ answers: attempt.questions.map((q) => ({ questionId: q.id, choice: ['A'] })) })
            .expect(201);
        });
      await take(w1, '2026-03-02T23:59:00'); // the last minute of 2 March
      await take(w1, '2026-03-03T00:00:30'); // the first of 3 March
      await take(w2, '2026-03-03T09:00:00');
      await take(w2, '2026-03-03T10:00:00');
      await take(w3, '2026-03-03T11:00:00');
      now = shanghai('2026-03-04T12:00:00');
    });

    const stats = (p: Person | AuthResult, query: object = {}) =>
      as(p, 'get', '/api/quiz/stats').query({ campaignId: campaign.id, days: 7, ...query });

    it("counts a street's attempts and participants per Shanghai day, from the campaign's first day", async () => {
      const body = (await stats(staffA).expect(200)).body as QuizStatsView;
      expect(body.campaignId).toBe(campaign.id);
      expect(body.campaigns.map((c) => c.id)).toContain(campaign.id);
      expect(body.days).toEqual([
        { day: '2026-03-01', participants: 0, attempts: 0 },
        { day: '2026-03-02', participants: 1, attempts: 1 },
        { day: '2026-03-03', participants: 2, attempts: 3 },
        { day: '2026-03-04', participants: 0, attempts: 0 },
      ]);
      // A street's staff compare its enterprises: 2 of 4 workers on record took part.
      expect(body.orgs).toEqual([
        { org: { id: enterpriseA.id, name: enterpriseA.name, kind: 'enterprise' }, participants: 2, memberCount: 4, participationRate: 0.5 },
      ]);
    });

    it("shows the other street's staff only their own street's numbers", async () => {
      const body = (await stats(staffB).expect(200)).body as QuizStatsView;
      expect(body.days.map((d) => [d.day, d.participants, d.attempts])).toEqual([
        ['2026-03-01', 0, 0],
        ['2026-03-02', 0, 0],
        ['2026-03-03', 1, 1],
        ['2026-03-04', 0, 0],
      ]);
      expect(body.orgs).toEqual([
        { org: { id: streetB.id, name: streetB.name, kind: 'street' }, participants: 1, memberCount: 20, participationRate: 0.05 },
      ]);
    });

    it('compares the streets for the district, and sums the whole district per day', async () => {
      const body = (await stats(admin).expect(200)).body as QuizStatsView;
      expect(body.days.find((d) => d.day === '2026-03-03')).toEqual({ day: '2026-03-03', participants: 3, attempts: 4 });
      const mine = body.orgs.filter((o) => [streetA.id, streetB.id].includes(o.org.id));
      expect(mine.map((o) => [o.org.id, o.participants, o.participationRate])).toEqual([
        [streetA.id, 2, 0.2],
        [streetB.id, 1, 0.05],
      ]);
    });

    it('refuses workers and answers 404 for a campaign aimed at another street', async () => {
      await stats(w1).expect(403);
      const aimed = (
        await as(admin, 'post', '/api/quiz/campaigns')
          .send({
            title: `甲街道答题${tag}`,
            rules: '每天 1 次。',
            startsAt: shanghai('2026-03-01T00:00:00').toISOString(),
            endsAt: shanghai('2026-03-20T00:00:00').toISOString(),
            audienceOrgId: streetA.id,
            membersOnly: false,
            draw: [{ bankId: (await as(admin, 'get', '/api/quiz/banks').expect(200)).body[0].id, type: 'judge', count: 1 }],
            shuffleOptions: false,
            secondsPerAttempt: 600,
            attemptsPerDay: 1,
            passScore: 60,
            ownerOrgId: streetA.id,
          })
          .expect(201)
      ).body as CampaignView;
      await as(admin, 'post', `/api/quiz/campaigns/${aimed.id}/publish`).expect(201);
      await stats(staffA, { campaignId: aimed.id }).expect(200);
      await stats(staffB, { campaignId: aimed.id }).expect(404);
      const listed = (await stats(staffB, { campaignId: undefined }).expect(200)).body as QuizStatsView;
      expect(listed.campaigns.map((c) => c.id)).not.toContain(aimed.id);
      await stats(staffA, { days: 6 }).expect(400);
      await stats(staffA, { days: 91 }).expect(400);
    });
  });

  describe('reading', () => {
    let season: SeasonView;

    beforeAll(async () => {
      now = shanghai('2026-03-01T08:00:00');
      const created = (
        await as(admin, 'post', '/api/reading/seasons')
          .send({
            theme: `看板阅读季${tag}`,
            description: '每天读书打卡',
            startsOn: '2026-03-01',
            endsOn: '2026-03-31',
            books: [{ title: '平凡的世界', author: '路遥', blurb: '一部全景式地表现中国当代城乡社会生活的长篇小说。' }],
            minNoteLength: 0,
            makeUpAllowance: 1,
            badgeThresholds: [1],
            audienceOrgId: null,
            ownerOrgId: district.id,
          })
          .expect(201)
      ).body as SeasonView;
      season = (await as(admin, 'post', `/api/reading/seasons/${created.id}/publish`).expect(200)).body as SeasonView;
      const checkin = (w: Person, instant: string) =>
        at(instant, () =>
          as(w, 'post', `/api/reading/seasons/${season.id}/checkins`)
            .send({ bookId: season.books[0].id, minutes: 20, note: `读了一章 ${randomUUID().slice(0, 8)}` })
            .expect(201),
        );
      await checkin(w1, '2026-03-02T23:59:30');
      await checkin(w1, '2026-03-03T00:00:10');
      await checkin(w3, '2026-03-03T08:00:00');
      now = shanghai('2026-03-04T12:00:00');
    });

    const stats = (p: Person | AuthResult) =>
      as(p, 'get', '/api/reading/stats').query({ seasonId: season.id, days: 7 });

    it('counts readers per Shanghai day and participation by org, within the scope', async () => {
      const a = (await stats(staffA).expect(200)).body as ReadingStatsView;
      expect(a.seasonId).toBe(season.id);
      expect(a.days.map((d) => [d.day, d.readers])).toEqual([
        ['2026-03-01', 0],
        ['2026-03-02', 1],
        ['2026-03-03', 1],
        ['2026-03-04', 0],
      ]);
      expect(a.orgs.map((o) => [o.org.id, o.participants, o.participationRate])).toEqual([[enterpriseA.id, 1, 0.25]]);
      const b = (await stats(staffB).expect(200)).body as ReadingStatsView;
      expect(b.days.map((d) => d.readers)).toEqual([0, 0, 1, 0]);
      expect(b.orgs.map((o) => [o.org.id, o.participants])).toEqual([[streetB.id, 1]]);
      await stats(w1).expect(403);
    });
  });

  describe('care', () => {
    let benefitId: number;

    beforeAll(async () => {
      now = shanghai('2026-03-01T08:00:00');
      const station = (
        await as(admin, 'post', '/api/care/stations')
          .send({
            name: `看板服务站${tag}`,
            address: '京口区中山路 1 号',
            latitude: 32.2,
            longitude: 119.45,
            hours: '08:00-20:00',
            amenities: [],
            orgId: streetA.id,
          })
          .expect(201)
      ).body as StationView;
      benefitId = (
        (
          await as(admin, 'post', '/api/care/benefits')
            .send({
              title: `看板礼包${tag}`,
              description: '保温杯、急救包。',
              kind: 'pack',
              stock: 10,
              perPersonLimit: 1,
              claimStartsAt: shanghai('2026-03-01T00:00:00').toISOString(),
              claimEndsAt: shanghai('2026-03-05T00:00:00').toISOString(),
              pickupDeadline: shanghai('2026-03-10T00:00:00').toISOString(),
              eligibility: { categories: [], gigVerifiedRequired: false, tags: [], membersOnly: false, orgId: null },
              stationIds: [station.id],
              ownerOrgId: streetA.id,
            })
            .expect(201)
        ).body as { id: number }
      ).id;
      const claim = async (w: Person, createdAtUtc: string) => {
        const c = (await as(w, 'post', `/api/care/benefits/${benefitId}/claims`).send({ stationId: station.id }).expect(201))
          .body as ClaimView;
        // Claims are stamped by the database; move each to a known instant either side of Shanghai midnight.
        await t.dataSource.query('UPDATE care_claims SET created_at = ? WHERE id = ?', [createdAtUtc, c.claimId]);
        return c;
      };
      const first = await claim(w1, '2026-03-02 15:59:59.500000'); // 23:59:59 on 2 March in Shanghai
      await claim(w2, '2026-03-02 16:00:00.000000'); // midnight: 3 March
      await claim(w3, '2026-03-03 03:00:00.000000');
      await at('2026-03-03T00:00:10', () => as(staffA, 'post', '/api/care/redemptions').send({ code: first.code }).expect(201));
      now = shanghai('2026-03-04T12:00:00');
    });

    it('counts packs claimed and handed out per Shanghai day', async () => {
      const body = (await as(staffA, 'get', '/api/care/stats').query({ benefitId, days: 7 }).expect(200)).body as CareStatsView;
      expect(body.benefits.map((b) => b.id)).toContain(benefitId);
      expect(body.days).toEqual([
        { day: '2026-03-01', claimed: 0, redeemed: 0 },
        { day: '2026-03-02', claimed: 1, redeemed: 0 },
        { day: '2026-03-03', claimed: 2, redeemed: 1 },
        { day: '2026-03-04', claimed: 0, redeemed: 0 },
      ]);
      // With no benefit named, the newest one the staff member manages.
      const latest = (await as(staffA, 'get', '/api/care/stats').expect(200)).body as CareStatsView;
      expect(latest.benefitId).toBe(benefitId);
    });

    it("answers the other street's staff 404 for the benefit and lists none of it", async () => {
      await as(staffB, 'get', '/api/care/stats').query({ benefitId }).expect(404);
      const body = (await as(staffB, 'get', '/api/care/stats').expect(200)).body as CareStatsView;
      expect(body).toEqual({ benefits: [], benefitId: null, days: [] });
      await as(w1, 'get', '/api/care/stats').expect(403);
    });
  });

  describe('legal', () => {
    beforeAll(async () => {
      const ask = (w: Person, instant: string) =>
        at(instant, async () => {
          const { id } = (
            await as(w, 'post', '/api/legal/questions')
              .send({ category: 'wage_arrears', title: '拖欠工资怎么办', body: '老板拖欠三个月工资，我该怎么维权？', publicAllowed: false })
              .expect(201)
          ).body as LegalQuestionView;
          // The question row is stamped by the database; its due time (from the clock) already follows `instant`.
          await t.dataSource.query('UPDATE legal_questions SET created_at = ? WHERE id = ?', [now, id]);
          return id;
        });
      const answer = (id: number, instant: string) =>
        at(instant, () => as(staffA, 'post', `/api/legal/questions/${id}/messages`).send({ body: '可以先向劳动监察大队投诉。' }).expect(201));
      await ask(w2, '2026-03-02T10:00:00'); // never answered: due 5 March, overdue by the 10th
      const sunday = await ask(w1, '2026-03-08T23:59:00'); // Sunday night: the week of 2 March
      await ask(w2, '2026-03-09T00:00:30'); // Monday: the week of 9 March
      await ask(w3, '2026-03-09T09:00:00');
      await answer(sunday, '2026-03-09T10:00:00');
      await answer(sunday, '2026-03-10T09:00:00'); // a second answer is not a second answered question
      now = shanghai('2026-03-10T12:00:00');
    });

    it('counts questions opened and first answered per Monday week, and the overdue ones, within the scope', async () => {
      const a = (await as(staffA, 'get', '/api/legal/stats').query({ weeks: 4 }).expect(200)).body as LegalStatsView;
      expect(a).toEqual({
        weeks: [
          { week: '2026-02-16', opened: 0, answered: 0 },
          { week: '2026-02-23', opened: 0, answered: 0 },
          { week: '2026-03-02', opened: 2, answered: 0 },
          { week: '2026-03-09', opened: 1, answered: 1 },
        ],
        overdue: 1,
      });
      const b = (await as(staffB, 'get', '/api/legal/stats').query({ weeks: 4 }).expect(200)).body as LegalStatsView;
      expect(b.weeks.map((w) => [w.week, w.opened, w.answered])).toEqual([
        ['2026-02-16', 0, 0],
        ['2026-02-23', 0, 0],
        ['2026-03-02', 0, 0],
        ['2026-03-09', 1, 0],
      ]);
      expect(b.overdue).toBe(0);
      await as(w1, 'get', '/api/legal/stats').expect(403);
      await as(staffA, 'get', '/api/legal/stats').query({ weeks: 27 }).expect(400);
    });
  });
});
