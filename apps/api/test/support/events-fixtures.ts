import { randomUUID } from 'node:crypto';
import type { AuthResult, CreateEventRequest, CreateSignupRequest, EventView } from '@jingcai/shared';
import request from 'supertest';
import { AccessTokenService } from '../../src/common/auth/access-token.service';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { EventSession } from '../../src/modules/events/entities/event-session.entity';
import { EventRecord } from '../../src/modules/events/entities/event.entity';
import { User } from '../../src/modules/users/entities/user.entity';
import { bearer, type TestApp } from './test-app';

const HOUR = 3600_000;

export type WorkerFixture = Partial<
  Pick<User, 'category' | 'categoryVerified' | 'gigVerified' | 'tags' | 'membership' | 'orgId' | 'realName'>
>;

export interface Worker {
  id: number;
  token: string;
  auth: [string, string];
}

/** Workers made straight in the database with signed tokens: hundreds are needed for the rushes. */
export async function eventWorkers(
  t: TestApp,
  count: number,
  fixture: WorkerFixture = {},
): Promise<Worker[]> {
  const users = t.dataSource.getRepository(User);
  const rows = Array.from({ length: count }, () =>
    users.create({
      openid: `events-${randomUUID()}`,
      realName: '赵敏',
      phoneCipher: t.app.get(PiiCipher).encrypt('13912345678'),
      ...fixture,
    }),
  );
  await users.insert(rows);
  const signer = t.app.get(AccessTokenService);
  return rows.map((u) => {
    const token = signer.sign(u.id, []);
    return { id: u.id, token, auth: ['Authorization', `Bearer ${token}`] };
  });
}

/** An event body for the owner org's workers, open for sign-up now, with one session tomorrow (override anything). */
export function eventBody(
  ownerOrgId: number,
  overrides: Partial<CreateEventRequest> = {},
): CreateEventRequest {
  const now = Date.now();
  return {
    title: '职工羽毛球赛',
    kind: 'sports',
    description: '区总工会职工羽毛球赛，单打，自备球拍。',
    coverId: null,
    venue: '京口区体育馆',
    latitude: 32.2044,
    longitude: 119.455,
    ownerOrgId,
    eligibility: {
      categories: [],
      gigVerifiedRequired: false,
      tags: [],
      membersOnly: false,
      orgId: ownerOrgId,
    },
    allocation: 'first_come',
    signupStartsAt: new Date(now - HOUR).toISOString(),
    signupEndsAt: new Date(now + 20 * HOUR).toISOString(),
    cancelDeadline: new Date(now + 20 * HOUR).toISOString(),
    perPersonLimit: 1,
    noShowRule: false,
    offerHours: 12,
    form: [],
    sessions: [
      {
        label: '上午场',
        startsAt: new Date(now + 24 * HOUR).toISOString(),
        endsAt: new Date(now + 26 * HOUR).toISOString(),
        capacity: 10,
      },
    ],
    ...overrides,
  };
}

export async function createEvent(
  t: TestApp,
  staff: AuthResult,
  ownerOrgId: number,
  overrides: Partial<CreateEventRequest> = {},
): Promise<EventView> {
  const res = await request(t.http)
    .post('/api/events')
    .set(...bearer(staff))
    .send(eventBody(ownerOrgId, overrides));
  if (res.status !== 201) throw new Error(`event not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as EventView;
}

export const signUp = (t: TestApp, auth: [string, string], eventId: number, body: CreateSignupRequest) =>
  request(t.http)
    .post(`/api/events/${eventId}/signups`)
    .set(...auth)
    .send(body);

/** Moves the event's sign-up window into the past (the lottery can then be drawn). */
export async function closeWindow(t: TestApp, eventId: number): Promise<void> {
  await t.dataSource
    .getRepository(EventRecord)
    .update(
      { id: eventId },
      { signupEndsAt: new Date(Date.now() - 1000), signupStartsAt: new Date(Date.now() - HOUR) },
    );
}

/** Moves a session so it runs now (check-in opens), or to any start and end given. */
export async function moveSession(
  t: TestApp,
  sessionId: number,
  startsAt = new Date(Date.now() - 10 * 60_000),
  endsAt = new Date(Date.now() + HOUR),
): Promise<void> {
  await t.dataSource.getRepository(EventSession).update({ id: sessionId }, { startsAt, endsAt });
}

export async function venueSecret(t: TestApp, sessionId: number): Promise<string> {
  return (await t.dataSource.getRepository(EventSession).findOneByOrFail({ id: sessionId })).venueSecret;
}
