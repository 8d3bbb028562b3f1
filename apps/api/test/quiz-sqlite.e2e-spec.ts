import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  AttemptResultView,
  AttemptView,
  AuthResult,
  BankView,
  CampaignView,
  LeaderboardView,
  OrgTreeNode,
  PersonRankView,
} from '@jingcai/shared';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { bearer } from './support/test-app';

/**
 * The quiz's hot path keeps a portable twin for the embedded SQLite demo (insert then update where MySQL
 * upserts, TypeORM's transaction where MySQL has HotTransactions): a start and two submits run there too.
 */
describe('Quiz on the embedded SQLite demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jingcai-sqlite-quiz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts, scores once, keeps the best, the 错题本 and the certificate', async () => {
    const app = await createApp(
      loadConfig({ SQLITE_PATH: join(dir, 'demo.sqlite'), LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent' }),
    );
    await app.getHttpAdapter().getInstance().ready();
    const http = app.getHttpServer();
    const login = async (openid: string) =>
      (await request(http).post('/api/auth/dev/login').send({ openid }).expect(200)).body as AuthResult;
    try {
      const admin = await login('demo-admin');
      const post = (path: string, body: object) =>
        request(http)
          .post(path)
          .set(...bearer(admin))
          .send(body)
          .expect(201)
          .then((r) => r.body as unknown);
      const [district] = (
        await request(http)
          .get('/api/orgs/tree')
          .set(...bearer(admin))
          .expect(200)
      ).body as OrgTreeNode[];
      const bank = (await post('/api/quiz/banks', { name: '演示题库', ownerOrgId: district.id })) as BankView;
      for (let i = 0; i < 2; i++) {
        await post(`/api/quiz/banks/${bank.id}/questions`, {
          type: 'judge',
          stem: `演示判断题${i}`,
          options: [
            { key: 'A', text: '正确' },
            { key: 'B', text: '错误' },
          ],
          answer: ['A'],
          explanation: '解析',
          tags: [],
          difficulty: 2,
        });
      }
      const created = (await post('/api/quiz/campaigns', {
        title: '演示答题',
        rules: '规则',
        startsAt: new Date(Date.now() - 3600_000).toISOString(),
        endsAt: new Date(Date.now() + 86400_000).toISOString(),
        audienceOrgId: null,
        membersOnly: false,
        draw: [{ bankId: bank.id, type: 'judge', count: 2 }],
        shuffleOptions: false,
        secondsPerAttempt: 60,
        attemptsPerDay: 5,
        passScore: 60,
        ownerOrgId: district.id,
      })) as CampaignView;
      await post(`/api/quiz/campaigns/${created.id}/publish`, {});

      const worker = await login('demo-worker');
      const take = async (choice: 'A' | 'B') => {
        const attempt = (
          await request(http)
            .post(`/api/quiz/campaigns/${created.id}/attempts`)
            .set(...bearer(worker))
            .expect(201)
        ).body as AttemptView;
        const submit = () =>
          request(http)
            .post(`/api/quiz/attempts/${attempt.attemptId}/submit`)
            .set(...bearer(worker))
            .send({ answers: attempt.questions.map((q) => ({ questionId: q.id, choice: [choice] })) });
        const result = (await submit().expect(201)).body as AttemptResultView;
        expect(((await submit().expect(200)).body as AttemptResultView).score).toBe(result.score);
        return result;
      };
      expect(await take('B')).toMatchObject({ score: 0, passed: false });
      const passed = await take('A');
      expect(passed).toMatchObject({ score: 100, passed: true });
      expect(passed.certificateSerial).toMatch(/^JC[0-9A-F]{16}$/);
      expect(await take('A')).toMatchObject({ score: 100, certificateSerial: passed.certificateSerial });
      const mistakes = (
        await request(http)
          .get('/api/quiz/mistakes')
          .set(...bearer(worker))
          .expect(200)
      ).body as { campaignId: number }[];
      // The demo worker has 错题 of the seeded campaigns too: only this campaign's count here.
      expect(mistakes.filter((m) => m.campaignId === created.id)).toHaveLength(2);
      const board = (
        await request(http)
          .get(`/api/quiz/campaigns/${created.id}/leaderboard?scope=person`)
          .set(...bearer(worker))
          .expect(200)
      ).body as LeaderboardView<PersonRankView>;
      expect(board.me).toMatchObject({ rank: 1, bestScore: 100 });
    } finally {
      await app.close();
    }
    // A whole app boots on a fresh SQLite file here, on a machine that may be busy.
  }, 120_000);
});
