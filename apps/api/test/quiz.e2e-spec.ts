import { randomUUID } from 'node:crypto';
import {
  PRIVACY_POLICY_VERSION,
  shanghaiDayStart,
  type AttemptResultView,
  type AttemptView,
  type AuthResult,
  type BankView,
  type CampaignBody,
  type CampaignView,
  type CertificateView,
  type ErrorEnvelope,
  type ImportResult,
  type LeaderboardView,
  type MistakeView,
  type OrgRankView,
  type OrgView,
  type PersonRankView,
  type QuestionBody,
  type WorkerCampaignView,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { AccessTokenService } from '../src/common/auth/access-token.service';
import { Clock } from '../src/common/clock';
import { Participant } from '../src/modules/quiz/entities/quiz.entities';
import { ParticipantsRepository } from '../src/modules/quiz/participants.repository';
import { User } from '../src/modules/users/entities/user.entity';
import { bearer, loginWithRole, startTestApp, type TestApp } from './support/test-app';

describe('Quiz campaigns (e2e)', () => {
  let t: TestApp;
  let admin: AuthResult;
  let district: OrgView;
  let street: OrgView;
  let otherStreet: OrgView;
  let bank: BankView;
  const tag = Date.now().toString(36);

  const judge = (stem: string, answer: 'A' | 'B' = 'A'): QuestionBody => ({
    type: 'judge',
    stem,
    options: [
      { key: 'A', text: '正确' },
      { key: 'B', text: '错误' },
    ],
    answer: [answer],
    explanation: `解析：${stem}`,
    tags: ['工会法'],
    difficulty: 2,
  });
  const single = (stem: string): QuestionBody => ({
    type: 'single',
    stem,
    options: ['甲', '乙', '丙', '丁'].map((text, i) => ({
      key: (['A', 'B', 'C', 'D'] as const)[i],
      text: `${stem}-${text}`,
    })),
    answer: ['C'],
    explanation: '选丙',
    tags: [],
    difficulty: 3,
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginWithRole(t, 'admin');
    const org = async (name: string, kind: string, parentId: number | null, memberCount = 100) =>
      (
        await request(t.http)
          .post('/api/orgs')
          .set(...bearer(admin))
          .send({ name: `${name}${tag}`, kind, parentId, memberCount })
          .expect(201)
      ).body as OrgView;
    district = await org('答题区', 'district', null, 1000);
    street = await org('答题甲街道', 'street', district.id, 10);
    otherStreet = await org('答题乙街道', 'street', district.id, 40);
    bank = (
      await request(t.http)
        .post('/api/quiz/banks')
        .set(...bearer(admin))
        .send({ name: `题库${tag}`, ownerOrgId: district.id })
        .expect(201)
    ).body as BankView;
    for (let i = 1; i <= 4; i++)
      await request(t.http)
        .post(`/api/quiz/banks/${bank.id}/questions`)
        .set(...bearer(admin))
        .send(judge(`判断题${i}`))
        .expect(201);
    for (let i = 1; i <= 3; i++)
      await request(t.http)
        .post(`/api/quiz/banks/${bank.id}/questions`)
        .set(...bearer(admin))
        .send(single(`单选题${i}`))
        .expect(201);
  });
  afterAll(() => t.close());

  async function campaign(overrides: Partial<CampaignBody> = {}): Promise<CampaignView> {
    const body: CampaignBody = {
      title: `学习答题${tag}`,
      rules: '每人每天 2 次，取最好成绩。',
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
      endsAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
      audienceOrgId: null,
      membersOnly: false,
      draw: [
        { bankId: bank.id, type: 'judge', count: 2 },
        { bankId: bank.id, type: 'single', count: 2 },
      ],
      shuffleOptions: true,
      secondsPerAttempt: 60,
      attemptsPerDay: 2,
      passScore: 60,
      ownerOrgId: district.id,
      ...overrides,
    };
    const created = (
      await request(t.http)
        .post('/api/quiz/campaigns')
        .set(...bearer(admin))
        .send(body)
        .expect(201)
    ).body as CampaignView;
    return (
      await request(t.http)
        .post(`/api/quiz/campaigns/${created.id}/publish`)
        .set(...bearer(admin))
        .expect(201)
    ).body as CampaignView;
  }

  async function worker(fixture: Partial<User> = {}): Promise<{ id: number; auth: [string, string] }> {
    const users = t.dataSource.getRepository(User);
    const user = users.create({
      openid: `quiz-${randomUUID()}`,
      realName: '王答题',
      orgId: street.id,
      consentVersion: PRIVACY_POLICY_VERSION,
      ...fixture,
    });
    await users.insert(user);
    return {
      id: user.id,
      auth: ['Authorization', `Bearer ${t.app.get(AccessTokenService).sign(user.id, [])}`],
    };
  }
  const start = (w: { auth: [string, string] }, campaignId: number) =>
    request(t.http)
      .post(`/api/quiz/campaigns/${campaignId}/attempts`)
      .set(...w.auth);
  const submit = (w: { auth: [string, string] }, attemptId: number, answers: object[]) =>
    request(t.http)
      .post(`/api/quiz/attempts/${attemptId}/submit`)
      .set(...w.auth)
      .send({ answers });

  /** The right answers in the letters this attempt showed, found by matching option texts. */
  async function rightAnswers(attempt: AttemptView) {
    const all = (
      await request(t.http)
        .get(`/api/quiz/banks/${bank.id}/questions`)
        .set(...bearer(admin))
        .expect(200)
    ).body as (QuestionBody & { id: number })[];
    return attempt.questions.map((q) => {
      const original = all.find((x) => x.id === q.id)!;
      const texts = original.answer.map((k) => original.options.find((o) => o.key === k)!.text);
      return {
        questionId: q.id,
        choice: q.options
          .filter((o) => texts.includes(o.text))
          .map((o) => o.key)
          .sort(),
      };
    });
  }

  describe('question banks', () => {
    async function upload(rows: (string | number)[][], filename: string, asCsv = false) {
      let file: Buffer;
      if (asCsv) {
        file = Buffer.from(
          '\uFEFF' +
            rows.map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')).join('\r\n'),
          'utf8',
        );
      } else {
        const wb = new ExcelJS.Workbook();
        const sheet = wb.addWorksheet('题库');
        rows.forEach((r) => sheet.addRow(r));
        file = Buffer.from(await wb.xlsx.writeBuffer());
      }
      const target = (
        await request(t.http)
          .post('/api/quiz/banks')
          .set(...bearer(admin))
          .send({ name: `导入${randomUUID().slice(0, 6)}`, ownerOrgId: district.id })
          .expect(201)
      ).body as BankView;
      const res = await request(t.http)
        .post(`/api/quiz/banks/${target.id}/import`)
        .set(...bearer(admin))
        .attach('file', file, filename);
      const count = (
        (
          await request(t.http)
            .get(`/api/quiz/banks/${target.id}/questions`)
            .set(...bearer(admin))
            .expect(200)
        ).body as unknown[]
      ).length;
      return { res, count };
    }
    const header = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '解析', '难度'];

    it('imports an .xlsx with Chinese headers and every question type', async () => {
      const { res, count } = await upload(
        [
          header,
          ['单选', '工会是什么组织？', '群众组织', '行政机关', '', '', 'A', '工会法第二条', 2],
          ['多选', '哪些是新就业形态？', '骑手', '快递员', '公务员', '', 'AB', '', ''],
          ['判断', '工会经费可以挪用。', '', '', '', '', '错', '', 1],
        ],
        'bank.xlsx',
      );
      expect(res.status).toBe(200);
      expect(res.body as ImportResult).toEqual({ imported: 3 });
      expect(count).toBe(3);
    });

    it('imports a UTF-8 .csv with BOM and English headers', async () => {
      const { res, count } = await upload(
        [
          ['type', 'stem', 'A', 'B', 'answer'],
          ['judge', '劳动合同应当书面订立。', '', '', 'T'],
          ['single', '12351 是什么热线？', '职工服务热线', '天气预报', 'A'],
        ],
        'bank.csv',
        true,
      );
      expect(res.body).toEqual({ imported: 2 });
      expect(count).toBe(2);
    });

    it('imports nothing when 3 rows are bad, and names each row', async () => {
      const { res, count } = await upload(
        [
          header,
          ['单选', '好题', '甲', '乙', '', '', 'A', '', ''],
          ['问答', '题型不对', '甲', '乙', '', '', 'A', '', ''],
          ['单选', '答案不在选项里', '甲', '乙', '', '', 'D', '', ''],
          ['单选', '好题二', '甲', '乙', '', '', 'B', '', ''],
          ['多选', '多选只有一个答案', '甲', '乙', '丙', '', 'A', '', ''],
        ],
        'bank.xlsx',
      );
      expect(res.status).toBe(422);
      expect(res.body).toEqual({
        errors: [
          { row: 3, message: expect.stringContaining('题型') },
          { row: 4, message: expect.stringContaining('不在选项中') },
          { row: 6, message: expect.stringContaining('多选题') },
        ],
      });
      expect(count).toBe(0);
    });

    it('serves the import template and refuses other files', async () => {
      const template = await request(t.http)
        .get('/api/quiz/import-template.xlsx')
        .set(...bearer(admin))
        .buffer(true)
        .expect(200);
      expect(template.headers['content-type']).toContain('spreadsheetml');
      const bad = await request(t.http)
        .post(`/api/quiz/banks/${bank.id}/import`)
        .set(...bearer(admin))
        .attach('file', Buffer.from('hello'), 'notes.txt')
        .expect(400);
      expect((bad.body as ErrorEnvelope).code).toBe('VALIDATION_FAILED');
    });
  });

  describe('attempts', () => {
    it('never sends answers with an attempt, shuffles options, and returns the open attempt when asked again', async () => {
      const quiz = await campaign();
      const w = await worker();
      const first = await start(w, quiz.id).expect(201);
      const attempt = first.body as AttemptView;
      expect(attempt.questions).toHaveLength(4);
      expect(first.text).not.toMatch(/answer|explanation|解析/);
      expect(attempt.questions.every((q) => q.options.every((o, i) => o.key === 'ABCDEF'[i]))).toBe(true);
      const again = await start(w, quiz.id).expect(200);
      expect((again.body as AttemptView).attemptId).toBe(attempt.attemptId);
      expect(
        (
          await request(t.http)
            .get(`/api/quiz/attempts/${attempt.attemptId}`)
            .set(...w.auth)
            .expect(200)
        ).body,
      ).toEqual(attempt);
    });

    it('scores by the shown letters, gives the review, and returns the same result on a repeated submit', async () => {
      const quiz = await campaign();
      const w = await worker();
      const attempt = (await start(w, quiz.id).expect(201)).body as AttemptView;
      const answers = await rightAnswers(attempt);
      answers[0] = { ...answers[0], choice: answers[0].choice[0] === 'A' ? ['B'] : ['A'] }; // one wrong
      const result = (await submit(w, attempt.attemptId, answers).expect(201)).body as AttemptResultView;
      expect(result).toMatchObject({
        score: 75,
        correctCount: 3,
        questionCount: 4,
        passed: true,
        late: false,
      });
      expect(result.review[0]).toMatchObject({ correct: false, explanation: expect.any(String) });
      expect(result.certificateSerial).toMatch(/^JC[0-9A-F]{16}$/);
      const repeat = await submit(w, attempt.attemptId, []).expect(200);
      expect(repeat.body).toEqual(result);

      const mistakes = (
        await request(t.http)
          .get('/api/quiz/mistakes')
          .set(...w.auth)
          .expect(200)
      ).body as MistakeView[];
      expect(mistakes.map((m) => m.question.id)).toEqual([answers[0].questionId]);
      const practice = await request(t.http)
        .post(`/api/quiz/mistakes/${answers[0].questionId}/practice`)
        .set(...w.auth)
        .send({
          choice: (
            (
              await request(t.http)
                .get(`/api/quiz/banks/${bank.id}/questions`)
                .set(...bearer(admin))
            ).body as (QuestionBody & { id: number })[]
          ).find((q) => q.id === answers[0].questionId)!.answer,
        })
        .expect(201);
      expect(practice.body).toMatchObject({ correct: true, removed: true });
      expect(
        (
          await request(t.http)
            .get('/api/quiz/mistakes')
            .set(...w.auth)
            .expect(200)
        ).body,
      ).toEqual([]);

      const certificate = (
        await request(t.http).get(`/api/quiz/certificates/${result.certificateSerial}`).expect(200)
      ).body as CertificateView;
      expect(certificate).toMatchObject({ name: '王**', score: 75, campaignTitle: quiz.title });
      const image = await request(t.http)
        .get(`/api/quiz/certificates/${result.certificateSerial}/image.png`)
        .buffer(true)
        .expect(200);
      expect(image.headers['content-type']).toBe('image/png');
      await request(t.http).get('/api/quiz/certificates/JC0000000000000000').expect(404);
    });

    it('lets exactly one of two simultaneous submits score', async () => {
      const quiz = await campaign();
      const w = await worker();
      const attempt = (await start(w, quiz.id).expect(201)).body as AttemptView;
      const answers = await rightAnswers(attempt);
      const [a, b] = await Promise.all([
        submit(w, attempt.attemptId, answers),
        submit(w, attempt.attemptId, answers),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 201]);
      expect(a.body).toEqual(b.body);
    });

    it('gives a worker in 长辈模式 half as much time again (MIIT: enough time where a limit is not essential)', async () => {
      const quiz = await campaign({ secondsPerAttempt: 60 });
      const seconds = (a: AttemptView) => (Date.parse(a.deadline!) - Date.parse(a.startedAt)) / 1000;
      const usual = (await start(await worker(), quiz.id).expect(201)).body as AttemptView;
      const older = (await start(await worker({ careMode: true }), quiz.id).expect(201)).body as AttemptView;
      expect(seconds(usual)).toBe(60);
      expect(seconds(older)).toBe(90);
    });

    it('trusts the server clock: past the deadline plus grace the attempt scores 0 and counts', async () => {
      const quiz = await campaign({ secondsPerAttempt: 30 });
      const w = await worker();
      const attempt = (await start(w, quiz.id).expect(201)).body as AttemptView;
      const answers = await rightAnswers(attempt);
      const clock = t.app.get(Clock);
      const spy = jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.parse(attempt.deadline!) + 6_000));
      try {
        const late = (await submit(w, attempt.attemptId, answers).expect(201)).body as AttemptResultView;
        expect(late).toMatchObject({ score: 0, late: true, passed: false, certificateSerial: null });
      } finally {
        spy.mockRestore();
      }
      // Within the grace it still counts.
      const second = (await start(w, quiz.id).expect(201)).body as AttemptView;
      const graceSpy = jest
        .spyOn(clock, 'now')
        .mockReturnValue(new Date(Date.parse(second.deadline!) + 4_000));
      try {
        const ok = (await submit(w, second.attemptId, await rightAnswers(second)).expect(201))
          .body as AttemptResultView;
        expect(ok).toMatchObject({ score: 100, late: false });
      } finally {
        graceSpy.mockRestore();
      }
    });

    it('limits attempts per Asia/Shanghai day and resets at Shanghai midnight', async () => {
      const quiz = await campaign({ attemptsPerDay: 1 });
      const w = await worker();
      const clock = t.app.get(Clock);
      const tomorrow = shanghaiDayStart(
        new Date(Date.now() + 86400_000 + 8 * 3600_000).toISOString().slice(0, 10),
      );
      const beforeMidnight = new Date(tomorrow.getTime() - 1_000); // 23:59:59 Shanghai
      const afterMidnight = new Date(tomorrow.getTime() + 1_000); // 00:00:01 Shanghai, the next day
      const spy = jest.spyOn(clock, 'now').mockReturnValue(beforeMidnight);
      try {
        const first = (await start(w, quiz.id).expect(201)).body as AttemptView;
        await submit(w, first.attemptId, []).expect(201);
        const refused = await start(w, quiz.id).expect(409);
        expect((refused.body as ErrorEnvelope).message).toContain('今日答题次数已用完');
        const list = (
          await request(t.http)
            .get('/api/quiz/campaigns')
            .set(...w.auth)
            .expect(200)
        ).body as WorkerCampaignView[];
        expect(list.find((c) => c.id === quiz.id)!.attemptsLeftToday).toBe(0);
        spy.mockReturnValue(afterMidnight);
        await start(w, quiz.id).expect(201);
      } finally {
        spy.mockRestore();
      }
    });

    it('refuses workers outside the audience: another street, or not a member', async () => {
      const streetOnly = await campaign({ audienceOrgId: street.id });
      const membersOnly = await campaign({ membersOnly: true });
      const outsider = await worker({ orgId: otherStreet.id });
      const res = await start(outsider, streetOnly.id).expect(403);
      expect((res.body as ErrorEnvelope).message).toBe(`本活动仅限答题甲街道${tag}所属职工参加`);
      const list = (
        await request(t.http)
          .get('/api/quiz/campaigns')
          .set(...outsider.auth)
          .expect(200)
      ).body as WorkerCampaignView[];
      expect(list.map((c) => c.id)).not.toContain(streetOnly.id);
      expect((await start(outsider, membersOnly.id).expect(403)).body).toMatchObject({
        message: '本活动仅限工会会员参加',
      });
      const member = await worker({ membership: 'member', orgId: street.id });
      await start(member, membersOnly.id).expect(201);
      await start(member, streetOnly.id).expect(201);
    });

    it("keeps a worker out of another worker's attempt", async () => {
      const quiz = await campaign();
      const owner = await worker();
      const other = await worker();
      const attempt = (await start(owner, quiz.id).expect(201)).body as AttemptView;
      await request(t.http)
        .get(`/api/quiz/attempts/${attempt.attemptId}`)
        .set(...other.auth)
        .expect(404);
      await submit(other, attempt.attemptId, []).expect(404);
      await submit(owner, attempt.attemptId, []).expect(201);
      await request(t.http)
        .get(`/api/quiz/attempts/${attempt.attemptId}/result`)
        .set(...other.auth)
        .expect(404);
    });

    it('validates submissions and campaigns', async () => {
      const quiz = await campaign();
      const w = await worker();
      const attempt = (await start(w, quiz.id).expect(201)).body as AttemptView;
      await submit(w, attempt.attemptId, [{ questionId: 1, choice: ['Z'] }]).expect(400);
      await request(t.http)
        .post(`/api/quiz/attempts/${attempt.attemptId}/submit`)
        .set(...w.auth)
        .send({ answers: [], cheat: true })
        .expect(400);
      const bad = await request(t.http)
        .post('/api/quiz/campaigns')
        .set(...bearer(admin))
        .send({
          title: 'x',
          rules: '',
          startsAt: 'soon',
          endsAt: 'later',
          audienceOrgId: null,
          membersOnly: false,
          draw: [],
          shuffleOptions: true,
          secondsPerAttempt: 5,
          attemptsPerDay: 0,
          passScore: 101,
          ownerOrgId: district.id,
        })
        .expect(400);
      expect(((bad.body as ErrorEnvelope).details as { field: string }[]).map((d) => d.field).sort()).toEqual(
        ['attemptsPerDay', 'draw', 'endsAt', 'passScore', 'secondsPerAttempt', 'startsAt', 'title'].sort(),
      );
      const staffElsewhere = await loginWithRole(t, 'staff', otherStreet.id);
      await request(t.http)
        .post(`/api/quiz/campaigns/${quiz.id}/publish`)
        .set(...bearer(staffElsewhere))
        .expect(404);
    });
  });

  describe('leaderboards', () => {
    it("keeps each worker's best: a worse attempt changes nothing, as high and quicker replaces it", async () => {
      const quiz = await campaign({ attemptsPerDay: 5 });
      const w = await worker();
      const clock = t.app.get(Clock);
      const base = Date.now();
      /** Starts at `at` seconds, answers `right` questions right and submits `seconds` later. */
      const play = async (at: number, right: number, seconds: number) => {
        const spy = jest.spyOn(clock, 'now').mockReturnValue(new Date(base + at * 1000));
        try {
          const attempt = (await start(w, quiz.id).expect(201)).body as AttemptView;
          const answers = (await rightAnswers(attempt)).map((a, i) =>
            i < right ? a : { ...a, choice: a.choice.length === 1 && a.choice[0] === 'A' ? ['B'] : ['A'] },
          );
          spy.mockReturnValue(new Date(base + (at + seconds) * 1000));
          return ((await submit(w, attempt.attemptId, answers).expect(201)).body as AttemptResultView).score;
        } finally {
          spy.mockRestore();
        }
      };
      const best = () =>
        t.dataSource
          .getRepository(Participant)
          .findOneByOrFail({ campaignId: quiz.id, userId: w.id })
          .then((p) => ({ score: p.bestScore, duration: p.bestDuration, at: p.bestAt.getTime() }));

      const half = await play(0, 2, 30);
      expect(await best()).toEqual({ score: half, duration: 30, at: base + 30_000 });
      expect(await play(100, 1, 5)).toBeLessThan(half);
      expect(await best()).toEqual({ score: half, duration: 30, at: base + 30_000 });
      await play(200, 2, 40); // as high, slower
      expect(await best()).toEqual({ score: half, duration: 30, at: base + 30_000 });
      await play(300, 2, 10); // as high, quicker
      expect(await best()).toEqual({ score: half, duration: 10, at: base + 310_000 });
      const full = await play(400, 4, 50);
      expect(await best()).toEqual({ score: full, duration: 50, at: base + 450_000 });
    });

    it('orders by best score, then shorter time, then earlier, and finds my rank outside the top', async () => {
      const quiz = await campaign();
      const repo = t.dataSource.getRepository(Participant);
      const people = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          worker({ realName: `选手${i}`, orgId: i < 4 ? street.id : otherStreet.id }),
        ),
      );
      const at = (s: number) => new Date(Date.parse('2026-11-20T02:00:00Z') + s * 1000);
      const rows = [
        { user: people[0], score: 90, duration: 50, at: at(3) },
        { user: people[1], score: 100, duration: 80, at: at(5) },
        { user: people[2], score: 90, duration: 40, at: at(9) },
        { user: people[3], score: 90, duration: 50, at: at(1) },
        { user: people[4], score: 60, duration: 10, at: at(0) },
        { user: people[5], score: 100, duration: 80, at: at(2) },
      ];
      await repo.insert(
        rows.map((r) => ({
          campaignId: quiz.id,
          userId: r.user.id,
          orgPath: null,
          bestScore: r.score,
          bestDuration: r.duration,
          bestAt: r.at,
        })),
      );
      await t.dataSource.query(
        'UPDATE quiz_participants p JOIN users u ON u.id = p.user_id JOIN orgs o ON o.id = u.org_id SET p.org_path = o.path WHERE p.campaign_id = ?',
        [quiz.id],
      );

      const board = (
        await request(t.http)
          .get(`/api/quiz/campaigns/${quiz.id}/leaderboard`)
          .query({ scope: 'person', limit: 3 })
          .set(...people[4].auth)
          .expect(200)
      ).body as LeaderboardView<PersonRankView>;
      expect(board.top.map((r) => r.userId)).toEqual([people[5].id, people[1].id, people[2].id]);
      expect(board.top.map((r) => r.rank)).toEqual([1, 2, 3]);
      expect(board.me).toMatchObject({ rank: 6, userId: people[4].id, bestScore: 60 });
      const third = (
        await request(t.http)
          .get(`/api/quiz/campaigns/${quiz.id}/leaderboard`)
          .query({ limit: 3 })
          .set(...people[0].auth)
          .expect(200)
      ).body as LeaderboardView<PersonRankView>;
      expect(third.me).toMatchObject({ rank: 5 }); // same score and time as people[3], who got there earlier

      const orgs = (
        await request(t.http)
          .get(`/api/quiz/campaigns/${quiz.id}/leaderboard`)
          .query({ scope: 'org' })
          .set(...people[0].auth)
          .expect(200)
      ).body as LeaderboardView<OrgRankView>;
      const ours = orgs.top.filter((r) => [street.id, otherStreet.id].includes(r.org.id));
      expect(ours).toEqual([
        expect.objectContaining({
          org: expect.objectContaining({ id: street.id }),
          participants: 4,
          memberCount: 10,
          participationRate: 0.4,
          averageBestScore: 92.5,
        }),
        expect.objectContaining({
          org: expect.objectContaining({ id: otherStreet.id }),
          participants: 2,
          memberCount: 40,
          participationRate: 0.05,
          averageBestScore: 80,
        }),
      ]);
      expect(orgs.me?.org.id).toBe(street.id);
    });

    it('reloads only the bests set since its last read, and everything every five minutes', async () => {
      const quiz = await campaign();
      const repo = t.dataSource.getRepository(Participant);
      const people = await Promise.all(Array.from({ length: 4 }, (_, i) => worker({ realName: `刷新${i}` })));
      const at = (s: number) => new Date(Date.parse('2026-11-20T02:00:00Z') + s * 1000);
      const best = (i: number, score: number, seconds: number) => ({
        campaignId: quiz.id,
        userId: people[i].id,
        orgPath: null,
        bestScore: score,
        bestDuration: 60,
        bestAt: at(seconds),
      });
      await repo.insert([best(0, 80, 100), best(1, 70, 200)]);
      const realNow = Date.now.bind(Date);
      let ahead = 0;
      const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + ahead);
      const participants = t.app.get(ParticipantsRepository);
      const full = jest.spyOn(participants, 'standings');
      const since = jest.spyOn(participants, 'standingsSince');
      const board = async () =>
        (
          await request(t.http)
            .get(`/api/quiz/campaigns/${quiz.id}/leaderboard`)
            .query({ scope: 'person', limit: 10 })
            .set(...people[3].auth)
            .expect(200)
        ).body as LeaderboardView<PersonRankView>;
      /** Past the cache's window: the next read starts a reload in the background, a later one sees it. */
      const afterReload = async (ms: number, until: (b: LeaderboardView<PersonRankView>) => boolean) => {
        ahead += ms;
        for (let i = 0; i < 50; i++) {
          const b = await board();
          if (until(b)) return b;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error('the leaderboard never reloaded');
      };
      const ids = (b: LeaderboardView<PersonRankView>) => b.top.map((r) => r.userId);
      try {
        expect(ids(await board())).toEqual([people[0].id, people[1].id]);
        expect(full).toHaveBeenCalledTimes(1);

        // Another instance records: people[1] improves, people[2] arrives, both stamped after the newest best
        // held; people[3] arrives stamped 40 s before it, as an instance with a lagging clock might.
        await repo.update({ campaignId: quiz.id, userId: people[1].id }, { bestScore: 90, bestAt: at(300) });
        await repo.insert([best(2, 75, 301), best(3, 95, 160)]);
        const reloaded = await afterReload(6_000, (b) => b.top.length === 3);
        expect(ids(reloaded)).toEqual([people[1].id, people[0].id, people[2].id]);
        expect(reloaded.top.map((r) => r.rank)).toEqual([1, 2, 3]);
        expect(reloaded.me).toBeNull();
        expect(full).toHaveBeenCalledTimes(1);
        expect(since).toHaveBeenCalled();

        // The full reload, five minutes on, finds the late-stamped best too.
        const complete = await afterReload(5 * 60_000, (b) => b.top.length === 4);
        expect(ids(complete)).toEqual([people[3].id, people[1].id, people[0].id, people[2].id]);
        expect(complete.me).toMatchObject({ rank: 1, bestScore: 95 });
        expect(full).toHaveBeenCalledTimes(2);
      } finally {
        clock.mockRestore();
        full.mockRestore();
        since.mockRestore();
      }
    });
  });
});
