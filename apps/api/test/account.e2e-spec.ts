import {
  DELETED_ACCOUNT_NAME,
  DELETION_CONFIRMATION,
  PRIVACY_POLICY_VERSION,
  type AuthResult,
  type DeletionView,
  type FeedbackView,
  type LegalQuestionView,
  type MeView,
  type PersonalDataExport,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { ERASED_TEXT } from '../src/common/personal-data';
import { AccountDeletion } from '../src/modules/account/entities/account-deletion.entity';
import { AccountService } from '../src/modules/account/account.service';
import { RefreshToken } from '../src/modules/auth/entities/refresh-token.entity';
import { Feedback } from '../src/modules/feedback/entities/feedback.entity';
import { LegalMessage, LegalQuestion } from '../src/modules/legal/entities/legal.entities';
import { MembershipApplication } from '../src/modules/membership/entities/membership-application.entity';
import { Notification } from '../src/modules/notifications/entities/notification.entity';
import { ReadingCheckin } from '../src/modules/reading/entities/reading.entities';
import { Upload } from '../src/modules/uploads/entities/upload.entity';
import { User } from '../src/modules/users/entities/user.entity';
import { World, type Person } from './security/world';
import { uniqueOpenid, type TestApp, startSecondInstance } from './support/test-app';

/** A worker as the mini-program makes one: WeChat (dev) login, consent, the WeChat-verified phone. */
async function signUp(w: World, openid: string, phone: string): Promise<AuthResult & Person> {
  const login = (await request(w.t.http).post('/api/auth/dev/login').send({ openid }).expect(200))
    .body as AuthResult;
  const me: Person = { id: login.user.id, token: login.accessToken };
  await w.as(me, 'post', '/api/me/consent').send({ version: PRIVACY_POLICY_VERSION }).expect(201);
  await w.as(me, 'post', '/api/me/phone').send({ code: `phone:${phone}` }).expect(201);
  return { ...login, ...me };
}

/** A valid resident ID number of its own (other suites share the database, and one ID binds one account). */
function randomIdNumber(): string {
  const body = `110105${1950 + Math.floor(Math.random() * 50)}0615${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

const randomPhone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

describe('Personal-data rights (e2e)', () => {
  let w: World;

  beforeAll(async () => {
    w = await World.create();
  });
  afterAll(() => w.close());

  describe('the data copy', () => {
    it("holds the worker's data from every feature, and nothing about anyone else", async () => {
      const worker = await w.newWorker('钱明');
      const other = await w.newWorker('孙丽丽');
      await w.application(worker);
      await w.claim(worker);
      await w.submitted(worker);
      await w.checkin(worker, undefined, '读了《平凡的世界》第一章，很受鼓舞');
      const question = await w.question(worker);
      await w.aid(worker);
      await w.feedback(worker, '希望驿站周末也开门');
      await w.question(other);
      await w.feedback(other, '别人的建议不该出现在我的副本里');

      const res = await w.as(worker, 'get', '/api/me/data-export').expect(200);
      const copy = res.body as PersonalDataExport;
      const section = (key: string) => copy.sections.find((s) => s.key === key)!.rows;
      expect(copy.userId).toBe(worker.id);
      expect(section('profile')).toEqual([expect.objectContaining({ id: worker.id, realName: '钱明' })]);
      expect(section('profile')[0].phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
      expect(section('membership')).toHaveLength(1);
      expect(section('claims')).toHaveLength(1);
      expect(section('quizAttempts')).toEqual([expect.objectContaining({ status: 'submitted' })]);
      expect(section('quizCertificates')).toHaveLength(1);
      expect(section('readingCheckins')).toEqual([
        expect.objectContaining({ note: '读了《平凡的世界》第一章，很受鼓舞' }),
      ]);
      expect(section('legalQuestions')).toEqual([expect.objectContaining({ id: question.id })]);
      expect(section('legalMessages')).toHaveLength(1);
      expect(section('legalAid')).toHaveLength(1);
      expect(section('feedback')).toEqual([
        expect.objectContaining({ text: expect.stringContaining('希望驿站周末也开门') }),
      ]);
      const text = JSON.stringify(copy);
      expect(text).not.toContain('孙丽丽');
      expect(text).not.toContain('别人的建议');
      // Personal numbers are masked here as in every response.
      expect(text).not.toMatch(/1\d{10}/);
    });

    it('comes as an xlsx workbook too, one sheet per section', async () => {
      const worker = await w.newWorker('李晓');
      await w.feedback(worker);
      const res = await w
        .as(worker, 'get', '/api/me/data-export?format=xlsx')
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['content-disposition']).toContain('attachment');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body as ExcelJS.Buffer);
      expect(book.getWorksheet('个人资料')!.getRow(2).values).toContain('李晓');
      expect(book.getWorksheet('投诉建议')!.rowCount).toBe(2);
    });
  });

  describe('deleting the account (注销)', () => {
    it('needs the typed confirmation', async () => {
      const worker = await w.newWorker();
      const res = await w.as(worker, 'post', '/api/me/deletion').send({ confirmation: '确认' }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      await w.as(worker, 'get', '/api/me').expect(200);
    });

    it('refuses the account at once, erases its data in the sweep, and lets the phone and WeChat register again', async () => {
      const openid = uniqueOpenid('deleting');
      const phone = randomPhone();
      const idNumber = randomIdNumber();
      const me = await signUp(w, openid, phone);
      // A verified worker of the first street's enterprise (as staff approval would make them): its season is theirs.
      await w.t.dataSource.getRepository(User).update(me.id, { orgId: w.enterpriseId });
      await w.as(me, 'patch', '/api/me').send({ realName: '周小军', idNumber }).expect(200);
      const application = await w.application(me);
      const photo = await w.upload(me, 'feedback_photo');
      const feedback = (
        await w
          .as(me, 'post', '/api/feedback')
          .send({ category: 'complaint', text: '服务站工作人员态度不好', photoIds: [photo.id], wantsContact: true })
          .expect(201)
      ).body as FeedbackView;
      const question = await w.answeredQuestion(me);
      const checkin = await w.checkin(me);

      const deletion = (
        await w.as(me, 'post', '/api/me/deletion').send({ confirmation: DELETION_CONFIRMATION }).expect(200)
      ).body as DeletionView;
      const days = (Date.parse(deletion.eraseBy) - Date.parse(deletion.requestedAt)) / 86400_000;
      expect(days).toBeGreaterThanOrEqual(20); // 15 working days: three weeks at least

      // At once: the token issued before, the refresh token and a login by the old account all fail.
      const refused = await w.as(me, 'get', '/api/me').expect(401);
      expect(refused.body.code).toBe('ACCOUNT_DELETED');
      await w.as(me, 'get', '/api/feedback/mine').expect(401);
      await request(w.t.http).post('/api/auth/refresh').send({ refreshToken: me.refreshToken }).expect(401);
      const placeholder = await request(w.t.http)
        .post('/api/auth/dev/login')
        .send({ openid: `deleted-${me.id}` })
        .expect(401);
      expect(placeholder.body.code).toBe('ACCOUNT_DELETED');

      // The identity is gone already: staff see 已注销用户 and no phone.
      const users = w.t.dataSource.getRepository(User);
      expect(await users.findOneByOrFail({ id: me.id })).toEqual(
        expect.objectContaining({
          realName: DELETED_ACCOUNT_NAME,
          openid: `deleted-${me.id}`,
          phoneCipher: null,
          phoneHash: null,
          wechatPhoneHash: null,
          idNumberCipher: null,
          idNumberHash: null,
          deletedAt: expect.any(Date),
        }),
      );
      const staffView = (await w.as('staffIn', 'get', `/api/feedback/${feedback.id}`).expect(200))
        .body as FeedbackView;
      expect(staffView).toEqual(expect.objectContaining({ senderName: DELETED_ACCOUNT_NAME, senderPhone: null }));

      // The sweep erases what the features hold.
      expect(await w.t.app.get(AccountService).sweep()).toBeGreaterThanOrEqual(1);
      const db = w.t.dataSource;
      expect(await db.getRepository(AccountDeletion).findOneByOrFail({ userId: me.id })).toEqual(
        expect.objectContaining({ erasedAt: expect.any(Date) }),
      );
      expect(await db.getRepository(MembershipApplication).findOneByOrFail({ id: application.id })).toEqual(
        expect.objectContaining({ realName: DELETED_ACCOUNT_NAME, phoneCipher: '', phoneHash: '', proofUploadId: null }),
      );
      expect(await db.getRepository(Feedback).findOneByOrFail({ id: feedback.id })).toEqual(
        expect.objectContaining({ text: ERASED_TEXT, photoIds: [], wantsContact: false }),
      );
      expect((await db.getRepository(LegalQuestion).findOneByOrFail({ id: question.id })).title).toBe(ERASED_TEXT);
      const messages = await db.getRepository(LegalMessage).findBy({ questionId: question.id });
      expect(messages.filter((m) => m.authorRole === 'asker').map((m) => m.body)).toEqual([ERASED_TEXT]);
      // What staff wrote in reply stays: it is the union's answer, not the worker's data.
      expect(messages.some((m) => m.authorRole !== 'asker' && m.body !== ERASED_TEXT)).toBe(true);
      expect(await db.getRepository(ReadingCheckin).findOneByOrFail({ id: checkin.id })).toEqual(
        expect.objectContaining({ note: ERASED_TEXT, status: 'hidden' }),
      );
      expect(await db.getRepository(Upload).countBy({ ownerId: me.id })).toBe(0);
      expect(await db.getRepository(Notification).countBy({ userId: me.id })).toBe(0);
      expect(await db.getRepository(RefreshToken).countBy({ userId: me.id })).toBe(0);
      await request(w.t.http).get(new URL(photo.url).pathname + new URL(photo.url).search).expect(404);

      // Staff views hold nothing personal.
      const card = await w.as('staffIn', 'get', `/api/membership/applications/${application.id}`).expect(200);
      expect(JSON.stringify(card.body)).not.toContain('孙磊');
      expect(card.body).toEqual(expect.objectContaining({ realName: DELETED_ACCOUNT_NAME }));
      const thread = (await w.as('staffIn', 'get', `/api/legal/questions/${question.id}`).expect(200))
        .body as LegalQuestionView;
      expect(thread.asker).toEqual(expect.objectContaining({ phone: null }));
      expect(thread.asker.name).toContain('已注销');

      // The same phone, ID number and WeChat register again, as a new account.
      const again = await signUp(w, openid, phone);
      expect(again.id).not.toBe(me.id);
      const reborn = (await w.as(again, 'patch', '/api/me').send({ idNumber }).expect(200))
        .body as MeView;
      expect(reborn.phone).toMatch(/\*{4}/);
    });

    it('stops the tokens on every instance, not only the one that deleted', async () => {
      const b: TestApp = await startSecondInstance(w.t);
      try {
        const worker = await w.newWorker();
        await request(b.http).get('/api/me').set('Authorization', `Bearer ${worker.token}`).expect(200);
        await w.as(worker, 'post', '/api/me/deletion').send({ confirmation: DELETION_CONFIRMATION }).expect(200);
        const started = Date.now();
        let status = 200;
        while (status === 200 && Date.now() - started < 5000) {
          status = (await request(b.http).get('/api/me').set('Authorization', `Bearer ${worker.token}`)).status;
          if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(status).toBe(401);
        // One poll interval (1 s) and a round trip; generous, for a loaded machine.
        expect(Date.now() - started).toBeLessThan(4000);
      } finally {
        await b.close();
      }
    });

    it('keeps the last admin', async () => {
      const admins = await w.t.dataSource.query<{ userId: number }[]>(
        "SELECT DISTINCT user_id AS userId FROM user_roles WHERE role = 'admin'",
      );
      const lone = await w.person('独任管理员', null, [{ role: 'admin', orgId: null }]);
      // Everyone else's admin grant aside for the moment, so `lone` is the last admin.
      await w.t.dataSource.query("UPDATE user_roles SET role = 'lawyer' WHERE role = 'admin' AND user_id <> ?", [
        lone.id,
      ]);
      try {
        const res = await w.as(lone, 'post', '/api/me/deletion').send({ confirmation: DELETION_CONFIRMATION });
        expect(res.status).toBe(409);
        expect(res.body.code).toBe('LAST_ADMIN');
        await w.as(lone, 'get', '/api/me').expect(200);
      } finally {
        await w.t.dataSource.query(
          `UPDATE user_roles SET role = 'admin' WHERE role = 'lawyer' AND org_id IS NULL AND user_id IN (${admins.map(() => '?').join(',')})`,
          admins.map((a) => a.userId),
        );
      }
    });
  });

  describe('withdrawing consent', () => {
    it('sends the worker back to the consent page and refuses what needs consent until they agree again', async () => {
      const me = await signUp(w, uniqueOpenid('withdraw'), randomPhone());
      const view = (await w.as(me, 'post', '/api/me/consent/withdraw').expect(200)).body as MeView;
      expect(view).toEqual(expect.objectContaining({ consentRequired: true, consentVersion: null }));

      const refusals = [
        await w.as(me, 'patch', '/api/me').send({ realName: '王五' }),
        await w.as(me, 'post', '/api/me/phone').send({ code: `phone:${randomPhone()}` }),
        await w
          .as(me, 'post', '/api/membership/applications')
          .send({ realName: '王五', phone: '13812345678', orgId: w.enterpriseId, category: 'regular' }),
      ];
      expect(refusals.map((r) => [r.status, (r.body as { code: string }).code])).toEqual([
        [403, 'CONSENT_REQUIRED'],
        [403, 'CONSENT_REQUIRED'],
        [403, 'CONSENT_REQUIRED'],
      ]);
      // Rights never need consent: the copy shows the withdrawal in the consent history.
      const copy = (await w.as(me, 'get', '/api/me/data-export').expect(200)).body as PersonalDataExport;
      expect(copy.sections.find((s) => s.key === 'consents')!.rows).toEqual([
        expect.objectContaining({ withdrawn: false }),
        expect.objectContaining({ withdrawn: true }),
      ]);

      await w.as(me, 'post', '/api/me/consent').send({ version: PRIVACY_POLICY_VERSION }).expect(201);
      await w.as(me, 'patch', '/api/me').send({ realName: '王五' }).expect(200);
    });
  });
});
