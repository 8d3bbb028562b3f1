import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  LEGAL_QUESTION_STATUSES,
  type AttemptResultView,
  type AuthResult,
  type BenefitView,
  type CampaignView,
  type CareStatsView,
  type ClaimView,
  type CurrentSeasonView,
  type FeedPageView,
  type LeaderboardView,
  type LegalQuestionSummaryView,
  type LegalStatsView,
  type MyAttemptView,
  type MyReadingView,
  type NotificationKind,
  type NotificationPage,
  type OrgKind,
  type OrgParticipationView,
  type OrgTreeNode,
  type Page,
  type ParticipationView,
  type PastCampaignView,
  type PersonRankView,
  type QuizStatsView,
  type ReaderRankView,
  type ReadingStatsView,
  type RedemptionView,
  type StationStatsView,
  type WorkerCampaignView,
} from '@jingcai/shared';
import request from 'supertest';
import type { EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { createApp } from '../src/app.factory';
import { runCliCommand } from '../src/cli/commands';
import { loadConfig } from '../src/config/app-config';
import { Notification } from '../src/modules/notifications/entities/notification.entity';
import { Attempt, Certificate, Question } from '../src/modules/quiz/entities/quiz.entities';
import { ReadingCheckin, ReadingLike } from '../src/modules/reading/entities/reading.entities';
import { User } from '../src/modules/users/entities/user.entity';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { createDatabase, dropDatabase, TEST_DRIVER } from './support/test-database';

/** Seeding 5,000 people and 10,000 attempts on a shared two-core machine takes a while. */
const SEED_TIMEOUT_MS = 300_000;
const CAMPAIGN = '学习贯彻新《工会法》知识竞赛';
const ENDED_CAMPAIGN = '劳动合同法知识答题（第一期）';
const STREET_CAMPAIGN = '大市口街道安全生产知识答题';

/** Dev logins and GETs against one running API (a thunk: the app starts in beforeAll). */
function demoApi(server: () => Parameters<typeof request>[0]) {
  const as = async (openid: string) =>
    (await request(server()).post('/api/auth/dev/login').send({ openid }).expect(200)).body as AuthResult;
  const get = async <T>(auth: AuthResult, path: string, query: Record<string, unknown> = {}) => {
    const res = await request(server())
      .get(`/api${path}`)
      .query(query)
      .set(...bearer(auth))
      .expect(200);
    return res.body as T;
  };
  /** How many rows a paged list holds. */
  const total = async (auth: AuthResult, path: string, query: Record<string, unknown> = {}) =>
    (await get<Page<unknown>>(auth, path, { ...query, page: 1, pageSize: 1 })).total;
  return { as, get, total };
}

const ALL = { page: 1, pageSize: 100 };
/** Every kind of inbox entry the seed writes, space-separated. */
const NOTICE_KINDS = 'application_approved application_rejected legal_answered claim_ready claim_expiring';

/** Every figure above zero; a failure lists the ones that are not. */
function expectNoZero(figures: Record<string, number>): void {
  expect(Object.keys(figures).length).toBeGreaterThan(0);
  expect(Object.entries(figures).filter(([, n]) => !(n > 0))).toEqual([]);
}

const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);

/** 张伟's story (docs/demo.md) as the mini-program shows it, all through HTTP. */
async function expectZhangWeisStory({ as, get }: ReturnType<typeof demoApi>): Promise<void> {
  const zhang = await as('demo-worker');
  const campaigns = await get<WorkerCampaignView[]>(zhang, '/quiz/campaigns');
  // The district's campaign, and his street's own (大市口), which he has not taken yet.
  expect(campaigns.map((c) => c.title).sort()).toEqual([STREET_CAMPAIGN, CAMPAIGN].sort());
  expect(campaigns.find((c) => c.title === CAMPAIGN)).toMatchObject({ bestScore: 90, attemptsLeftToday: 3 });
  // Newest first; a campaign's certificate goes with its first passing attempt.
  const mine = await get<Page<MyAttemptView>>(zhang, '/quiz/attempts/mine', { page: 1, pageSize: 20 });
  expect(mine.items.map((a) => [a.campaign.title, a.score, a.certificateSerial !== null])).toEqual([
    [CAMPAIGN, 90, false],
    [CAMPAIGN, 70, true],
    [ENDED_CAMPAIGN, 80, true],
  ]);
  const best = await get<AttemptResultView>(zhang, `/quiz/attempts/${mine.items[0].attemptId}/result`);
  expect(best).toMatchObject({ score: 90, certificateSerial: expect.stringMatching(/^JC[0-9A-F]{16}$/) });
  const past = await get<Page<PastCampaignView>>(zhang, '/quiz/campaigns/past', { page: 1, pageSize: 20 });
  expect(past.items.map((c) => [c.title, c.myBestScore, Boolean(c.myCertificateSerial)])).toEqual([
    [ENDED_CAMPAIGN, 80, true],
  ]);

  const { season } = await get<CurrentSeasonView>(zhang, '/reading/seasons/current');
  const reading = await get<MyReadingView>(zhang, `/reading/seasons/${season!.id}/me`);
  expect(reading).toMatchObject({ currentStreak: 12, checkedInToday: false });
  expect(season!.startsOn < reading.today).toBe(true);

  const claims = await get<ClaimView[]>(zhang, '/care/claims/mine');
  expect(claims.map((c) => [c.status, c.benefit.title, c.station.name])).toEqual([
    ['claimed', '会员新春慰问品', '大市口户外劳动者服务站'],
  ]);
  // The inbox entry the claim left, still unread: it holds his pickup code.
  const inbox = await get<NotificationPage>(zhang, '/notifications', { page: 1, pageSize: 50 });
  const ready = inbox.items.filter((n) => n.kind === 'claim_ready');
  expect(ready.map((n) => [n.read, n.body.includes(claims[0].code)])).toEqual([[false, true]]);
}

