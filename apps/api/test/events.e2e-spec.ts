import type {
  AuthResult,
  ErrorEnvelope,
  EventCheckinView,
  EventView,
  OrgView,
  Page,
  PersonalDataExport,
  SignupView,
  StaffSignupView,
  VenueCodeView,
  WorkerEventView,
} from '@jingcai/shared';
import { venueCodeWindow } from '@jingcai/shared';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { EventSession } from '../src/modules/events/entities/event-session.entity';
import { EventRecord } from '../src/modules/events/entities/event.entity';
import { EventSignup } from '../src/modules/events/entities/event-signup.entity';
import { venueCodeAt } from '../src/modules/events/event-codes';
import { EventsPersonalDataRepository } from '../src/modules/events/events-personal-data.repository';
import { EventsSweepService } from '../src/modules/events/events-sweep.service';
import { SignupsRepository } from '../src/modules/events/signups.repository';
import { User } from '../src/modules/users/entities/user.entity';
import { Notification } from '../src/modules/notifications/entities/notification.entity';
import {
  createEvent,
  eventWorkers,
  moveSession,
  signUp,
  venueSecret,
  type WorkerFixture,
} from './support/events-fixtures';
import { bearer, loginWithRole, startTestApp, type TestApp, startSecondInstance, orgMaker } from './support/test-app';

