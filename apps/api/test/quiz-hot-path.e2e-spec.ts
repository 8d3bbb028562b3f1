import { randomUUID } from 'node:crypto';
import {
  PRIVACY_POLICY_VERSION,
  staffName,
  type AttemptResultView,
  type AttemptView,
  type AuthResult,
  type BankView,
  type CampaignView,
  type LeaderboardView,
  type OrgView,
  type PersonRankView,
} from '@jingcai/shared';
import request from 'supertest';
import { AccessTokenService } from '../src/common/auth/access-token.service';
import { Certificate, Participant } from '../src/modules/quiz/entities/quiz.entities';
import { User } from '../src/modules/users/entities/user.entity';
import { PERSON_SQL, UsersRepository } from '../src/modules/users/users.repository';
import { bearer, loginWithRole, startTestApp, type TestApp } from './support/test-app';

/**
 * The quiz's hot path (issue 22) over two API instances on one database: a submit reaches either the
 * instance that started the attempt (which kept it) or the other (which reads it), scores once either way,
 * writes the org path and the certificate name through the users feature's subqueries, and shows the worker
 * their new best at once where they submitted.
 */
describe('Quiz hot path over two instances (e2e)', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: AuthResult;
  let org: OrgView;
  let quiz: CampaignView;
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp();
    admin = await loginWithRole(a, 'admin');
    const post = (path: string, body: object) =>
      request(a.http)
        .post(path)
        .set(...bearer(admin))
        .send(body)
        .expect(201)
        .then((r) => r.body as unknown);
    org = (await post('/api/orgs', {
      name: `热路径区${tag}`,
      kind: 'district',
      parentId: null,
      memberCount: 10,
    })) as OrgView;
    const bank = (await post('/api/quiz/banks', {
      name: `热路径题库${tag}`,
      ownerOrgId: org.id,
    })) as BankView;
    for (let i = 0; i < 2; i++) {
      await post(`/api/quiz/banks/${bank.id}/questions`, {
        type: 'judge',
        stem: `热路径判断题${i}`,
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
      title: `热路径答题${tag}`,
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
      ownerOrgId: org.id,
    })) as CampaignView;
    quiz = (await post(`/api/quiz/campaigns/${created.id}/publish`, {})) as CampaignView;
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  async function worker(fixture: Partial<User>): Promise<{ id: number; auth: [string, string] }> {
    const users = a.dataSource.getRepository(User);
    const user = users.create({
      openid: `hot-${randomUUID()}`,
      orgId: org.id,
      consentVersion: PRIVACY_POLICY_VERSION,
      ...fixture,
    });
    await users.insert(user);
    return {
      id: user.id,
      auth: ['Authorization', `Bearer ${a.app.get(AccessTokenService).sign(user.id, [])}`],
    };
  }
  const start = (on: TestApp, w: { auth: [string, string] }) =>
    request(on.http)
      .post(`/api/quiz/campaigns/${quiz.id}/attempts`)
      .set(...w.auth);
  const submit = (on: TestApp, w: { auth: [string, string] }, attempt: AttemptView, choice: 'A' | 'B') =>
    request(on.http)
      .post(`/api/quiz/attempts/${attempt.attemptId}/submit`)
      .set(...w.auth)
      .send({ answers: attempt.questions.map((q) => ({ questionId: q.id, choice: [choice] })) });

  it('records the name a certificate bears and the org path as the users feature states them', async () => {
    const cases: Partial<User>[] = [
      { realName: '王热路', nickname: '小王' },
      { realName: null, nickname: '阿热' },
      { realName: '', nickname: '' },
      { realName: null, nickname: null },
    ];
    const users = a.app.get(UsersRepository);
    for (const fixture of cases) {
      const w = await worker(fixture);
      const [row] = await a.dataSource.query<{ name: string; path: string | null }[]>(
        `SELECT ${PERSON_SQL.staffName} AS name, ${PERSON_SQL.orgPath} AS path`,
        [w.id, w.id],
      );
      const facts = await users.facts(w.id);
      expect(row.name).toBe(staffName(facts));
      expect(row.path).toBe(facts!.orgPath);
    }
  });

  it('scores an attempt once whichever instance each submit reaches, with the best, certificate and 错题本', async () => {
    const w = await worker({ realName: '李热路' });
    const attempt = (await start(a, w).expect(201)).body as AttemptView;
    expect(attempt.questions.every((q) => !('answer' in q))).toBe(true);
    // The other instance never saw the start: it reads the attempt. A wrong answer goes to the 错题本.
    const first = await submit(b, w, attempt, 'B').expect(201);
    // The starting instance still holds it as open: its conditional UPDATE finds it closed.
    const again = await submit(a, w, attempt, 'A').expect(200);
    expect((again.body as AttemptResultView).score).toBe((first.body as AttemptResultView).score);
    expect((first.body as AttemptResultView).score).toBe(0);
    const mistakes = await a.dataSource.query<{ n: number }[]>(
      'SELECT COUNT(*) AS n FROM quiz_mistakes WHERE user_id = ?',
      [w.id],
    );
    expect(Number(mistakes[0].n)).toBe(2);

    const second = (await start(b, w).expect(201)).body as AttemptView;
    const passed = (await submit(b, w, second, 'A').expect(201)).body as AttemptResultView;
    expect(passed).toMatchObject({ score: 100, passed: true });
    const certificate = await a.dataSource
      .getRepository(Certificate)
      .findOneByOrFail({ serial: passed.certificateSerial! });
    expect(certificate).toMatchObject({ name: '李热路', userId: w.id, score: 100 });
    const best = await a.dataSource
      .getRepository(Participant)
      .findOneByOrFail({ campaignId: quiz.id, userId: w.id });
    const facts = await a.app.get(UsersRepository).facts(w.id);
    expect(best).toMatchObject({ bestScore: 100, orgPath: facts!.orgPath });
    expect(best.orgPath).toMatch(/^\/\d+\/$/);
  });

  it('shows a worker their new best at once on the instance that took the submit', async () => {
    const w = await worker({ realName: '赵热路' });
    const board = () =>
      request(a.http)
        .get(`/api/quiz/campaigns/${quiz.id}/leaderboard?scope=person`)
        .set(...w.auth)
        .expect(200)
        .then((r) => r.body as LeaderboardView<PersonRankView>);
    const low = (await start(a, w).expect(201)).body as AttemptView;
    await submit(a, w, low, 'B').expect(201);
    expect((await board()).me).toMatchObject({ bestScore: 0 });
    const high = (await start(a, w).expect(201)).body as AttemptView;
    await submit(a, w, high, 'A').expect(201);
    expect((await board()).me).toMatchObject({ bestScore: 100 });
  });
});
