import { randomUUID } from 'node:crypto';
import {
  PRIVACY_POLICY_VERSION,
  type AttemptView,
  type AuthResult,
  type BankView,
  type CampaignBody,
  type CampaignView,
  type CertificateView,
  type LeaderboardView,
  type MyAttemptView,
  type OrgView,
  type Page,
  type PastCampaignView,
  type PersonRankView,
} from '@jingcai/shared';
import request from 'supertest';
import { AccessTokenService } from '../src/common/auth/access-token.service';
import { User } from '../src/modules/users/entities/user.entity';
import { bearer, loginWithRole, startTestApp, type TestApp, orgMaker } from './support/test-app';

interface Worker {
  id: number;
  auth: [string, string];
}

/** Issue 21: a worker's own history — attempts and certificates across campaigns, and campaigns that are over. */
describe('Quiz history (e2e)', () => {
  let t: TestApp;
  let admin: AuthResult;
  let street: OrgView;
  let otherStreet: OrgView;
  let bank: BankView;
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginWithRole(t, 'admin');
    const org = orgMaker(t, admin, tag, { memberCount: 10 });
    const district = await org('往期区', 'district', null);
    street = await org('往期甲街道', 'street', district.id);
    otherStreet = await org('往期乙街道', 'street', district.id);
    bank = (
      await request(t.http)
        .post('/api/quiz/banks')
        .set(...bearer(admin))
        .send({ name: `题库${tag}`, ownerOrgId: district.id })
        .expect(201)
    ).body as BankView;
    for (let i = 1; i <= 2; i++)
      await request(t.http)
        .post(`/api/quiz/banks/${bank.id}/questions`)
        .set(...bearer(admin))
        .send({
          type: 'judge',
          stem: `判断题${i}`,
          options: [
            { key: 'A', text: '正确' },
            { key: 'B', text: '错误' },
          ],
          answer: ['A'],
          explanation: '正确',
          tags: [],
          difficulty: 1,
        })
        .expect(201);
  });
  afterAll(() => t.close());

  async function campaign(title: string, overrides: Partial<CampaignBody> = {}): Promise<CampaignView> {
    const body: CampaignBody = {
      title: `${title}${tag}`,
      rules: '每天 3 次。',
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 86400_000).toISOString(),
      audienceOrgId: street.id,
      membersOnly: false,
      draw: [{ bankId: bank.id, type: 'judge', count: 2 }],
      shuffleOptions: false,
      secondsPerAttempt: 600,
      attemptsPerDay: 3,
      passScore: 60,
      ownerOrgId: street.id,
      ...overrides,
    };
    const created = (
      await request(t.http).post('/api/quiz/campaigns').set(...bearer(admin)).send(body).expect(201)
    ).body as CampaignView;
    return (
      await request(t.http)
        .post(`/api/quiz/campaigns/${created.id}/publish`)
        .set(...bearer(admin))
        .expect(201)
    ).body as CampaignView;
  }

  async function worker(orgId = street.id, fixture: Partial<User> = {}): Promise<Worker> {
    const users = t.dataSource.getRepository(User);
    const user = users.create({
      openid: `history-${randomUUID()}`,
      realName: '孙往期',
      orgId,
      consentVersion: PRIVACY_POLICY_VERSION,
      ...fixture,
    });
    await users.insert(user);
    return { id: user.id, auth: ['Authorization', `Bearer ${t.app.get(AccessTokenService).sign(user.id, [])}`] };
  }

  /** An attempt taken and submitted: every judge question answered A (right) or B (wrong). */
  async function take(w: Worker, c: CampaignView, right: boolean): Promise<number> {
    const attempt = (
      await request(t.http).post(`/api/quiz/campaigns/${c.id}/attempts`).set(...w.auth).expect(201)
    ).body as AttemptView;
    await request(t.http)
      .post(`/api/quiz/attempts/${attempt.attemptId}/submit`)
      .set(...w.auth)
      .send({ answers: attempt.questions.map((q) => ({ questionId: q.id, choice: [right ? 'A' : 'B'] })) })
      .expect(201);
    return attempt.attemptId;
  }

  const get = async <T>(w: Worker, path: string, query: Record<string, number> = {}): Promise<T> =>
    (await request(t.http).get(path).query(query).set(...w.auth).expect(200)).body as T;

  it('lists my own attempts across campaigns, newest first, with the certificate the passing one earned', async () => {
    const first = await campaign('第一期');
    const second = await campaign('第二期');
    const me = await worker();
    const other = await worker();
    const failed = await take(me, first, false);
    const passed = await take(me, first, true);
    const later = await take(me, second, false);
    const theirs = await take(other, first, true);

    const page = await get<Page<MyAttemptView>>(me, '/api/quiz/attempts/mine');
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(page.items.map((a) => a.attemptId)).toEqual([later, passed, failed]);
    expect(page.items.map((a) => a.attemptId)).not.toContain(theirs);
    const [, pass, fail] = page.items;
    expect(pass).toMatchObject({
      campaign: { id: first.id, title: first.title, status: 'published' },
      score: 100,
      passed: true,
      correctCount: 2,
      questionCount: 2,
      late: false,
    });
    expect(pass.certificateSerial).toMatch(/^JC[0-9A-F]{16}$/);
    expect(fail).toMatchObject({ score: 0, passed: false, certificateSerial: null });

    const second2 = await get<Page<MyAttemptView>>(me, '/api/quiz/attempts/mine', { page: 2, pageSize: 2 });
    expect(second2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second2.items.map((a) => a.attemptId)).toEqual([failed]);

    // The certificate list: mine only, openable by its serial like any verification.
    const certificates = await get<CertificateView[]>(me, '/api/quiz/certificates/mine');
    expect(certificates).toEqual([
      expect.objectContaining({ serial: pass.certificateSerial, campaignTitle: first.title, score: 100 }),
    ]);
    expect(certificates[0].imageUrl).toContain(`/api/quiz/certificates/${pass.certificateSerial}/image.png`);
    const theirCertificates = await get<CertificateView[]>(other, '/api/quiz/certificates/mine');
    expect(theirCertificates.map((c) => c.serial)).not.toContain(pass.certificateSerial);
    expect(theirCertificates).toHaveLength(1);

    // A worker who never took part has no history.
    const stranger = await worker();
    expect(await get<Page<MyAttemptView>>(stranger, '/api/quiz/attempts/mine')).toMatchObject({ items: [], total: 0 });
    expect(await get<CertificateView[]>(stranger, '/api/quiz/certificates/mine')).toEqual([]);
  });

  it('keeps an ended campaign visible to its audience, with its final figures and a readable leaderboard', async () => {
    const ended = await campaign('已结束');
    const open = await campaign('进行中');
    const lapsed = await campaign('已过期', {
      startsAt: new Date(Date.now() - 3 * 86400_000).toISOString(),
      endsAt: new Date(Date.now() - 86400_000).toISOString(),
    });
    const me = await worker();
    const rival = await worker();
    await take(me, ended, true);
    await take(rival, ended, false);
    await request(t.http).post(`/api/quiz/campaigns/${ended.id}/end`).set(...bearer(admin)).expect(201);

    const past = await get<Page<PastCampaignView>>(me, '/api/quiz/campaigns/past', { pageSize: 100 });
    const ids = past.items.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([ended.id, lapsed.id]));
    expect(ids).not.toContain(open.id);
    // Latest to end first: the one ended now (its window reaches into tomorrow) before the lapsed one.
    expect(ids.indexOf(ended.id)).toBeLessThan(ids.indexOf(lapsed.id));
    const mine = past.items.find((c) => c.id === ended.id)!;
    expect(mine).toMatchObject({ title: ended.title, participants: 2, myBestScore: 100, questionCount: 2 });
    expect(mine.myCertificateSerial).toMatch(/^JC/);
    expect(past.items.find((c) => c.id === lapsed.id)).toMatchObject({ participants: 0, myBestScore: null });
    // The open list no longer shows it.
    const openList = await get<{ id: number }[]>(me, '/api/quiz/campaigns');
    expect(openList.map((c) => c.id)).not.toContain(ended.id);

    const board = await get<LeaderboardView<PersonRankView>>(me, `/api/quiz/campaigns/${ended.id}/leaderboard`);
    expect(board.top.map((r) => [r.userId, r.bestScore])).toEqual([
      [me.id, 100],
      [rival.id, 0],
    ]);
    expect(board.me).toMatchObject({ rank: 1, userId: me.id });

    // Outside the audience: not listed, and the leaderboard is the 404 of a campaign one cannot see.
    const outsider = await worker(otherStreet.id);
    const theirs = await get<Page<PastCampaignView>>(outsider, '/api/quiz/campaigns/past', { pageSize: 100 });
    expect(theirs.items.map((c) => c.id)).not.toContain(ended.id);
    await request(t.http).get(`/api/quiz/campaigns/${ended.id}/leaderboard`).set(...outsider.auth).expect(404);
  });

  it('shows a members-only campaign that is over to members only', async () => {
    const membersOnly = await campaign('会员专享', { membersOnly: true });
    await request(t.http).post(`/api/quiz/campaigns/${membersOnly.id}/end`).set(...bearer(admin)).expect(201);
    const nonMember = await worker();
    const listed = await get<Page<PastCampaignView>>(nonMember, '/api/quiz/campaigns/past', { pageSize: 100 });
    expect(listed.items.map((c) => c.id)).not.toContain(membersOnly.id);
    const member = await worker(street.id, { membership: 'member', memberNo: `H${tag}` });
    const theirs = await get<Page<PastCampaignView>>(member, '/api/quiz/campaigns/past', { pageSize: 100 });
    expect(theirs.items.map((c) => c.id)).toContain(membersOnly.id);
  });

  it('refuses a page out of range as bad input', async () => {
    const me = await worker();
    await request(t.http).get('/api/quiz/attempts/mine').query({ pageSize: 101 }).set(...me.auth).expect(400);
    await request(t.http).get('/api/quiz/campaigns/past').query({ page: 0 }).set(...me.auth).expect(400);
  });
});
