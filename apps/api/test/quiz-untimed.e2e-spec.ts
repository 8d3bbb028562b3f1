import { randomUUID } from "node:crypto";
import {
  PRIVACY_POLICY_VERSION,
  type AttemptResultView,
  type AttemptView,
  type AuthResult,
  type BankView,
  type CampaignBody,
  type CampaignView,
  type ErrorEnvelope,
  type OrgView,
  type WorkerCampaignView,
} from "@jingcai/shared";
import request from "supertest";
import { AccessTokenService } from "../src/common/auth/access-token.service";
import { Clock } from "../src/common/clock";
import { User } from "../src/modules/users/entities/user.entity";
import {
  bearer,
  loginWithRole,
  startTestApp,
  type TestApp,
} from "./support/test-app";

/**
 * Issue 20 (MIIT 适老化: enough time wherever a limit is not essential): a campaign may have no time limit.
 * `secondsPerAttempt: null` means untimed; in a PATCH, leaving the field out keeps what is there.
 */
describe("Untimed quiz campaigns (e2e)", () => {
  let t: TestApp;
  let admin: AuthResult;
  let org: OrgView;
  let bank: BankView;
  const HOUR = 3600_000;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginWithRole(t, "admin");
    org = (
      await request(t.http)
        .post("/api/orgs")
        .set(...bearer(admin))
        .send({
          name: `不限时区${Date.now().toString(36)}`,
          kind: "district",
          parentId: null,
          memberCount: 10,
        })
        .expect(201)
    ).body as OrgView;
    bank = (
      await request(t.http)
        .post("/api/quiz/banks")
        .set(...bearer(admin))
        .send({
          name: `不限时题库${randomUUID().slice(0, 6)}`,
          ownerOrgId: org.id,
        })
        .expect(201)
    ).body as BankView;
    // Every question's right answer is 正确, so a worker's right answers are found by option text.
    for (let i = 1; i <= 2; i++)
      await request(t.http)
        .post(`/api/quiz/banks/${bank.id}/questions`)
        .set(...bearer(admin))
        .send({
          type: "judge",
          stem: `不限时判断题${i}`,
          options: [
            { key: "A", text: "正确" },
            { key: "B", text: "错误" },
          ],
          answer: ["A"],
          explanation: "",
          tags: [],
          difficulty: 1,
        })
        .expect(201);
  });
  afterAll(() => t.close());

  const body = (overrides: Partial<CampaignBody> = {}): CampaignBody => ({
    title: "不限时答题",
    rules: "慢慢答，不限时。",
    startsAt: new Date(Date.now() - HOUR).toISOString(),
    endsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
    audienceOrgId: null,
    membersOnly: false,
    draw: [{ bankId: bank.id, type: "judge", count: 2 }],
    shuffleOptions: false,
    secondsPerAttempt: null,
    attemptsPerDay: 3,
    passScore: 60,
    ownerOrgId: org.id,
    ...overrides,
  });
  const create = async (overrides: Partial<CampaignBody> = {}) =>
    (
      await request(t.http)
        .post("/api/quiz/campaigns")
        .set(...bearer(admin))
        .send(body(overrides))
        .expect(201)
    ).body as CampaignView;
  const patch = (id: number, fields: object) =>
    request(t.http)
      .patch(`/api/quiz/campaigns/${id}`)
      .set(...bearer(admin))
      .send(fields);
  const publish = async (id: number) =>
    (
      await request(t.http)
        .post(`/api/quiz/campaigns/${id}/publish`)
        .set(...bearer(admin))
        .expect(201)
    ).body as CampaignView;

  async function worker(
    fixture: Partial<User> = {},
  ): Promise<[string, string]> {
    const users = t.dataSource.getRepository(User);
    const user = users.create({
      openid: `untimed-${randomUUID()}`,
      realName: "李慢慢",
      orgId: org.id,
      consentVersion: PRIVACY_POLICY_VERSION,
      ...fixture,
    });
    await users.insert(user);
    return [
      "Authorization",
      `Bearer ${t.app.get(AccessTokenService).sign(user.id, [])}`,
    ];
  }
  const start = async (auth: [string, string], campaignId: number) =>
    (
      await request(t.http)
        .post(`/api/quiz/campaigns/${campaignId}/attempts`)
        .set(...auth)
        .expect(201)
    ).body as AttemptView;
  const submitRight = (auth: [string, string], attempt: AttemptView) =>
    request(t.http)
      .post(`/api/quiz/attempts/${attempt.attemptId}/submit`)
      .set(...auth)
      .send({
        answers: attempt.questions.map((q) => ({
          questionId: q.id,
          choice: q.options.filter((o) => o.text === "正确").map((o) => o.key),
        })),
      });
  /** Runs `fn` with the server's clock at `at`. */
  async function at<T>(instant: number, fn: () => Promise<T>): Promise<T> {
    const spy = jest
      .spyOn(t.app.get(Clock), "now")
      .mockReturnValue(new Date(instant));
    try {
      return await fn();
    } finally {
      spy.mockRestore();
    }
  }

  it("has no deadline: no countdown for anyone, and an answer sent hours later still counts", async () => {
    const quiz = await publish((await create()).id);
    expect(quiz.secondsPerAttempt).toBeNull();
    const auth = await worker();
    const listed = (
      await request(t.http)
        .get("/api/quiz/campaigns")
        .set(...auth)
        .expect(200)
    ).body as WorkerCampaignView[];
    expect(listed.find((c) => c.id === quiz.id)?.secondsPerAttempt).toBeNull();

    const attempt = await start(auth, quiz.id);
    expect(attempt.deadline).toBeNull();
    // Far past any timed limit (7200 s at most), still before the campaign ends.
    const result = await at(
      Date.parse(attempt.startedAt) + 5 * HOUR,
      async () =>
        (await submitRight(auth, attempt).expect(201))
          .body as AttemptResultView,
    );
    expect(result).toMatchObject({ score: 100, passed: true, late: false });
    expect(result.durationSeconds).toBe(5 * 3600);

    // 长辈模式 changes nothing: there is no limit to lengthen.
    const older = await start(await worker({ careMode: true }), quiz.id);
    expect(older.deadline).toBeNull();
  });

  it("closes an untimed attempt when the campaign ends, even after staff move the end", async () => {
    const quiz = await publish((await create()).id);
    const auth = await worker();
    const attempt = await start(auth, quiz.id);
    // Staff bring the end forward to two hours from now: the attempt follows the campaign's end as it is now.
    const newEnd = Date.now() + 2 * HOUR;
    await patch(quiz.id, { endsAt: new Date(newEnd).toISOString() }).expect(
      200,
    );
    const late = await at(
      newEnd + 60_000,
      async () =>
        (await submitRight(auth, attempt).expect(201))
          .body as AttemptResultView,
    );
    expect(late).toMatchObject({ score: 0, late: true, passed: false });
  });

  it("PATCH: left out keeps the limit, null clears it, a number sets it; bad values are refused", async () => {
    const draft = await create({ secondsPerAttempt: 300 });
    expect(draft.secondsPerAttempt).toBe(300);
    expect(
      (
        (await patch(draft.id, { title: "改个名字" }).expect(200))
          .body as CampaignView
      ).secondsPerAttempt,
    ).toBe(300);
    expect(
      (
        (await patch(draft.id, { secondsPerAttempt: null }).expect(200))
          .body as CampaignView
      ).secondsPerAttempt,
    ).toBeNull();
    expect(
      (
        (await patch(draft.id, { rules: "规则" }).expect(200))
          .body as CampaignView
      ).secondsPerAttempt,
    ).toBeNull();
    expect(
      (
        (await patch(draft.id, { secondsPerAttempt: 120 }).expect(200))
          .body as CampaignView
      ).secondsPerAttempt,
    ).toBe(120);
    for (const bad of [5, 7201, 1.5, "不限时", true]) {
      const refused = (
        await patch(draft.id, { secondsPerAttempt: bad }).expect(400)
      ).body as ErrorEnvelope;
      expect(refused.code).toBe("VALIDATION_FAILED");
    }
    // Published: the time rule is fixed, and "untimed" is a time rule like any other.
    await publish(draft.id);
    const locked = (
      await patch(draft.id, { secondsPerAttempt: null }).expect(409)
    ).body as ErrorEnvelope;
    expect(locked.code).toBe("CAMPAIGN_PUBLISHED");
    expect(
      (
        (await patch(draft.id, { title: "发布后改名" }).expect(200))
          .body as CampaignView
      ).secondsPerAttempt,
    ).toBe(120);
  });
});