/**
 * The demo district as `pnpm seed` writes it (the same code the embedded SQLite demo runs at boot), on a fresh
 * MariaDB database: its scale, the demo users' stories, and a console dashboard with no zero on it.
 */
describe('The demo district (e2e)', () => {
  const name = `jingcai_demo_${process.pid}`;
  let t: TestApp;
  let seeded: string;
  const api = demoApi(() => t.http);
  const { as, get, total } = api;
  const count = <T extends ObjectLiteral>(entity: EntityTarget<T>, where: FindOptionsWhere<T> = {}) =>
    t.dataSource.getRepository(entity).countBy(where);

  beforeAll(async () => {
    const url = await createDatabase(name);
    const config = loadConfig({
      DATABASE_URL: url,
      DATABASE_DRIVER: TEST_DRIVER,
      DATABASE_MIGRATIONS_RUN: 'true',
    });
    seeded = await runCliCommand(config, 'seed');
    t = await startTestApp({ env: { DATABASE_URL: url } });
  }, SEED_TIMEOUT_MS);
  afterAll(async () => {
    await t?.close();
    await dropDatabase(name);
  });

  it('seeds once, and says how long it took', () => {
    expect(seeded).toMatch(/^Demo data seeded in \d+ ms\.$/);
    console.log(`MariaDB: ${seeded}`);
  });

  it('has the scale of a district: 7 streets and 3 parks, 60 enterprises, ~5,000 workers, ~10,000 attempts', async () => {
    const [district] = await get<OrgTreeNode[]>(await as('demo-admin'), '/orgs/tree');
    const kinds = (nodes: OrgTreeNode[]): OrgKind[] => nodes.flatMap((n) => [n.kind, ...kinds(n.children)]);
    const orgs = (kind: OrgKind) => kinds(district.children).filter((k) => k === kind).length;
    expect([orgs('street'), orgs('park'), orgs('enterprise')]).toEqual([7, 3, 60]);
    const workers = await count(User);
    expect(workers).toBeGreaterThanOrEqual(4900);
    expect(workers).toBeLessThanOrEqual(5100);
    expect(await count(Question)).toBeGreaterThanOrEqual(60);
    const attempts = await count(Attempt);
    expect(attempts).toBeGreaterThanOrEqual(9000);
    expect(attempts).toBeLessThanOrEqual(12000);
    // Phones are stored encrypted, as the API stores them.
    const rider = await t.dataSource.getRepository(User).findOneByOrFail({ openid: 'demo-rider' });
    expect(rider.phoneCipher).not.toContain('1380000');
  });

  it('has history in every area: certificates, notes and likes, claims, legal questions, applications, notices', async () => {
    const admin = await as('demo-admin');
    const zhang = await as('demo-worker');
    const managed = await get<CampaignView[]>(admin, '/quiz/managed-campaigns');
    const ended = managed.filter((c) => c.status === 'ended');
    expect(ended.map((c) => c.title)).toEqual([ENDED_CAMPAIGN]);

    const { season } = await get<CurrentSeasonView>(zhang, '/reading/seasons/current');
    const seasonPath = `/reading/seasons/${season!.id}`;
    const feed = await get<FeedPageView>(zhang, `${seasonPath}/feed`, { limit: 50 });
    expect(feed.items.every((item) => item.note.length >= 10)).toBe(true);
    const readers = await get<LeaderboardView<ReaderRankView>>(zhang, `${seasonPath}/leaderboard`);

    const claims = { claimed: 0, redeemed: 0, cancelled: 0, expired: 0 };
    for (const { id } of (await get<Page<BenefitView>>(admin, '/care/managed-benefits', ALL)).items) {
      const stations = await get<StationStatsView[]>(admin, `/care/managed-benefits/${id}/stats`);
      for (const key of Object.keys(claims) as (keyof typeof claims)[])
        claims[key] += sum(stations, (s) => s[key]);
    }
    const legal: Record<string, number> = { overdue: await total(admin, '/legal/inbox', { overdue: true }) };
    for (const status of LEGAL_QUESTION_STATUSES)
      legal[status] = await total(admin, '/legal/inbox', { status });
    const notices: Record<string, number> = {};
    for (const kind of NOTICE_KINDS.split(' ') as NotificationKind[])
      notices[kind] = await count(Notification, { kind });

    expectNoZero({
      'ended campaign certificates': await count(Certificate, { campaignId: ended[0].id }),
      'notes in the feed': feed.items.length,
      'liked notes in the feed': feed.items.filter((item) => item.likeCount > 0).length,
      'check-ins': await count(ReadingCheckin),
      likes: await count(ReadingLike),
      'longest streak on the board': readers.top[0]?.longestStreak ?? 0,
      ...claims,
      ...legal,
      ...notices,
    });
    expect(await total(admin, '/membership/applications', { status: 'pending' })).toBe(36);
  });

  it('张伟 sees the open campaign, his attempts and certificates, a 12-day streak and a pack waiting', () =>
    expectZhangWeisStory(api));

  it('the campaign’s leaderboard has thousands of participants, 张伟 among them', async () => {
    const zhang = await as('demo-worker');
    const admin = await as('demo-admin');
    const { id } = (await get<WorkerCampaignView[]>(zhang, '/quiz/campaigns')).find(
      (c) => c.title === CAMPAIGN,
    )!;
    const participation = await get<ParticipationView>(admin, `/quiz/campaigns/${id}/participation`);
    expect(participation.participants).toBeGreaterThan(3000);
    const board = await get<LeaderboardView<PersonRankView>>(zhang, `/quiz/campaigns/${id}/leaderboard`);
    expect(board.top.length).toBeGreaterThan(0);
    expect(board.me).toMatchObject({ bestScore: 90 });
    expect(board.me!.rank).toBeGreaterThan(10);
  });

  it('黄律师 has two questions due, neither overdue yet', async () => {
    const lawyer = await as('demo-lawyer');
    const due = await get<Page<LegalQuestionSummaryView>>(lawyer, '/legal/inbox', {
      ...ALL,
      status: 'assigned',
    });
    expect(due.total).toBe(2);
    expect(due.items.map((q) => q.overdue)).toEqual([false, false]);
  });

  // The routes the console's 工作台 calls (apps/console/src/sections/dashboard/dashboard-data.ts).
  it.each(['demo-admin', 'demo-staff'])('%s sees no zero on the console dashboard', async (openid) => {
    const staff = await as(openid);
    expect(await total(staff, '/membership/applications', { status: 'pending' })).toBeGreaterThan(0);
    expect(await total(staff, '/moderation', { status: 'pending' })).toBeGreaterThan(0);
    expect(await total(staff, '/legal/inbox', { overdue: true })).toBeGreaterThan(0);
    expect(await total(staff, '/legal/inbox', { status: 'new' })).toBeGreaterThan(0);
    expect((await get<RedemptionView[]>(staff, '/care/redemptions/today')).length).toBeGreaterThan(0);
    const benefits = await get<Page<BenefitView>>(staff, '/care/managed-benefits', ALL);
    expect(benefits.items.length).toBeGreaterThan(0);
    expect(benefits.items.some((b) => b.remainingStock < b.totalStock)).toBe(true);
    const now = Date.now();
    const live = (await get<CampaignView[]>(staff, '/quiz/managed-campaigns')).filter(
      (c) => c.status === 'published' && Date.parse(c.startsAt) <= now && now <= Date.parse(c.endsAt),
    );
    expect(live.length).toBeGreaterThan(0);
    for (const campaign of live) {
      const { participants } = await get<ParticipationView>(
        staff,
        `/quiz/campaigns/${campaign.id}/participation`,
      );
      expect(participants).toBeGreaterThan(0);
    }
  });

  // Its charts (sections/dashboard/dashboard-shape.ts): every series, for every choice a panel offers.
  it.each(['demo-admin', 'demo-staff'])('%s sees figures in every dashboard chart', async (openid) => {
    const staff = await as(openid);
    const { campaigns } = await get<QuizStatsView>(staff, '/quiz/stats');
    const { seasons } = await get<ReadingStatsView>(staff, '/reading/stats');
    const { benefits } = await get<CareStatsView>(staff, '/care/stats');
    expect([campaigns.length, seasons.length, benefits.length].every((n) => n > 0)).toBe(true);
    const figures: Record<string, number> = {};
    for (const { id, title } of campaigns) {
      const view = await get<QuizStatsView>(staff, '/quiz/stats', { campaignId: id });
      figures[`${title} 参与人数`] = sum(view.days, (d) => d.participants);
      figures[`${title} 答题次数`] = sum(view.days, (d) => d.attempts);
      figures[`${title} 参与率`] = sum(view.orgs, (o) => o.participationRate);
    }
    for (const { id, title } of seasons) {
      const view = await get<ReadingStatsView>(staff, '/reading/stats', { seasonId: id });
      figures[`${title} 打卡人数`] = sum(view.days, (d) => d.readers);
      figures[`${title} 参与率`] = sum(view.orgs, (o) => o.participationRate);
    }
    for (const { id, title } of benefits) {
      const view = await get<CareStatsView>(staff, '/care/stats', { benefitId: id });
      figures[`${title} 领取`] = sum(view.days, (d) => d.claimed);
      figures[`${title} 核销`] = sum(view.days, (d) => d.redeemed);
    }
    const legal = await get<LegalStatsView>(staff, '/legal/stats');
    figures['新咨询'] = sum(legal.weeks, (w) => w.opened);
    figures['已答复'] = sum(legal.weeks, (w) => w.answered);
    figures['超期未答复'] = legal.overdue;
    expectNoZero(figures);
  });

  it('compares the district’s streets and parks by a non-zero participation rate', async () => {
    const admin = await as('demo-admin');
    const districtWide = (await get<CampaignView[]>(admin, '/quiz/managed-campaigns')).filter(
      (c) => !c.audienceOrg,
    );
    expect(districtWide.map((c) => c.title).sort()).toEqual([CAMPAIGN, ENDED_CAMPAIGN].sort());
    const comparisons: { orgs: OrgParticipationView[] }[] = [
      await get<ReadingStatsView>(admin, '/reading/stats'),
    ];
    for (const { id } of districtWide)
      comparisons.push(await get<QuizStatsView>(admin, '/quiz/stats', { campaignId: id }));
    for (const { orgs } of comparisons) {
      expect(orgs.filter((o) => o.org.kind === 'street' || o.org.kind === 'park')).toHaveLength(10);
      expect(orgs.filter((o) => !(o.participationRate > 0)).map((o) => o.org.name)).toEqual([]);
    }
  });

  it('is written again as it was: a second seed leaves the district alone', async () => {
    const config = loadConfig({
      DATABASE_URL: (t.dataSource.options as { url: string }).url,
      DATABASE_DRIVER: TEST_DRIVER,
      DATABASE_MIGRATIONS_RUN: 'false',
    });
    expect(await runCliCommand(config, 'seed')).toBe('Demo data already present.');
  });
});

