import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  drawLottery,
  type AuthResult,
  type EventCheckinView,
  type LotteryResultView,
  type Page,
  type SignupView,
  type WorkerEventView,
} from '@jingcai/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { EventSession } from '../src/modules/events/entities/event-session.entity';
import { EventRecord } from '../src/modules/events/entities/event.entity';
import { EventSignup } from '../src/modules/events/entities/event-signup.entity';
import { hmacSha256Hex } from '../src/modules/events/event-codes';
import { bearer } from './support/test-app';

/**
 * The events' portable twins for the embedded SQLite demo (a transaction where MySQL takes a place in one
 * multi-table UPDATE, no row locks): the seeded events signed up for, drawn, cancelled and checked in there.
 */
describe('Events on the embedded SQLite demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jingcai-sqlite-events-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs up first come, draws the seeded lottery, promotes the waitlist and checks a ticket in', async () => {
    const app = await createApp(
      loadConfig({ SQLITE_PATH: join(dir, 'demo.sqlite'), LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent' }),
    );
    await app.getHttpAdapter().getInstance().ready();
    const http = app.getHttpServer();
    const db = app.get(DataSource);
    const login = async (openid: string) =>
      (await request(http).post('/api/auth/dev/login').send({ openid }).expect(200)).body as AuthResult;
    try {
      const admin = await login('demo-admin');
      const worker = await login('demo-worker');
      const list = (
        await request(http)
          .get('/api/events')
          .set(...bearer(worker))
          .expect(200)
      ).body as Page<WorkerEventView>;
      const badminton = list.items.find((e) => e.kind === 'sports')!;
      const checkup = list.items.find((e) => e.kind === 'health_check')!;
      expect(checkup.lotterySeed).toMatch(/^[0-9a-f]{64}$/);

      const ticket = (
        await request(http)
          .post(`/api/events/${badminton.id}/signups`)
          .set(...bearer(worker))
          .send({ sessionId: badminton.sessions[0].id, answers: [{ key: 'event', value: '男子单打' }] })
          .expect(201)
      ).body as SignupView;
      expect(ticket).toMatchObject({ status: 'confirmed', ticketCode: expect.any(String) as string });
      const session = await db.getRepository(EventSession).findOneByOrFail({ id: badminton.sessions[0].id });
      expect(session.remaining).toBe(badminton.sessions[0].remaining - 1);

      await db
        .getRepository(EventRecord)
        .update({ id: checkup.id }, { signupEndsAt: new Date(Date.now() - 1000) });
      const drawn = (
        await request(http)
          .post(`/api/events/${checkup.id}/lottery`)
          .set(...bearer(admin))
          .expect(200)
      ).body as LotteryResultView;
      expect(
        drawLottery(
          drawn.seed,
          drawn.sessions.map((s) => ({ sessionId: s.sessionId, capacity: s.capacity })),
          drawn.entries,
          hmacSha256Hex,
        ),
      ).toEqual(drawn.sessions);
      const waiting = drawn.sessions.find((s) => s.waitlist.length)!;
      const winner = await db.getRepository(EventSignup).findOneByOrFail({ publicNo: waiting.winners[0] });
      const owner = await db
        .getRepository(EventSignup)
        .manager.query<{ openid: string }[]>('SELECT openid FROM users WHERE id = ?', [winner.userId]);
      const winnerAuth = await login(owner[0].openid);
      await request(http)
        .delete(`/api/events/signups/${winner.id}`)
        .set(...bearer(winnerAuth))
        .expect(200);
      const offered = await db
        .getRepository(EventSignup)
        .findBy({ sessionId: waiting.sessionId, status: 'offered' });
      expect(offered.map((s) => s.publicNo)).toEqual([waiting.waitlist[0]]);

      await db
        .getRepository(EventSession)
        .update(
          { id: badminton.sessions[0].id },
          { startsAt: new Date(Date.now() - 600_000), endsAt: new Date(Date.now() + 3600_000) },
        );
      const checkin = (
        await request(http)
          .post('/api/events/checkins')
          .set(...bearer(admin))
          .send({ ticketCode: ticket.ticketCode })
          .expect(200)
      ).body as EventCheckinView;
      expect(checkin.method).toBe('ticket');
    } finally {
      await app.close();
    }
  }, 180_000); // seeding the demo district on sql.js takes ~20 s alone
});
