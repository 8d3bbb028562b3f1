import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  drawLottery,
  type AuthResult,
  type ErrorEnvelope,
  type LotteryResultView,
  type OrgView,
  type SignupView,
} from '@jingcai/shared';
import request from 'supertest';
import { EventSession } from '../src/modules/events/entities/event-session.entity';
import { EventSignup } from '../src/modules/events/entities/event-signup.entity';
import { hmacSha256Hex } from '../src/modules/events/event-codes';
import { EventsSweepService } from '../src/modules/events/events-sweep.service';
import { Notification } from '../src/modules/notifications/entities/notification.entity';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { In } from 'typeorm';
import { closeWindow, createEvent, eventWorkers, signUp, type Worker } from './support/events-fixtures';
import { bearer, loginWithRole, startTestApp, type TestApp, startSecondInstance } from './support/test-app';

const REPO_ROOT = join(__dirname, '..', '..', '..');

describe('Events: the published lottery and the waitlist (e2e)', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: AuthResult;
  let staff: AuthResult;
  let street: OrgView;
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    a = await startTestApp();
    b = await startSecondInstance(a);
    admin = await loginWithRole(a, 'admin');
    const district = (
      await request(a.http)
        .post('/api/orgs')
        .set(...bearer(admin))
        .send({ name: `抽签区${tag}`, kind: 'district', parentId: null })
        .expect(201)
    ).body as OrgView;
    street = (
      await request(a.http)
        .post('/api/orgs')
        .set(...bearer(admin))
        .send({ name: `抽签街道${tag}`, kind: 'street', parentId: district.id })
        .expect(201)
    ).body as OrgView;
    staff = await loginWithRole(a, 'staff', street.id);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const code = (res: request.Response) => (res.body as ErrorEnvelope).code;
  const draw = (t: TestApp, eventId: number) =>
    request(t.http)
      .post(`/api/events/${eventId}/lottery`)
      .set(...bearer(staff));

  /** A lottery event with 20 entries for 5 places, drawn. */
  async function drawn(capacity = 5, entrants = 20) {
    const event = await createEvent(a, staff, street.id, {
      allocation: 'lottery',
      kind: 'health_check',
      title: `免费体检${tag}`,
      sessions: [
        {
          label: '8:00–8:30',
          startsAt: new Date(Date.now() + 48 * 3600_000).toISOString(),
          endsAt: new Date(Date.now() + 48.5 * 3600_000).toISOString(),
          capacity,
        },
      ],
      cancelDeadline: new Date(Date.now() + 40 * 3600_000).toISOString(),
    });
    const crowd = await eventWorkers(a, entrants, { orgId: street.id });
    const tickets = await Promise.all(
      crowd.map(
        async (w) =>
          (await signUp(a, w.auth, event.id, { sessionId: event.sessions[0].id, answers: [] }).expect(201))
            .body as SignupView,
      ),
    );
    return { event, crowd, tickets };
  }

  it('publishes the seed before the window closes, refuses an early draw, and draws once under concurrent calls', async () => {
    const { event, crowd } = await drawn();
    expect(event.lotterySeed).toMatch(/^[0-9a-f]{64}$/);
    const early = await draw(a, event.id);
    expect(code(early)).toBe('LOTTERY_NOT_READY');
    const published = (
      await request(a.http)
        .get(`/api/events/${event.id}/lottery`)
        .set(...crowd[0].auth)
        .expect(200)
    ).body as LotteryResultView;
    expect(published).toMatchObject({ seed: event.lotterySeed, drawnAt: null, entries: [] });

    await closeWindow(a, event.id);
    const calls = await Promise.all(Array.from({ length: 6 }, (_, i) => draw(i % 2 ? b : a, event.id)));
    expect(calls.map((r) => r.status)).toEqual(Array(6).fill(200));
    const results = calls.map((r) => r.body as LotteryResultView);
    for (const r of results) expect(r).toEqual(results[0]);
    const result = results[0];
    expect(result.entries).toHaveLength(20);
    expect(result.sessions[0].winners).toHaveLength(5);
    expect(result.sessions[0].waitlist).toHaveLength(15);
    const signups = a.dataSource.getRepository(EventSignup);
    expect(await signups.countBy({ eventId: event.id, status: 'confirmed' })).toBe(5);
    expect(await signups.countBy({ eventId: event.id, status: 'waitlisted' })).toBe(15);
    // Everyone is told once, whichever instance drew.
    await Promise.all([a.app.get(NotificationsService).drain(), b.app.get(NotificationsService).drain()]);
    const told = await a.dataSource
      .getRepository(Notification)
      .countBy({ kind: 'event_result', userId: In(crowd.map((w) => w.id)) });
    expect(told).toBe(20);

    // Same seed, same winners: the pure function and the re-run script agree with the route.
    const again = drawLottery(
      result.seed,
      result.sessions.map((s) => ({ sessionId: s.sessionId, capacity: s.capacity })),
      result.entries,
      hmacSha256Hex,
    );
    expect(again).toEqual(result.sessions);
    const file = join(tmpdir(), `events-draw-${event.id}.json`);
    writeFileSync(file, JSON.stringify(result));
    const script = execFileSync('node', [join(REPO_ROOT, 'scripts', 'events-draw.mjs'), file], {
      encoding: 'utf8',
    });
    expect(script).toContain('重新抽签的结果与公布的结果一致');
    const winners = result.sessions[0].winners;
    expect(script).toContain(winners[0]);
  });

  it('promotes each waitlisted sign-up once under concurrent cancellations, never more offers than places freed', async () => {
    const { event, crowd, tickets } = await drawn();
    await closeWindow(a, event.id);
    const result = (await draw(a, event.id).expect(200)).body as LotteryResultView;
    const byNo = new Map(tickets.map((t, i) => [t.publicNo, { ticket: t, worker: crowd[i] }]));
    const winners = result.sessions[0].winners.map((no) => byNo.get(no)!);
    const waitlist = result.sessions[0].waitlist.map((no) => byNo.get(no)!);

    const mine = (
      await request(a.http)
        .get(`/api/events/signups/${waitlist[1].ticket.id}`)
        .set(...waitlist[1].worker.auth)
        .expect(200)
    ).body as SignupView;
    expect(mine).toMatchObject({ status: 'waitlisted', waitlistPosition: 2, ticketCode: null });

    // Three winners cancel at once (each twice, on both instances).
    const cancels = await Promise.all(
      winners.slice(0, 3).flatMap(({ ticket, worker }) => [
        request(a.http)
          .delete(`/api/events/signups/${ticket.id}`)
          .set(...worker.auth),
        request(b.http)
          .delete(`/api/events/signups/${ticket.id}`)
          .set(...worker.auth),
      ]),
    );
    expect(cancels.filter((r) => r.status === 200)).toHaveLength(3);
    expect(cancels.filter((r) => r.status !== 200).every((r) => code(r) === 'SIGNUP_NOT_CANCELLABLE')).toBe(
      true,
    );
    const signups = a.dataSource.getRepository(EventSignup);
    const offered = await signups.find({
      where: { eventId: event.id, status: 'offered' },
      order: { drawRank: 'ASC' },
    });
    expect(offered.map((s) => s.id)).toEqual(waitlist.slice(0, 3).map((w) => w.ticket.id));
    const session = await a.dataSource
      .getRepository(EventSession)
      .findOneByOrFail({ id: event.sessions[0].id });
    expect(session.remaining).toBe(0);

    // The first accepts; the second lets the offer lapse and it passes to the fourth in line.
    const accepted = await request(a.http)
      .post(`/api/events/signups/${waitlist[0].ticket.id}/confirm`)
      .set(...waitlist[0].worker.auth)
      .expect(200);
    expect(accepted.body).toMatchObject({ status: 'confirmed', ticketCode: expect.any(String) as string });
    await signups.update({ id: waitlist[1].ticket.id }, { offerExpiresAt: new Date(Date.now() - 1000) });
    await Promise.all([a.app.get(EventsSweepService).sweep(), b.app.get(EventsSweepService).sweep()]);
    const lapsed = await request(a.http)
      .post(`/api/events/signups/${waitlist[1].ticket.id}/confirm`)
      .set(...waitlist[1].worker.auth);
    expect(code(lapsed)).toBe('NO_OFFER');
    expect((await signups.findOneByOrFail({ id: waitlist[1].ticket.id })).status).toBe('expired');
    const nowOffered = await signups.find({
      where: { eventId: event.id, status: 'offered' },
      order: { drawRank: 'ASC' },
    });
    expect(nowOffered.map((s) => s.id)).toEqual([waitlist[2].ticket.id, waitlist[3].ticket.id]);
    expect(
      (await a.dataSource.getRepository(EventSession).findOneByOrFail({ id: session.id })).remaining,
    ).toBe(0);
  });

  it('refuses a second entry for the same session after a cancellation before the draw (no re-rolled numbers)', async () => {
    const { event, crowd, tickets } = await drawn(5, 2);
    await request(a.http)
      .delete(`/api/events/signups/${tickets[0].id}`)
      .set(...crowd[0].auth)
      .expect(200);
    const again = await signUp(a, crowd[0].auth, event.id, { sessionId: event.sessions[0].id, answers: [] });
    expect(code(again)).toBe('SIGNUP_REENTRY_REFUSED');
  });

  it('puts workers with two no-shows after the others when the event opts into the rule', async () => {
    const { event: past, crowd } = await drawn(5, 3);
    await closeWindow(a, past.id);
    await draw(a, past.id).expect(200);
    // Two of the three never came to two earlier sessions.
    const noShows: Worker[] = crowd.slice(0, 2);
    for (const worker of noShows) {
      const signup = await a.dataSource.getRepository(EventSignup).findOneByOrFail({ userId: worker.id });
      // Another character than the original's at one end, so the copy's number and code are new for certain.
      const other = (c: string) => (c === 'N' ? 'M' : 'N');
      await a.dataSource
        .getRepository(EventSignup)
        .insert({
          ...signup,
          id: undefined,
          publicNo: `${other(signup.publicNo[0])}${signup.publicNo.slice(1)}`,
          ticketCode: `${signup.ticketCode.slice(0, -1)}${other(signup.ticketCode.slice(-1))}`,
          activeKey: null,
        });
    }
    await a.dataSource
      .getRepository(EventSession)
      .update(
        { id: past.sessions[0].id },
        { startsAt: new Date(Date.now() - 7200_000), endsAt: new Date(Date.now() - 3600_000) },
      );

    const event = await createEvent(a, staff, street.id, { allocation: 'lottery', noShowRule: true });
    for (const w of crowd)
      await signUp(a, w.auth, event.id, { sessionId: event.sessions[0].id, answers: [] }).expect(201);
    await a.dataSource.getRepository(EventSession).update({ id: event.sessions[0].id }, { capacity: 1 });
    await closeWindow(a, event.id);
    const result = (await draw(a, event.id).expect(200)).body as LotteryResultView;
    const flagged = result.entries.filter((e) => e.deprioritised);
    expect(flagged).toHaveLength(2);
    expect(result.sessions[0].winners).toHaveLength(1);
    expect(flagged.map((e) => e.publicNo)).not.toContain(result.sessions[0].winners[0]);
  });
});