/** The API as `pnpm demo` starts it (scripts/demo.mjs): embedded SQLite, seeded at boot, readable logs. */
describe('The demo district on embedded SQLite, seeded at boot (e2e)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jingcai-demo-seed-'));
  const logs: string[] = [];
  let app: NestFastifyApplication;

  beforeAll(async () => {
    // DEMO_SEED is left to its default, as demo.mjs leaves it; LOG_LEVEL=warn as test-all.mjs runs the demo.
    const config = loadConfig({
      SQLITE_PATH: join(dir, 'demo.sqlite'),
      LOG_FORMAT: 'pretty',
      LOG_LEVEL: 'warn',
    });
    app = await createApp(config, { logStream: { write: (line: string) => logs.push(line) } });
    await app.getHttpAdapter().getInstance().ready();
  }, SEED_TIMEOUT_MS);
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs the seeding time at LOG_LEVEL=warn too, in the line demo.mjs reads', () => {
    const line = logs.find((l) => /INFO +\[Seed\] seeded the demo district in \d+ ms$/.test(l.trim()));
    expect(line).toBeDefined();
    console.log(`sql.js, at boot: ${line!.trim()}`);
  });

  it('张伟 sees the open campaign, his attempts and certificates, a 12-day streak and a pack waiting', () =>
    expectZhangWeisStory(demoApi(() => app.getHttpServer())));
});