describe('Events: sign-up, check-in, children’s data (e2e)', () => {
  // Two API instances on one database, as behind a load balancer.
  let a: TestApp;
  let b: TestApp;
  let admin: AuthResult;
  let staff: AuthResult;
  let district: OrgView;
  let street: OrgView;
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    a = await startTestApp();
    b = await startSecondInstance(a);
    admin = await loginWithRole(a, 'admin');
    const org = orgMaker(a, admin, tag);
    district = await org('活动区', 'district', null);
    street = await org('活动甲街道', 'street', district.id);
    staff = await loginWithRole(a, 'staff', street.id);
    // A staff member is a worker of the street too: they may sign up, never check themselves in.
    await a.dataSource.getRepository(User).update({ id: staff.user.id }, { orgId: street.id });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** Workers of the street (the events' audience) unless told otherwise. */
  const workers = (count: number, fixture: WorkerFixture = {}) =>
    eventWorkers(a, count, { orgId: street.id, ...fixture });
  const code = (res: request.Response) => (res.body as ErrorEnvelope).code;

  it('never gives a place twice or beyond capacity: 500 concurrent sign-ups on two instances for 50 places', async () => {
    const event = await createEvent(a, staff, street.id, {
      sessions: [{ label: '全天', startsAt: inHours(30), endsAt: inHours(32), capacity: 50 }],
    });
    const crowd = await workers(500);
    const sessionId = event.sessions[0].id;
    const results = await Promise.all(
      crowd.map((w, i) => signUp(i % 2 ? b : a, w.auth, event.id, { sessionId, answers: [] })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(50);
    expect(results.filter((r) => r.status === 409).every((r) => code(r) === 'EVENT_FULL')).toBe(true);
    expect(results.filter((r) => r.status !== 201 && r.status !== 409)).toHaveLength(0);
    const held = await a.dataSource.getRepository(EventSignup).findBy({ sessionId, status: 'confirmed' });
    expect(held).toHaveLength(50);
    expect(new Set(held.map((s) => s.userId)).size).toBe(50);
    expect(
      (await a.dataSource.getRepository(EventSession).findOneByOrFail({ id: sessionId })).remaining,
    ).toBe(0);
  }, 90_000);

  it('keeps the per-person limit under concurrent tries for different sessions, and repeats return the same ticket', async () => {
    const event = await createEvent(a, staff, street.id, {
      sessions: [
        { label: '8:00–8:30', startsAt: inHours(24), endsAt: inHours(24.5), capacity: 10 },
        { label: '8:30–9:00', startsAt: inHours(24.5), endsAt: inHours(25), capacity: 10 },
      ],
    });
    const [worker] = await workers(1);
    const tries = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        signUp(i % 2 ? b : a, worker.auth, event.id, { sessionId: event.sessions[i % 2].id, answers: [] }),
      ),
    );
    const ok = tries.filter((r) => r.status === 201 || r.status === 200);
    expect(new Set(ok.map((r) => (r.body as SignupView).id)).size).toBe(1);
    expect(tries.filter((r) => ![200, 201].includes(r.status)).every((r) => r.status === 409)).toBe(true);
    expect(
      await a.dataSource.getRepository(EventSignup).countBy({ eventId: event.id, status: 'confirmed' }),
    ).toBe(1);
  });

  it('applies the audience from verified facts only, the window and the staff-chosen form', async () => {
    const event = await createEvent(a, staff, street.id, {
      title: `会员专场${tag}`,
      eligibility: {
        categories: [],
        gigVerifiedRequired: false,
        tags: [],
        membersOnly: true,
        orgId: street.id,
      },
      form: [
        { key: 'size', label: '衣服尺码', type: 'choice', required: true, options: ['M', 'L'] },
        { key: 'years', label: '工龄', type: 'number', required: false, min: 0, max: 50 },
        { key: 'note', label: '备注', type: 'text', required: false },
      ],
    });
    const sessionId = event.sessions[0].id;
    const [outsider] = await workers(1, { membership: 'none', orgId: null });
    const [member] = await workers(1, { membership: 'member', orgId: street.id });
    const refused = await signUp(a, outsider.auth, event.id, {
      sessionId,
      answers: [{ key: 'size', value: 'M' }],
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'NOT_ELIGIBLE', message: '仅限工会会员报名，请先申请入会' });
    const list = (
      await request(a.http)
        .get('/api/events')
        .set(...outsider.auth)
        .expect(200)
    ).body as Page<WorkerEventView>;
    expect(list.items.some((e) => e.id === event.id)).toBe(false);
    const badForm = await signUp(a, member.auth, event.id, {
      sessionId,
      answers: [{ key: 'size', value: 'XXL' }],
    });
    expect(badForm.status).toBe(400);
    expect((badForm.body as ErrorEnvelope).details).toEqual([
      { field: 'answers.size', message: '衣服尺码：请从选项中选择' },
    ]);
    // Text answers are worker text the staff read: WeChat's check refuses risky text, naming the answer.
    const risky = await signUp(a, member.auth, event.id, {
      sessionId,
      answers: [
        { key: 'size', value: 'L' },
        { key: 'note', value: '备注[risky]' },
      ],
    });
    expect(risky.status).toBe(400);
    expect(risky.body).toMatchObject({ code: 'CONTENT_RISKY', details: [{ field: 'answers.note' }] });
    const ok = await signUp(a, member.auth, event.id, {
      sessionId,
      answers: [
        { key: 'size', value: 'L' },
        { key: 'years', value: '12' },
      ],
    });
    expect(ok.status).toBe(201);
    expect((ok.body as SignupView).answers).toEqual([
      { key: 'size', label: '衣服尺码', value: 'L' },
      { key: 'years', label: '工龄', value: '12' },
    ]);
    const mine = (
      await request(a.http)
        .get('/api/events')
        .set(...member.auth)
        .expect(200)
    ).body as Page<WorkerEventView>;
    expect(mine.items.find((e) => e.id === event.id)).toMatchObject({ eligible: true, signupsUsed: 1 });
    // Another worker's ticket reads as missing.
    await request(a.http)
      .get(`/api/events/signups/${(ok.body as SignupView).id}`)
      .set(...outsider.auth)
      .expect(404);

    await a.dataSource
      .getRepository(EventRecord)
      .update({ id: event.id }, { signupEndsAt: new Date(Date.now() - 1000) });
    // Instance b has not cached this event's rules yet (each instance keeps them 5 s), so it reads the change.
    const late = await signUp(b, outsider.auth, event.id, { sessionId, answers: [] });
    expect(code(late)).toBe('SIGNUP_CLOSED');
  });

  it('locks the rules once the window opened and never changes the seed; cancels only before the deadline', async () => {
    const event = await createEvent(a, staff, street.id, { allocation: 'lottery' });
    expect(event.lotterySeed).toMatch(/^[0-9a-f]{64}$/);
    const locked = await request(a.http)
      .patch(`/api/events/${event.id}`)
      .set(...bearer(staff))
      .send({ perPersonLimit: 3, title: '职工羽毛球赛（改）' });
    expect(code(locked)).toBe('EVENT_LOCKED');
    const renamed = await request(a.http)
      .patch(`/api/events/${event.id}`)
      .set(...bearer(staff))
      .send({ title: '职工羽毛球赛（改）' })
      .expect(200);
    expect(renamed.body).toMatchObject({ title: '职工羽毛球赛（改）', lotterySeed: event.lotterySeed });
    await request(a.http)
      .patch(`/api/events/${event.id}`)
      .set(...bearer(staff))
      .send({ lotterySeed: 'ab' })
      .expect(400);

    const [worker] = await workers(1);
    const ticket = (
      await signUp(a, worker.auth, event.id, { sessionId: event.sessions[0].id, answers: [] }).expect(201)
    ).body as SignupView;
    expect(ticket).toMatchObject({ status: 'entered', ticketCode: null, cancellable: true });
    await a.dataSource
      .getRepository(EventRecord)
      .update({ id: event.id }, { cancelDeadline: new Date(Date.now() - 1000) });
    const tooLate = await request(a.http)
      .delete(`/api/events/signups/${ticket.id}`)
      .set(...worker.auth);
    expect(code(tooLate)).toBe('SIGNUP_NOT_CANCELLABLE');
  });

  it('checks a ticket in once under concurrent scans, never the scanner’s own, and refuses a stale venue code', async () => {
    const event = await createEvent(a, staff, street.id);
    const sessionId = event.sessions[0].id;
    const [worker, other] = await workers(2);
    const ticket = (await signUp(a, worker.auth, event.id, { sessionId, answers: [] }).expect(201))
      .body as SignupView;
    await signUp(a, other.auth, event.id, { sessionId, answers: [] }).expect(201);
    const own = (await signUp(a, bearer(staff), event.id, { sessionId, answers: [] }).expect(201))
      .body as SignupView;
    const early = await request(a.http)
      .post('/api/events/checkins')
      .set(...bearer(staff))
      .send({ ticketCode: ticket.ticketCode });
    expect(code(early)).toBe('CHECKIN_CLOSED');
    await moveSession(a, sessionId);

    const scans = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        request((i % 2 ? b : a).http)
          .post('/api/events/checkins')
          .set(...bearer(staff))
          .send({ ticketCode: ticket.ticketCode }),
      ),
    );
    expect(scans.filter((r) => r.status === 200)).toHaveLength(1);
    expect(scans.filter((r) => r.status !== 200).every((r) => code(r) === 'TICKET_CHECKED_IN')).toBe(true);
    expect(scans.find((r) => r.status === 200)!.body).toMatchObject({
      workerName: '赵*',
      method: 'ticket',
    } satisfies Partial<EventCheckinView>);

    // The staff member's own sign-up: refused.
    const self = await request(a.http)
      .post('/api/events/checkins')
      .set(...bearer(staff))
      .send({ ticketCode: own.ticketCode });
    expect(code(self)).toBe('OWN_RECORD');

    // Venue code: the current one works; one from two windows ago is stale.
    const secret = await venueSecret(a, sessionId);
    const stale = venueCodeAt(secret, venueCodeWindow(Date.now()) - 2);
    const refused = await request(a.http)
      .post('/api/events/checkins')
      .set(...other.auth)
      .send({ sessionId, venueCode: stale });
    expect(refused.body).toMatchObject({
      code: 'CHECKIN_CODE_STALE',
      message: expect.stringContaining('签到码已过期'),
    });
    const screen = (
      await request(b.http)
        .get(`/api/events/${event.id}/venue-code?sessionId=${sessionId}`)
        .set(...bearer(staff))
        .expect(200)
    ).body as VenueCodeView;
    const accepted = await request(a.http)
      .post('/api/events/checkins')
      .set(...other.auth)
      .send({ sessionId, venueCode: screen.code });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ method: 'venue_code' });
    const again = await request(a.http)
      .post('/api/events/checkins')
      .set(...other.auth)
      .send({ sessionId, venueCode: screen.code });
    expect(code(again)).toBe('TICKET_CHECKED_IN');
    const attendance = await request(a.http)
      .get(`/api/events/${event.id}/attendance`)
      .set(...bearer(staff))
      .expect(200);
    expect(attendance.body).toMatchObject({ checkedIn: 2, booked: 3 });
  });

  it('keeps children’s data encrypted at rest, masked in views and exports, and erases it 30 days after', async () => {
    const event = await createEvent(a, staff, street.id, {
      kind: 'childcare',
      title: `暑托班${tag}`,
      sessions: [{ label: '第一期', startsAt: inHours(24), endsAt: inHours(24 * 14), capacity: 30 }],
    });
    const sessionId = event.sessions[0].id;
    const [parent] = await workers(1, { realName: '王芳' });
    expect(code(await signUp(a, parent.auth, event.id, { sessionId, answers: [] }))).toBe('CHILD_REQUIRED');
    const child = { name: '王小明', age: 8, guardian: '王芳' };
    const ticket = (await signUp(a, parent.auth, event.id, { sessionId, answers: [], child }).expect(201))
      .body as SignupView;
    expect(ticket.child).toEqual({ name: '王**', age: 8, guardian: '王*' });

    const [raw] = await a.dataSource.query<Record<string, string | null>[]>(
      'SELECT child_name_cipher, child_age_cipher, child_guardian_cipher FROM event_signups WHERE id = ?',
      [ticket.id],
    );
    for (const value of Object.values(raw)) expect(value).toBeTruthy();
    expect(JSON.stringify(raw)).not.toMatch(/王小明|王芳|"8"/);

    const listed = (
      await request(a.http)
        .get(`/api/events/${event.id}/signups`)
        .set(...bearer(staff))
        .expect(200)
    ).body as Page<StaffSignupView>;
    expect(listed.items[0]).toMatchObject({
      child: { name: '王**', age: 8, guardian: '王*' },
      workerName: '王*',
      workerPhone: '139****5678',
    });
    const masked = await readSheet(await download(a, staff, `/api/events/${event.id}/signups/export`));
    expect(masked).toContain('王**');
    expect(masked).not.toContain('王小明');
    await request(a.http)
      .get(`/api/events/${event.id}/signups/export?includeSensitive=true`)
      .set(...bearer(staff))
      .expect(403);
    const full = await readSheet(
      await download(a, admin, `/api/events/${event.id}/signups/export?includeSensitive=true`),
    );
    expect(full).toContain('王小明');
    // Nest's Logger writes to the last app created in this process: look in both instances' logs.
    const logs = [...a.logs, ...b.logs];
    expect(logs.some((l) => l.includes(`sensitive export: event ${event.id}`))).toBe(true);
    expect(logs.some((l) => l.includes('王小明'))).toBe(false);

    await a.dataSource
      .getRepository(EventRecord)
      .update({ id: event.id }, { endsAt: new Date(Date.now() - 31 * 86_400_000) });
    await Promise.all([a.app.get(EventsSweepService).sweep(), b.app.get(EventsSweepService).sweep()]);
    const [erased] = await a.dataSource.query<Record<string, string | null>[]>(
      'SELECT child_name_cipher, child_age_cipher, child_guardian_cipher FROM event_signups WHERE id = ?',
      [ticket.id],
    );
    expect(Object.values(erased)).toEqual([null, null, null]);
    const after = (
      await request(a.http)
        .get(`/api/events/signups/${ticket.id}`)
        .set(...parent.auth)
        .expect(200)
    ).body as SignupView;
    expect(after.child).toBeNull();
  });

  it('answers for its personal data: the copy lists the sign-ups (child masked); erasure gives places back', async () => {
    const event = await createEvent(a, staff, street.id, {
      kind: 'childcare',
      title: `暑托班二期${tag}`,
      form: [{ key: 'pickup', label: '接送人', type: 'text', required: true }],
      sessions: [{ label: '第二期', startsAt: inHours(48), endsAt: inHours(24 * 10), capacity: 5 }],
    });
    const sessionId = event.sessions[0].id;
    const [parent] = await workers(1, { realName: '刘洋' });
    const child = { name: '刘小雨', age: 7, guardian: '刘洋' };
    const answers = [{ key: 'pickup', value: '外婆接送' }];
    const ticket = (await signUp(a, parent.auth, event.id, { sessionId, answers, child }).expect(201))
      .body as SignupView;
    const copy = (
      await request(a.http)
        .get('/api/me/data-export')
        .set(...parent.auth)
        .expect(200)
    ).body as PersonalDataExport;
    const rows = copy.sections.find((s) => s.key === 'eventSignups')!.rows;
    expect(rows).toEqual([
      expect.objectContaining({
        id: ticket.id,
        publicNo: ticket.publicNo,
        child: '刘**，7 岁，监护人 刘*',
        answers: 'pickup: 外婆接送',
      }),
    ]);
    expect(JSON.stringify(copy)).not.toContain('刘小雨');

    await a.app.get(EventsPersonalDataRepository, { strict: false }).eraseOf(parent.id);
    const erased = await a.dataSource.getRepository(EventSignup).findOneByOrFail({ id: ticket.id });
    expect(erased).toMatchObject({
      status: 'cancelled',
      activeKey: null,
      answersJson: '[]',
      childNameCipher: null,
      childAgeCipher: null,
      childGuardianCipher: null,
    });
    expect(
      (await a.dataSource.getRepository(EventSession).findOneByOrFail({ id: sessionId })).remaining,
    ).toBe(5);
  });

  it('reminds each ticket once the day before, however many instances sweep', async () => {
    const event = await createEvent(a, staff, street.id, {
      sessions: [{ label: '下午场', startsAt: inHours(12), endsAt: inHours(14), capacity: 5 }],
      signupEndsAt: inHours(11),
      cancelDeadline: inHours(11),
    });
    const [worker] = await workers(1);
    await signUp(a, worker.auth, event.id, { sessionId: event.sessions[0].id, answers: [] }).expect(201);
    await Promise.all([a.app.get(EventsSweepService).sweep(), b.app.get(EventsSweepService).sweep()]);
    await a.app.get(EventsSweepService).sweep();
    const sent = await a.dataSource
      .getRepository(Notification)
      .findBy({ userId: worker.id, kind: 'event_reminder' });
    expect(sent).toHaveLength(1);
  });

  it('reads a sign-up by plain SQL exactly as TypeORM hydrates it, whatever its state', async () => {
    // By now the suite has left sign-ups in many states: confirmed, checked in, cancelled, with a child.
    const rows = await a.dataSource.getRepository(EventSignup).find();
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThan(2);
    expect(rows.some((r) => r.checkedInAt !== null)).toBe(true);
    expect(rows.some((r) => r.closedAt !== null)).toBe(true);
    const signups = a.app.get(SignupsRepository);
    for (const row of rows) expect(await signups.byId(row.id)).toEqual(row);
  });

  it('lists the staff member’s events in scope only', async () => {
    const event: EventView = await createEvent(a, staff, street.id, { title: `范围内${tag}` });
    const outsiderStaff = await loginWithRole(a, 'staff', (await otherOrg()).id);
    const mine = (
      await request(a.http)
        .get('/api/events/manage')
        .set(...bearer(staff))
        .expect(200)
    ).body as Page<EventView>;
    expect(mine.items.some((e) => e.id === event.id)).toBe(true);
    const theirs = (
      await request(a.http)
        .get('/api/events/manage')
        .set(...bearer(outsiderStaff))
        .expect(200)
    ).body as Page<EventView>;
    expect(theirs.items.some((e) => e.id === event.id)).toBe(false);
    await request(a.http)
      .get(`/api/events/${event.id}/signups`)
      .set(...bearer(outsiderStaff))
      .expect(404);
  });

  async function otherOrg(): Promise<OrgView> {
    return (
      await request(a.http)
        .post('/api/orgs')
        .set(...bearer(admin))
        .send({ name: `活动乙街道${tag}`, kind: 'street', parentId: district.id })
        .expect(201)
    ).body as OrgView;
  }
});

function inHours(hours: number): string {
  return new Date(Date.now() + hours * 3600_000).toISOString();
}

async function download(t: TestApp, who: AuthResult, path: string): Promise<Buffer> {
  const res = await request(t.http)
    .get(path)
    .set(...bearer(who))
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  return res.body as Buffer;
}

async function readSheet(file: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.worksheets[0].eachRow((row) => cells.push(JSON.stringify(row.values)));
  return cells.join('\n');
}
