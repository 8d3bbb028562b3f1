import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PRIVACY_POLICY_VERSION,
  type AidApplicationView,
  type AttemptView,
  type BankView,
  type BenefitView,
  type CampaignView,
  type FeedbackView,
  type CheckinResultView,
  type CheckinView,
  type ClaimView,
  type LegalCaseView,
  type LegalQuestionView,
  type QuestionView,
  type SeasonView,
  type StationView,
  type UploadView,
} from '@jingcai/shared';
import request from 'supertest';
import { AccessTokenService } from '../../src/common/auth/access-token.service';
import type { RoleGrant } from '../../src/common/auth/auth-user';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { UserRole } from '../../src/modules/users/entities/user-role.entity';
import { User } from '../../src/modules/users/entities/user.entity';
import { testJpeg } from '../support/images';
import { startListeningTestApp } from '../support/listening-app';
import type { TestApp } from '../support/test-app';

/** Who calls a route in the security suites. */
export const ROLES = [
  'anonymous',
  'worker',
  'otherWorker',
  'staffIn',
  'staffOut',
  'lawyer',
  'admin',
  'self',
] as const;
export type MatrixRole = (typeof ROLES)[number];

export interface Person {
  id: number;
  token: string;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One API on a fresh MariaDB database with a small district: a street in scope of `staffIn`, another
 * street run by `staffOut`, two workers of an enterprise under the first street (`worker` owns the
 * personal data the suites probe, `otherWorker` tries to read it), a lawyer, an admin and `self` (staff
 * of the first street who also works at its enterprise: their own claims, questions and applications lie
 * in their scope) — and factories that make a fresh resource of each kind, owned the way the product
 * makes them.
 */
export class World {
  readonly tag = Date.now().toString(36);
  readonly people = {} as Record<Exclude<MatrixRole, 'anonymous'>, Person>;
  districtId = 0;
  streetId = 0;
  otherStreetId = 0;
  enterpriseId = 0;
  membershipApplicationId = 0;

  private constructor(
    readonly t: TestApp & { baseUrl: string },
    private readonly uploadDir: string,
  ) {}

  static async create(env: Record<string, string> = {}): Promise<World> {
    const uploadDir = join(tmpdir(), `jingcai-security-${randomUUID()}`);
    const world = new World(
      await startListeningTestApp({ env: { UPLOAD_DIR: uploadDir, ...env } }),
      uploadDir,
    );
    await world.populate();
    return world;
  }

  async close(): Promise<void> {
    await this.t.fake.settled();
    await this.t.close();
    rmSync(this.uploadDir, { recursive: true, force: true });
  }

  private async populate(): Promise<void> {
    this.people.admin = await this.person('管理员', null, [{ role: 'admin', orgId: null }]);
    const org = async (name: string, kind: string, parentId: number | null) =>
      (
        await this.as('admin', 'post', '/api/orgs')
          .send({ name: `${name}${this.tag}`, kind, parentId, memberCount: 100 })
          .expect(201)
      ).body.id as number;
    this.districtId = await org('安全区', 'district', null);
    this.streetId = await org('安全甲街道', 'street', this.districtId);
    this.otherStreetId = await org('安全乙街道', 'street', this.districtId);
    this.enterpriseId = await org('安全甲企业', 'enterprise', this.streetId);
    this.people.staffIn = await this.person('甲街道干事', null, [{ role: 'staff', orgId: this.streetId }]);
    this.people.staffOut = await this.person('乙街道干事', null, [
      { role: 'staff', orgId: this.otherStreetId },
    ]);
    this.people.lawyer = await this.person('王律师', null, [{ role: 'lawyer', orgId: null }]);
    this.people.worker = await this.newWorker('张建国');
    // The worker whose data the suites probe joined the union the way workers do: a membership card to read.
    this.membershipApplicationId = (await this.application(this.people.worker)).id;
    await this.as(
      'staffIn',
      'post',
      `/api/membership/applications/${this.membershipApplicationId}/approve`,
    ).expect(201);
    this.people.otherWorker = await this.newWorker('李小红');
    this.people.self = await this.staffWorker();
  }

  /** Staff of the first street who is also a worker of its enterprise: their own records lie in their scope. */
  staffWorker(realName = '周干事'): Promise<Person> {
    return this.person(realName, this.enterpriseId, [{ role: 'staff', orgId: this.streetId }]);
  }

  /** A user straight in the database with the token a login would give them. */
  async person(realName: string, orgId: number | null, grants: RoleGrant[] = []): Promise<Person> {
    const users = this.t.dataSource.getRepository(User);
    const cipher = this.t.app.get(PiiCipher);
    const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const user = users.create({
      openid: `security-${randomUUID()}`,
      realName,
      orgId,
      consentVersion: PRIVACY_POLICY_VERSION,
      category: 'courier',
      gigVerified: true,
      phoneCipher: cipher.encrypt(phone),
      phoneHash: cipher.lookupHash(phone),
    });
    await users.insert(user);
    for (const grant of grants)
      await this.t.dataSource.getRepository(UserRole).insert({ userId: user.id, ...grant });
    return { id: user.id, token: this.t.app.get(AccessTokenService).sign(user.id, grants) };
  }

