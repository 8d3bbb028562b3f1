import type {
  AidApplicationView,
  BenefitView,
  ErrorEnvelope,
  LegalCaseView,
  LegalMessageView,
  LegalQuestionSummaryView,
  LegalQuestionView,
  Page,
} from '@jingcai/shared';
import { World, type Person } from './world';

/**
 * Findings of the black-box probe (issue 17) about records: staff acting on their own (item 3), stations of
 * another org on a benefit (item 5), personal numbers in free text (item 10). Each case failed on the main
 * branch of the time and must keep passing.
 */
describe('Trust findings: own records, stations, personal numbers (e2e)', () => {
  let w: World;
  /** Staff of the first street who is also a worker of its enterprise. */
  let self: Person;

  beforeAll(async () => {
    w = await World.create();
    self = w.people.self;
  });
  afterAll(() => w.close());

  const code = (body: unknown) => (body as ErrorEnvelope).code;
  const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

  describe('3. nobody reviews their own record', () => {
    it('refuses to redeem one’s own pickup code (OWN_RECORD); other staff in scope redeem it', async () => {
      const claim = await w.claim(self);
      const own = await w.as(self, 'post', '/api/care/redemptions').send({ code: claim.code }).expect(403);
      expect(code(own.body)).toBe('OWN_RECORD');
      await w.as('staffIn', 'post', '/api/care/redemptions').send({ code: claim.code }).expect(201);
    });

    it('refuses to assign one’s own legal question, and never offers its asker as assignee', async () => {
      const question = await w.question(self);
      const own = await w
        .as(self, 'post', `/api/legal/questions/${question.id}/assign`)
        .send({ userId: w.people.lawyer.id })
        .expect(403);
      expect(code(own.body)).toBe('OWN_RECORD');

      const assignees = await w
        .as('staffIn', 'get', '/api/legal/assignees')
        .query({ questionId: question.id })
        .expect(200);
      expect((assignees.body as { id: number }[]).map((a) => a.id)).not.toContain(self.id);
      const toAsker = await w
        .as('staffIn', 'post', `/api/legal/questions/${question.id}/assign`)
        .send({ userId: self.id })
        .expect(400);
      expect(code(toAsker.body)).toBe('VALIDATION_FAILED');
      await w
        .as('staffIn', 'post', `/api/legal/questions/${question.id}/assign`)
        .send({ userId: w.people.lawyer.id })
        .expect(200);
    });

    it('takes staff’s message on their own question as the asker’s follow-up, never as an answer', async () => {
      const question = await w.question(self);
      const res = await w
        .as(self, 'post', `/api/legal/questions/${question.id}/messages`)
        .send({ body: '我自己补充一下，这个问题已经解决了。' })
        .expect(201);
      expect((res.body as LegalMessageView).authorRole).toBe('asker');
      const after = await w.as('staffIn', 'get', `/api/legal/questions/${question.id}`).expect(200);
      expect((after.body as LegalQuestionView).status).toBe('new');
      // Closing needs an answer, and staff cannot give one to themselves.
      const close = await w
        .as(self, 'post', `/api/legal/questions/${question.id}/close`)
        .send({ rating: 5 })
        .expect(409);
      expect(code(close.body)).toBe('QUESTION_NOT_ANSWERED');
    });

    it('refuses to move one’s own legal-aid application; other staff in scope do', async () => {
      const application = await w.aid(self);
      const own = await w
        .as(self, 'post', `/api/legal/aid-applications/${application.id}/status`)
        .send({ status: 'accepted' })
        .expect(403);
      expect(code(own.body)).toBe('OWN_RECORD');
      await w
        .as('staffIn', 'post', `/api/legal/aid-applications/${application.id}/status`)
        .send({ status: 'accepted' })
        .expect(200);
    });

    it('keeps staff who run a campaign or can read its banks out of it: no attempt, so no rank', async () => {
      const campaign = await w.campaign();
      const own = await w.as(self, 'post', `/api/quiz/campaigns/${campaign.id}/attempts`).expect(403);
      expect(code(own.body)).toBe('OWN_RECORD');
      // A worker of the same enterprise, with no staff grant, takes it.
      await w.as(await w.newWorker(), 'post', `/api/quiz/campaigns/${campaign.id}/attempts`).expect(201);
      // Staff of another street neither run it nor read its banks: in its audience, they may take it.
      const outsider = await w.person('乙街道兼职工', w.enterpriseId, [
        { role: 'staff', orgId: w.otherStreetId },
      ]);
      await w.as(outsider, 'post', `/api/quiz/campaigns/${campaign.id}/attempts`).expect(201);
    });
  });

  describe('5. stations of a benefit lie in its creator’s scope', () => {
    const body = (stationIds: number[], orgId: number) => ({
      title: `夏送清凉${w.tag}`,
      description: '绿豆汤、藿香正气水。',
      kind: 'pack',
      stock: 10,
      perPersonLimit: 1,
      claimStartsAt: hoursFromNow(-1),
      claimEndsAt: hoursFromNow(24),
      pickupDeadline: hoursFromNow(24 * 7),
      eligibility: {
        categories: [],
        gigVerifiedRequired: false,
        tags: [],
        membersOnly: false,
        orgId,
      },
      stationIds,
      ownerOrgId: orgId,
    });

    it('refuses another org’s station on create', async () => {
      const theirs = await w.station(w.streetId);
      const res = await w
        .as('staffOut', 'post', '/api/care/benefits')
        .send(body([theirs.id], w.otherStreetId))
        .expect(400);
      expect(code(res.body)).toBe('VALIDATION_FAILED');
      const mine = await w.station(w.otherStreetId);
      await w
        .as('staffOut', 'post', '/api/care/benefits')
        .send(body([mine.id], w.otherStreetId))
        .expect(201);
    });

    it('refuses another org’s station added on update, and keeps a station an admin attached', async () => {
      const mine = await w.station(w.otherStreetId);
      const theirs = await w.station(w.streetId);
      const created = await w
        .as('staffOut', 'post', '/api/care/benefits')
        .send(body([mine.id], w.otherStreetId))
        .expect(201);
      const id = (created.body as BenefitView).id;
      const res = await w
        .as('staffOut', 'patch', `/api/care/benefits/${id}`)
        .send({ stationIds: [mine.id, theirs.id] })
        .expect(400);
      expect(code(res.body)).toBe('VALIDATION_FAILED');

      // An admin may join stations of two streets; the street's staff then edit the benefit as it is.
      await w
        .as('admin', 'patch', `/api/care/benefits/${id}`)
        .send({ stationIds: [mine.id, theirs.id] })
        .expect(200);
      const edited = await w
        .as('staffOut', 'patch', `/api/care/benefits/${id}`)
        .send({ title: '夏送清凉（第二批）' })
        .expect(200);
      expect((edited.body as BenefitView).stations.map((s) => s.id).sort()).toEqual(
        [mine.id, theirs.id].sort(),
      );
    });
  });

  describe('10. personal numbers in free text', () => {
    const numbers = '我的电话13812341234，身份证11010519491231002X，请联系我';

    it('masks them in a question and its follow-ups for staff and the assignee; the asker reads their own', async () => {
      const worker = await w.newWorker();
      const asked = await w
        .as(worker, 'post', '/api/legal/questions')
        .send({
          category: 'wage_arrears',
          title: '拖欠工资 13812341234',
          body: `老板拖欠工资三个月。${numbers}`,
          publicAllowed: true,
        })
        .expect(201);
      const id = (asked.body as LegalQuestionView).id;
      await w
        .as(worker, 'post', `/api/legal/questions/${id}/messages`)
        .send({ body: '补充：也可以打 138-1234-1234 找我。' })
        .expect(201);
      await w
        .as('staffIn', 'post', `/api/legal/questions/${id}/assign`)
        .send({ userId: w.people.lawyer.id })
        .expect(200);

      for (const reader of ['staffIn', 'lawyer', 'admin'] as const) {
        const view = (await w.as(reader, 'get', `/api/legal/questions/${id}`).expect(200))
          .body as LegalQuestionView;
        const text = JSON.stringify([view.title, view.messages.map((m) => m.body)]);
        expect(text).toContain('138****1234');
        expect(text).toContain('110*************2X');
        expect(text).not.toMatch(/13812341234|1234-1234|11010519491231002X/);
      }
      const inbox = (await w.as('staffIn', 'get', '/api/legal/inbox').expect(200))
        .body as Page<LegalQuestionSummaryView>;
      expect(inbox.items.find((q) => q.id === id)?.title).toBe('拖欠工资 138****1234');

      const own = (await w.as(worker, 'get', `/api/legal/questions/${id}`).expect(200))
        .body as LegalQuestionView;
      expect(own.title).toBe('拖欠工资 13812341234');
      expect(own.messages.map((m) => m.body)).toEqual([
        `老板拖欠工资三个月。${numbers}`,
        '补充：也可以打 138-1234-1234 找我。',
      ]);
    });

    it('masks them in a legal-aid application for staff; the applicant reads their own', async () => {
      const worker = await w.newWorker();
      const applied = await w
        .as(worker, 'post', '/api/legal/aid-applications')
        .send({
          kind: 'aid',
          facts: `公司拖欠两个月工资。${numbers}`,
          employer: '某某餐饮',
          amountInDispute: 100,
        })
        .expect(201);
      const id = (applied.body as AidApplicationView).id;
      const staffView = (await w.as('staffIn', 'get', `/api/legal/aid-applications/${id}`).expect(200))
        .body as AidApplicationView;
      expect(staffView.facts).toBe(
        '公司拖欠两个月工资。我的电话138****1234，身份证110*************2X，请联系我',
      );
      const listed = (await w.as('staffIn', 'get', '/api/legal/aid-applications').expect(200))
        .body as Page<AidApplicationView>;
      expect(listed.items.find((a) => a.id === id)?.facts).not.toContain('13812341234');
      const own = (await w.as(worker, 'get', `/api/legal/aid-applications/${id}`).expect(200))
        .body as AidApplicationView;
      expect(own.facts).toBe(`公司拖欠两个月工资。${numbers}`);
    });

    it('strips them from a case draft, however they were written', async () => {
      const worker = await w.newWorker();
      const asked = await w
        .as(worker, 'post', '/api/legal/questions')
        .send({
          category: 'wage_arrears',
          title: '工资被拖欠',
          body: `老板拖欠工资三个月。${numbers}，或 +86 139 8765 4321，旧证号 110105491231002`,
          publicAllowed: true,
        })
        .expect(201);
      const id = (asked.body as LegalQuestionView).id;
      await w
        .as('staffIn', 'post', `/api/legal/questions/${id}/messages`)
        .send({ body: '可以申请劳动仲裁。' })
        .expect(201);
      await w.as(worker, 'post', `/api/legal/questions/${id}/close`).send({ rating: 5 }).expect(200);
      const draft = (await w.as('staffIn', 'post', `/api/legal/questions/${id}/case-draft`).expect(201))
        .body as LegalCaseView;
      const text = `${draft.title}\n${draft.facts}\n${draft.outcome}`;
      expect(text).not.toMatch(/1381234|1234\b|8765|4321|110105|002X|\*{4}/);
      expect(text).toContain('[手机号]');
      expect(text).toContain('[身份证号]');
    });
  });
});
