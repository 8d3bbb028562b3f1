import type {
  AttemptResultView,
  AuthResult,
  BenefitView,
  CampaignView,
  ClaimView,
  CurrentSeasonView,
  LeaderboardView,
  LegalQuestionSummaryView,
  MyReadingView,
  Page,
  ParticipationView,
  PersonRankView,
  RedemptionView,
  WorkerCampaignView,
} from '@jingcai/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { runCliCommand } from '../src/cli/commands';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { loadConfig } from '../src/config/app-config';
import { ENTITIES } from '../src/database/entities';
import { seedDemoData } from '../src/database/seeds/seed-demo';
import { Attempt, Question } from '../src/modules/quiz/entities/quiz.entities';
import { User } from '../src/modules/users/entities/user.entity';
import { bearer, startTestApp, type TestApp } from './support/test-app';
import { createDatabase, dropDatabase, TEST_DRIVER } from './support/test-database';

/** Seeding 5,000 people and 10,000 attempts on a shared two-core machine takes a while. */
const SEED_TIMEOUT_MS = 300_000;
const CAMPAIGN = '学习贯彻新《工会法》知识竞赛';

/**
 * The demo district as `pnpm seed` writes it (the same code the embedded SQLite demo runs at boot), on a fresh
 * MariaDB database: its scale, the demo users' stories, and a console dashboard with no zero on it.
 */