  newWorker(realName = '赵师傅'): Promise<Person> {
    return this.person(realName, this.enterpriseId);
  }

  /** A request as `who` (a role of the matrix, or any person), with its token when it has one. */
  as(who: MatrixRole | Person, method: Method, path: string): request.Test {
    const req = request(this.t.http)[method](path);
    const person = typeof who === 'string' ? (who === 'anonymous' ? null : this.people[who]) : who;
    return person ? req.set('Authorization', `Bearer ${person.token}`) : req;
  }

  private async created<T>(req: request.Test, body?: unknown): Promise<T> {
    const res = await req.send(body as object);
    if (res.status >= 300) throw new Error(`fixture ${req.url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  private hoursFromNow(hours: number): string {
    return new Date(Date.now() + hours * 3600_000).toISOString();
  }

  // ---- care ----
  /** Far from every other suite's stations (Harbin), so "nearest first" lists elsewhere stay theirs. */
  station(orgId = this.streetId): Promise<StationView> {
    return this.created(this.as('admin', 'post', '/api/care/stations'), {
      name: `服务站${randomUUID().slice(0, 6)}`,
      address: '京口区中山路 1 号',
      latitude: 45.75,
      longitude: 126.63,
      hours: '08:00-20:00',
      amenities: ['water'],
      orgId,
    });
  }

  async benefit(): Promise<BenefitView & { stationId: number }> {
    const station = await this.station();
    const benefit = await this.created<BenefitView>(this.as('admin', 'post', '/api/care/benefits'), {
      title: `暖新礼包${this.tag}`,
      description: '保温杯、防晒袖套、急救包。',
      kind: 'pack',
      stock: 20,
      perPersonLimit: 1,
      claimStartsAt: this.hoursFromNow(-1),
      claimEndsAt: this.hoursFromNow(24),
      pickupDeadline: this.hoursFromNow(24 * 7),
      eligibility: {
        categories: [],
        gigVerifiedRequired: false,
        tags: [],
        membersOnly: false,
        orgId: this.streetId,
      },
      stationIds: [station.id],
      ownerOrgId: this.streetId,
    });
    return { ...benefit, stationId: station.id };
  }

  async claim(owner: Person = this.people.worker): Promise<ClaimView> {
    const benefit = await this.benefit();
    return this.created(this.as(owner, 'post', `/api/care/benefits/${benefit.id}/claims`), {
      stationId: benefit.stationId,
    });
  }

  // ---- quiz ----
  async bank(): Promise<BankView & { questions: QuestionView[] }> {
    const bank = await this.created<BankView>(this.as('admin', 'post', '/api/quiz/banks'), {
      name: `题库${randomUUID().slice(0, 6)}`,
      ownerOrgId: this.streetId,
    });
    const questions: QuestionView[] = [];
    for (let i = 1; i <= 2; i++)
      questions.push(
        await this.created(this.as('admin', 'post', `/api/quiz/banks/${bank.id}/questions`), {
          type: 'judge',
          stem: `工会会员有权参加工会活动（${i}）`,
          options: [
            { key: 'A', text: '正确' },
            { key: 'B', text: '错误' },
          ],
          answer: ['A'],
          explanation: '见《工会章程》',
          tags: [],
          difficulty: 1,
        }),
      );
    return { ...bank, questions };
  }

  async campaign(publish = true): Promise<CampaignView> {
    const bank = await this.bank();
    const campaign = await this.created<CampaignView>(this.as('admin', 'post', '/api/quiz/campaigns'), {
      title: `学习答题${this.tag}`,
      rules: '每天 5 次。',
      startsAt: this.hoursFromNow(-1),
      endsAt: this.hoursFromNow(48),
      audienceOrgId: this.streetId,
      membersOnly: false,
      draw: [{ bankId: bank.id, type: 'judge', count: 2 }],
      shuffleOptions: false,
      secondsPerAttempt: 600,
      attemptsPerDay: 5,
      passScore: 60,
      ownerOrgId: this.streetId,
    });
    if (!publish) return campaign;
    return this.created(this.as('admin', 'post', `/api/quiz/campaigns/${campaign.id}/publish`));
  }

  async attempt(owner: Person = this.people.worker, campaign?: CampaignView): Promise<AttemptView> {
    const id = (campaign ?? (await this.campaign())).id;
    return this.created(this.as(owner, 'post', `/api/quiz/campaigns/${id}/attempts`));
  }

  /** A submitted attempt; every answer right (judge questions answered A), so it passes. */
  async submitted(
    owner: Person = this.people.worker,
    right = true,
  ): Promise<AttemptView & { serial: string }> {
    const attempt = await this.attempt(owner);
    const answers = attempt.questions.map((q) => ({ questionId: q.id, choice: [right ? 'A' : 'B'] }));
    const result = await this.created<{ certificateSerial: string | null }>(
      this.as(owner, 'post', `/api/quiz/attempts/${attempt.attemptId}/submit`),
      { answers },
    );
    return { ...attempt, serial: result.certificateSerial ?? '' };
  }

  // ---- reading ----
  async season(publish = true): Promise<SeasonView> {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const season = await this.created<SeasonView>(this.as('admin', 'post', '/api/reading/seasons'), {
      theme: `阅读季${randomUUID().slice(0, 6)}`,
      description: '每天读书打卡',
      startsOn: today,
      endsOn: today,
      books: [
        { title: '平凡的世界', author: '路遥', blurb: '一部全景式地表现中国当代城乡社会生活的长篇小说。' },
      ],
      minNoteLength: 0,
      makeUpAllowance: 1,
      badgeThresholds: [1],
      audienceOrgId: this.streetId,
      ownerOrgId: this.streetId,
    });
    if (!publish) return season;
    return this.created(this.as('admin', 'post', `/api/reading/seasons/${season.id}/publish`));
  }

  async checkin(
    owner: Person = this.people.worker,
    season?: SeasonView,
    note = `今天读了一章，很有收获 ${randomUUID().slice(0, 8)}`,
  ): Promise<CheckinView> {
    const s = season ?? (await this.season());
    const result = await this.created<CheckinResultView>(
      this.as(owner, 'post', `/api/reading/seasons/${s.id}/checkins`),
      { bookId: s.books[0].id, minutes: 30, note },
    );
    return result.checkin;
  }

  // ---- legal ----
  question(owner: Person = this.people.worker): Promise<LegalQuestionView> {
    return this.created(this.as(owner, 'post', '/api/legal/questions'), {
      category: 'wage_arrears',
      title: '老板拖欠工资怎么办',
      body: `我在工地干了三个月活，老板一直拖着不发工资 ${randomUUID().slice(0, 8)}`,
      publicAllowed: true,
    });
  }

  async answeredQuestion(owner: Person = this.people.worker): Promise<LegalQuestionView> {
    const question = await this.question(owner);
    await this.created(this.as('admin', 'post', `/api/legal/questions/${question.id}/messages`), {
      body: '可以向劳动监察大队投诉，也可以申请劳动仲裁。',
    });
    return question;
  }

  async closedQuestion(owner: Person = this.people.worker): Promise<LegalQuestionView> {
    const question = await this.answeredQuestion(owner);
    return this.created(this.as(owner, 'post', `/api/legal/questions/${question.id}/close`), { rating: 5 });
  }

  async legalCase(publish = true): Promise<LegalCaseView> {
    const draft = await this.created<LegalCaseView>(this.as('staffIn', 'post', '/api/legal/cases'), {
      title: '外卖骑手被拖欠工资 工会帮助追回',
      category: 'wage_arrears',
      facts: '骑手被拖欠两个月工资。',
      outcome: '经调解全额追回。',
      law: '《劳动合同法》第八十五条',
    });
    if (!publish) return draft;
    return this.created(this.as('staffIn', 'post', `/api/legal/cases/${draft.id}/publish`));
  }

  aid(owner: Person = this.people.worker): Promise<AidApplicationView> {
    return this.created(this.as(owner, 'post', '/api/legal/aid-applications'), {
      kind: 'aid',
      facts: '公司拖欠两个月工资，拒不支付。',
      employer: '某某餐饮管理有限公司',
      amountInDispute: 12000,
    });
  }

  // ---- membership, uploads ----
  async application(owner?: Person): Promise<{ id: number; owner: Person }> {
    const applicant = owner ?? (await this.newWorker('孙磊'));
    const view = await this.created<{ id: number }>(
      this.as(applicant, 'post', '/api/membership/applications'),
      {
        realName: '孙磊',
        phone: '13812345678',
        orgId: this.enterpriseId,
        category: 'regular',
      },
    );
    return { id: view.id, owner: applicant };
  }

  /** A pending org change (a worker with no org asks for the first street): who asked. */
  async orgRequest(owner?: Person): Promise<Person> {
    const requester = owner ?? (await this.person('吴师傅', null));
    await this.created(this.as(requester, 'patch', '/api/me'), { orgId: this.streetId });
    return requester;
  }

  async upload(owner: Person = this.people.worker, purpose = 'legal_photo'): Promise<UploadView> {
    const res = await this.as(owner, 'post', '/api/uploads')
      .field('purpose', purpose)
      .attach('file', await testJpeg(), 'photo.jpg');
    if (res.status !== 201) throw new Error(`fixture upload: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as UploadView;
  }

  // ---- feedback ----
  feedback(owner: Person = this.people.worker, text = '服务站的饮水机坏了，希望尽快修好'): Promise<FeedbackView> {
    return this.created(this.as(owner, 'post', '/api/feedback'), {
      category: 'suggestion',
      text: `${text} ${randomUUID().slice(0, 8)}`,
      wantsContact: true,
    });
  }
}
