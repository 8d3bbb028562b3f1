// Events (issue 23): workers of the audience sign up; staff whose subtree holds the event's owner org manage
// it (others get the 404 of a missing id); tickets are their worker's alone; nobody checks in their own.
import type { EventView, SignupView } from '@jingcai/shared';
import { EventSession } from '../../../src/modules/events/entities/event-session.entity';
import { EventRecord } from '../../../src/modules/events/entities/event.entity';
import { EventSignup } from '../../../src/modules/events/entities/event-signup.entity';
import { eventBody } from '../../support/events-fixtures';
import {
  OWNER,
  SIGNED_IN,
  STAFF_LIST,
  STAFF_SCOPED,
  NOT_ON_OWN,
  outcomes,
  own,
  type Row,
} from '../matrix-presets';
import type { Person, World } from '../world';

/** An event of the first street (audience: its subtree), made by an admin. */
async function event(w: World, overrides: Parameters<typeof eventBody>[1] = {}): Promise<EventView> {
  const res = await w.as('admin', 'post', '/api/events').send(eventBody(w.streetId, overrides));
  if (res.status !== 201) throw new Error(`fixture event: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as EventView;
}

/** A ticket of `owner` (default: the worker) for a fresh event. */
async function ticket(w: World, owner?: Person, overrides: Parameters<typeof eventBody>[1] = {}) {
  const e = await event(w, overrides);
  const res = await w
    .as(owner ?? 'worker', 'post', `/api/events/${e.id}/signups`)
    .send({ sessionId: e.sessions[0].id, answers: [] });
  if (res.status !== 201) throw new Error(`fixture sign-up: ${res.status} ${JSON.stringify(res.body)}`);
  return { event: e, signup: res.body as SignupView };
}

/** A confirmed ticket whose session runs now, so staff can scan it. */
async function scannable(w: World, owner?: Person): Promise<string> {
  const { event: e, signup } = await ticket(w, owner);
  await w.t.dataSource
    .getRepository(EventSession)
    .update(
      { id: e.sessions[0].id },
      { startsAt: new Date(Date.now() - 600_000), endsAt: new Date(Date.now() + 3600_000) },
    );
  return signup.ticketCode!;
}

const byId = async (w: World) => ({ params: { id: (await event(w)).id } });

export const ROWS: Record<string, Row> = {
  'GET /api/events': { expect: SIGNED_IN() },
  'POST /api/events': {
    expect: STAFF_SCOPED(403),
    call: (w) => ({ body: eventBody(w.streetId) }),
  },
  'GET /api/events/manage': { expect: STAFF_LIST() },
  'GET /api/events/{id}': { expect: SIGNED_IN(), call: byId },
  'PATCH /api/events/{id}': {
    expect: STAFF_SCOPED(404),
    call: async (w) => ({ ...(await byId(w)), body: { title: '职工乒乓球赛' } }),
  },
  // The audience is the first street's subtree: its enterprise's workers (and `self`), not district staff.
  'POST /api/events/{id}/signups': {
    expect: outcomes([401, 'ok', 'ok', 403, 403, 403, 403, 'ok']),
    call: async (w) => {
      const e = await event(w);
      return { params: { id: e.id }, body: { sessionId: e.sessions[0].id, answers: [] } };
    },
  },
  'GET /api/events/signups/mine': { expect: SIGNED_IN() },
  'GET /api/events/signups/{id}': {
    expect: OWNER(),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await ticket(w, owner)).signup.id }, actor };
    },
  },
  'DELETE /api/events/signups/{id}': {
    expect: OWNER(),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { params: { id: (await ticket(w, owner)).signup.id }, actor };
    },
  },
  'POST /api/events/signups/{id}/confirm': {
    expect: OWNER(),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      const { signup } = await ticket(w, owner, { allocation: 'lottery' });
      // A waitlist offer as the draw and a cancellation would leave it.
      await w.t.dataSource
        .getRepository(EventSignup)
        .update(
          { id: signup.id },
          { status: 'offered', drawRank: 5, offerExpiresAt: new Date(Date.now() + 3600_000) },
        );
      return { params: { id: signup.id }, actor };
    },
  },
  // Staff scan tickets of their events (another street's staff: the 404 of an unknown ticket), never their own.
  'POST /api/events/checkins': {
    expect: NOT_ON_OWN(404),
    call: async (w, role) => {
      const { owner, actor } = await own(w, role);
      return { body: { ticketCode: await scannable(w, owner) }, actor };
    },
  },
  'GET /api/events/{id}/venue-code': {
    expect: STAFF_SCOPED(404),
    call: async (w) => {
      const e = await event(w);
      return { params: { id: e.id }, query: { sessionId: e.sessions[0].id } };
    },
  },
  'POST /api/events/{id}/lottery': {
    expect: STAFF_SCOPED(404),
    call: async (w) => {
      const e = await event(w, { allocation: 'lottery' });
      await w.t.dataSource
        .getRepository(EventRecord)
        .update({ id: e.id }, { signupEndsAt: new Date(Date.now() - 1000) });
      return { params: { id: e.id } };
    },
  },
  'GET /api/events/{id}/lottery': {
    expect: SIGNED_IN(),
    call: async (w) => ({ params: { id: (await event(w, { allocation: 'lottery' })).id } }),
  },
  'GET /api/events/{id}/signups': { expect: STAFF_SCOPED(404), call: byId },
  'GET /api/events/{id}/signups/export': { expect: STAFF_SCOPED(404), call: byId },
  'GET /api/events/{id}/attendance': { expect: STAFF_SCOPED(404), call: byId },
};