describe('The demo district (e2e)', () => {
  const name = `jingcai_demo_${process.pid}`;
  let t: TestApp;
  let seeded: string;
  const as = async (openid: string) =>
    (await request(t.http).post('/api/auth/dev/login').send({ openid }).expect(200)).body as AuthResult;
  const get = async <T>(auth: AuthResult, path: string, query: Record<string, unknown> = {}) =>
    (await request(t.http).get(`/api${path}`).query(query).set(...bearer(auth)).expect(200)).body as T;

  beforeAll(async () => {
    const url = await createDatabase(name);
    const config = loadConfig({ DATABASE_URL: url, DATABASE_DRIVER: TEST_DRIVER, DATABASE_MIGRATIONS_RUN: 'true' });
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

  it('has the scale of a district: ~5,000 workers, a bank of 60+ questions, ~10,000 attempts', async () => {
    const workers = await t.dataSource.getRepository(User).count();
    expect(workers).toBeGreaterThanOrEqual(4900);
    expect(workers).toBeLessThanOrEqual(5100);
    expect(await t.dataSource.getRepository(Question).count()).toBeGreaterThanOrEqual(60);
    const attempts = await t.dataSource.getRepository(Attempt).count();
    expect(attempts).toBeGreaterThanOrEqual(9000);
    expect(attempts).toBeLessThanOrEqual(12000);
    // Phones are stored encrypted, as the API stores them.
    const rider = await t.dataSource.getRepository(User).findOneByOrFail({ openid: 'demo-rider' });
    expect(rider.phoneCipher).not.toContain('1380000');
  });

  it('张伟 sees the open campaign, his two attempts, a 12-day streak and a pack waiting at a station', async () => {
    const zhang = await as('demo-worker');
    const campaigns = await get<WorkerCampaignView[]>(zhang, '/quiz/campaigns');
    // The district's campaign, and his street's own (大市口), which he has not taken yet.
    expect(campaigns.map((c) => c.title).sort()).toEqual(['大市口街道安全生产知识答题', CAMPAIGN].sort());
    const campaign = campaigns.find((c) => c.title === CAMPAIGN)!;
    expect(campaign).toMatchObject({ bestScore: 90, attemptsLeftToday: 3 });
    const mine = await t.dataSource
      .getRepository(Attempt)
      .find({ where: { campaignId: campaign.id, userId: zhang.user.id }, order: { id: 'ASC' } });
    expect(mine).toHaveLength(2);
    const results = await Promise.all(mine.map((a) => get<AttemptResultView>(zhang, `/quiz/attempts/${a.id}/result`)));
    expect(results.map((r) => r.score)).toEqual([70, 90]);
    expect(results[1].certificateSerial).toMatch(/^JC[0-9A-F]{16}$/);

    const { season } = await get<CurrentSeasonView>(zhang, '/reading/seasons/current');
    const reading = await get<MyReadingView>(zhang, `/reading/seasons/${season!.id}/me`);
    expect(reading).toMatchObject({ currentStreak: 12, checkedInToday: false });
    expect(season!.startsOn < reading.today).toBe(true);

    const claims = await get<ClaimView[]>(zhang, '/care/claims/mine');
    expect(claims).toEqual([
      expect.objectContaining({ status: 'claimed', benefit: expect.objectContaining({ title: '会员新春慰问品' }) }),
    ]);
    expect(claims[0].station.name).toBe('大市口户外劳动者服务站');
  });

  it('the campaign’s leaderboard has thousands of participants, 张伟 among them', async () => {
    const zhang = await as('demo-worker');
    const admin = await as('demo-admin');
    const campaign = (await get<WorkerCampaignView[]>(zhang, '/quiz/campaigns')).find((c) => c.title === CAMPAIGN)!;
    const participation = await get<ParticipationView>(admin, `/quiz/campaigns/${campaign.id}/participation`);
    expect(participation.participants).toBeGreaterThan(3000);
    const board = await get<LeaderboardView<PersonRankView>>(zhang, `/quiz/campaigns/${campaign.id}/leaderboard`);
    expect(board.top.length).toBeGreaterThan(0);
    expect(board.me).toMatchObject({ bestScore: 90 });
    expect(board.me!.rank).toBeGreaterThan(10);
  });

  it('黄律师 has two questions due, neither overdue yet', async () => {
    const lawyer = await as('demo-lawyer');
    const due = await get<Page<LegalQuestionSummaryView>>(lawyer, '/legal/inbox', { status: 'assigned', page: 1, pageSize: 20 });
    expect(due.total).toBe(2);
    expect(due.items.map((q) => q.overdue)).toEqual([false, false]);
  });

  // The routes the console's 工作台 calls (apps/console/src/sections/dashboard/dashboard-data.ts).
  it.each(['demo-admin', 'demo-staff'])('%s sees no zero on the console dashboard', async (openid) => {
    const staff = await as(openid);
    const total = async (path: string, query: Record<string, unknown>) =>
      (await get<Page<unknown>>(staff, path, { ...query, page: 1, pageSize: 1 })).total;
    expect(await total('/membership/applications', { status: 'pending' })).toBeGreaterThan(0);
    expect(await total('/moderation', { status: 'pending' })).toBeGreaterThan(0);
    expect(await total('/legal/inbox', { overdue: true })).toBeGreaterThan(0);
    expect(await total('/legal/inbox', { status: 'new' })).toBeGreaterThan(0);
    expect((await get<RedemptionView[]>(staff, '/care/redemptions/today')).length).toBeGreaterThan(0);
    const benefits = await get<Page<BenefitView>>(staff, '/care/managed-benefits', { page: 1, pageSize: 100 });
    expect(benefits.items.length).toBeGreaterThan(0);
    expect(benefits.items.some((b) => b.remainingStock < b.totalStock)).toBe(true);
    const now = Date.now();
    const live = (await get<CampaignView[]>(staff, '/quiz/managed-campaigns')).filter(
      (c) => c.status === 'published' && Date.parse(c.startsAt) <= now && now <= Date.parse(c.endsAt),
    );
    expect(live.length).toBeGreaterThan(0);
    for (const campaign of live) {
      const participation = await get<ParticipationView>(staff, `/quiz/campaigns/${campaign.id}/participation`);
      expect(participation.participants).toBeGreaterThan(0);
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

describe('The demo district on embedded SQLite (e2e)', () => {
  it(
    'seeds the same district in one transaction on sql.js',
    async () => {
      const dataSource = await new DataSource({ type: 'sqljs', entities: ENTITIES, synchronize: true }).initialize();
      try {
        const started = Date.now();
        expect(await seedDemoData(dataSource, new PiiCipher(Buffer.alloc(32, 7)), new Date())).toBe(true);
        console.log(`sql.js: demo data seeded in ${Date.now() - started} ms`);
        const workers = await dataSource.getRepository(User).count();
        expect(workers).toBeGreaterThanOrEqual(4900);
        expect(await dataSource.getRepository(Attempt).count()).toBeGreaterThanOrEqual(9000);
      } finally {
        await dataSource.destroy();
      }
    },
    SEED_TIMEOUT_MS,
  );
});
