import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { connect, type AddressInfo } from 'node:net';
import type { AuthResult, BenefitBody, BenefitView, OrgView, StationView } from '@jingcai/shared';
import request, { type Response } from 'supertest';
import { AccessTokenService } from '../src/common/auth/access-token.service';
import { FAST_PATH_OFF_HEADER } from '../src/common/http/fast-path';
import { ClaimFastPath } from '../src/modules/care/claim-fast-path';
import { User } from '../src/modules/users/entities/user.entity';
import { createOpenBenefit } from './support/care-fixtures';
import { bearer, loginWithRole, orgMaker, startTestApp, type TestApp } from './support/test-app';

/**
 * The claim's fast path (modules/care/claim-fast-path.ts) answers a release rush on node:http, ahead of Fastify
 * and Nest. Every answer it gives must be the one the framework route gives: each case here is sent once as a
 * rush sends it and once with the fast path declined, and the two answers must agree in status, headers and
 * body (what differs by request — its id, the date, a new claim's code — aside).
 */
const REMAINING = 'x-ratelimit-remaining-write';

describe('Claim fast path (e2e)', () => {
  let t: TestApp;
  let admin: AuthResult;
  let street: OrgView;
  let station: StationView;
  let otherStation: StationView;
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginWithRole(t, 'admin');
    const org = orgMaker(t, admin, tag);
    const district = await org('快速区', 'district', null);
    street = await org('快速甲街道', 'street', district.id);
    const newStation = async (name: string) =>
      (
        await request(t.http)
          .post('/api/care/stations')
          .set(...bearer(admin))
          .send({
            name: `${name}${tag}`,
            address: '京口区中山路 2 号',
            latitude: 32.2,
            longitude: 119.45,
            hours: '08:00-20:00',
            amenities: [],
            orgId: street.id,
          })
          .expect(201)
      ).body as StationView;
    station = await newStation('快速服务站');
    otherStation = await newStation('别处服务站');
  });
  afterAll(() => t.close());

  async function benefit(overrides: Partial<BenefitBody> = {}): Promise<BenefitView> {
    return createOpenBenefit(t, admin, {
      title: `快速礼包${tag}`,
      description: '新就业形态劳动者暖心礼包。',
      stock: 10,
      stationIds: [station.id],
      ownerOrgId: street.id,
      ...overrides,
    });
  }

  async function worker(fixture: Partial<Pick<User, 'gigVerified'>> = {}): Promise<string> {
    const users = t.dataSource.getRepository(User);
    const user = users.create({ openid: `fast-${randomUUID()}`, realName: '周强', ...fixture });
    await users.insert(user);
    return t.app.get(AccessTokenService).sign(user.id, []);
  }

  type Send = (declined: boolean) => request.Test;
  const post = (path: string, token: string | null, body?: string, type = 'application/json'): Send => {
    return (declined) => {
      const test = request(t.http).post(path).set('content-type', type);
      if (token) void test.set('authorization', `Bearer ${token}`);
      if (declined) void test.set(FAST_PATH_OFF_HEADER, '1');
      return body === undefined ? test : test.send(body);
    };
  };

  /** What an answer says, with what differs from request to request taken out. */
  function comparable(response: Response) {
    const headers = { ...response.headers };
    // The write limit counts both tries of a case, one after the other: its remainder is checked on its own.
    const varying = ['date', 'x-request-id', 'content-length', 'keep-alive', 'connection', REMAINING];
    for (const name of varying) delete headers[name];
    const body = JSON.stringify(response.body)
      .replaceAll(String(response.headers['x-request-id']), '<request id>')
      .replace(/"code":"[2-9A-HJ-NP-Z]{8}"/g, '"code":"<pickup code>"')
      .replace(/"(id|claimId)":\d+/g, '"$1":<id>')
      .replace(/"(claimedAt|expiresAt)":"[^"]+"/g, '"$1":"<time>"');
    return { status: response.status, headers, body };
  }

  /** The same request answered by the framework route and then by the fast path (or the other way round). */
  async function bothWays(send: Send, fastFirst = false) {
    const order = fastFirst ? [false, true] : [true, false];
    const [first, second] = [await send(order[0]), await send(order[1])];
    const [framework, fast] = fastFirst ? [second, first] : [first, second];
    expect(comparable(fast)).toEqual(comparable(framework));
    const remaining = (response: Response) => Number(response.headers[REMAINING] ?? NaN);
    if (framework.headers[REMAINING] !== undefined) expect(remaining(second)).toBe(remaining(first) - 1);
    return { framework, fast };
  }

  it('answers a claim, a repeat and a sellout as the framework route does', async () => {
    const pack = await benefit({ stock: 2 });
    const path = `/api/care/benefits/${pack.id}/claims`;
    const body = JSON.stringify({ stationId: station.id });
    // Two workers take the two packs, one on each path; each one's repeat answers 200 with the same claim.
    const [first, second] = [await worker(), await worker()];
    const taken = [await post(path, first, body)(true), await post(path, second, body)(false)];
    expect(taken.map((r) => r.status)).toEqual([201, 201]);
    expect(comparable(taken[1])).toEqual(comparable(taken[0]));
    const repeat = await bothWays(post(path, first, body));
    expect(repeat.fast.status).toBe(200);
    expect(repeat.fast.body).toEqual(taken[0].body);
    const late = await bothWays(post(path, await worker(), body));
    expect(late.fast.status).toBe(409);
    expect(late.fast.body).toMatchObject({ code: 'OUT_OF_STOCK' });
  });

  it('refuses what the framework route refuses, with the same envelope', async () => {
    const pack = await benefit();
    const closed = await benefit({
      claimStartsAt: new Date(Date.now() + 3600_000).toISOString(),
      claimEndsAt: new Date(Date.now() + 7200_000).toISOString(),
    });
    const strict = await benefit({
      eligibility: { categories: [], gigVerifiedRequired: true, tags: [], membersOnly: false, orgId: null },
    });
    const path = `/api/care/benefits/${pack.id}/claims`;
    const token = await worker();
    const cases: Array<[string, Send, number]> = [
      ['unknown field', post(path, token, JSON.stringify({ stationId: station.id, extra: 1 })), 400],
      ['station as text', post(path, token, JSON.stringify({ stationId: String(station.id) })), 400],
      ['no station', post(path, token, '{}'), 400],
      ['an array', post(path, token, '[1]'), 400],
      ['not JSON', post(path, token, '{"stationId":'), 400],
      ['a prototype key', post(path, token, `{"__proto__":{"x":1},"stationId":${station.id}}`), 400],
      ['nested too deep', post(path, token, `${'['.repeat(40)}${']'.repeat(40)}`), 400],
      ['no body', post(path, token), 400],
      ['a form body', post(path, token, `stationId=${station.id}`, 'application/x-www-form-urlencoded'), 415],
      ['no token', post(path, null, JSON.stringify({ stationId: station.id })), 401],
      ['a forged token', post(path, `${token}x`, JSON.stringify({ stationId: station.id })), 401],
      ['a station elsewhere', post(path, token, JSON.stringify({ stationId: otherStation.id })), 400],
      [
        'no such benefit',
        post('/api/care/benefits/99999999/claims', token, JSON.stringify({ stationId: 1 })),
        404,
      ],
      [
        'an id too large',
        post('/api/care/benefits/99999999999/claims', token, JSON.stringify({ stationId: 1 })),
        404,
      ],
      [
        'not yet open',
        post(`/api/care/benefits/${closed.id}/claims`, token, JSON.stringify({ stationId: station.id })),
        409,
      ],
      [
        'not eligible',
        post(`/api/care/benefits/${strict.id}/claims`, token, JSON.stringify({ stationId: station.id })),
        403,
      ],
    ];
    for (const [name, send, status] of cases) {
      const { fast } = await bothWays(send);
      expect([name, fast.status]).toEqual([name, status]);
      expect(fast.body).toMatchObject({ requestId: fast.headers['x-request-id'] });
    }
  });

  it('takes only what it serves exactly: a browser, a method override or a large body take the framework route', async () => {
    const pack = await benefit();
    const path = `/api/care/benefits/${pack.id}/claims`;
    const token = await worker();
    const fast = t.app.get(ClaimFastPath);
    const route = jest.spyOn(fast, 'route');
    const served = () => route.mock.results.filter((r) => r.value !== null).length;
    const body = JSON.stringify({ stationId: station.id });
    try {
      await post(path, `${token}x`, body)(false).expect(401);
      expect([route.mock.calls.length, served()]).toEqual([1, 0]);
      await post(path, token, body)(true).expect(201);
      expect(route).toHaveBeenCalledTimes(1);
      const declined = [
        post(path, token, body)(false).set('origin', 'http://localhost:10086'),
        post(path, token, body)(false).set('x-http-method-override', 'POST'),
        post(path, token, `${body}${' '.repeat(2000)}`)(false),
      ];
      for (const send of declined) {
        const response = await send;
        expect(response.status).toBe(200);
        expect(route).toHaveBeenCalledTimes(1);
      }
      await post(path, token, body)(false).expect(200);
      expect([route.mock.calls.length, served()]).toEqual([2, 1]);
    } finally {
      route.mockRestore();
    }
  });

  it('lets a worker whose connection drops mid-body go, with nothing logged as an error', async () => {
    const pack = await benefit();
    const token = await worker();
    const server = t.http.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      socket.write(
        `POST /api/care/benefits/${pack.id}/claims HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"stationId":',
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(t.logs.filter((line) => line.includes('unhandled error'))).toEqual([]);
      const body = JSON.stringify({ stationId: station.id });
      await post(`/api/care/benefits/${pack.id}/claims`, token, body)(false).expect(201);
    } finally {
      server.close();
    }
  });

  it('counts the write limit with the framework route, and refuses past it with the same 429', async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_WRITES_PER_MINUTE: '3' } });
    try {
      const pack = await benefit({ stock: 1 });
      const path = `/api/care/benefits/${pack.id}/claims`;
      const token = await worker();
      const body = JSON.stringify({ stationId: station.id });
      const send = (declined: boolean) => {
        const test = request(limited.http)
          .post(path)
          .set('content-type', 'application/json')
          .set('authorization', `Bearer ${token}`);
        return (declined ? test.set(FAST_PATH_OFF_HEADER, '1') : test).send(body);
      };
      const statuses = [];
      for (const declined of [false, true, false]) statuses.push((await send(declined)).status);
      expect(statuses).toEqual([201, 200, 200]);
      const refused = await bothWays(send, true);
      expect(refused.fast.status).toBe(429);
      expect(refused.fast.headers['retry-after']).toMatch(/^\d+$/);
      expect(refused.fast.body).toMatchObject({ code: 'RATE_LIMITED' });
    } finally {
      await limited.close();
    }
  });
});
