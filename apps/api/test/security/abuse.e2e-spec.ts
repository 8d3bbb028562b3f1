import { request as httpRequest } from 'node:http';
import { PRIVACY_POLICY_VERSION, type AuthResult, type ErrorEnvelope } from '@jingcai/shared';
import request from 'supertest';
import { LegalQuestion } from '../../src/modules/legal/entities/legal.entities';
import { ReadingCheckin } from '../../src/modules/reading/entities/reading.entities';
import { testJpeg } from '../support/images';
import { bearer, loginNewUser, startTestApp, uniqueOpenid, type TestApp } from '../support/test-app';
import { World } from './world';

// Replayed and expired tokens are refused in auth.e2e-spec.ts; uploads whose bytes are not the image their
// name and content type claim, in uploads.e2e-spec.ts. This suite holds what needs several instances,
// raw sockets or forged files elsewhere.

/** Two instances of one deployment: the second shares the first's database and fake WeChat. */
async function secondInstance(first: TestApp, env: Record<string, string>): Promise<TestApp> {
  return startTestApp({
    fake: first.fake,
    env: { WECHAT_API_BASE: first.fake.baseUrl!, WECHAT_APPID: first.fake.appid, ...env },
  });
}

describe('Abuse: limits hold across instances', () => {
  const limits = { RATE_LIMIT_LOGIN_PER_MINUTE: '4', RATE_LIMIT_CONTENT_PER_MINUTE: '3' };
  let w: World;
  let b: TestApp;

  beforeAll(async () => {
    w = await World.create(limits);
    b = await secondInstance(w.t, limits);
  });
  afterAll(async () => {
    await b.close();
    await w.close();
  });
  beforeEach(() => w.t.dataSource.query('DELETE FROM rate_limit_windows'));

  it('lets one address log in 4 times a minute in all, however the balancer spreads the tries', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await request((i % 2 ? b : w.t).http)
        .post('/api/auth/wechat/login')
        .send({ code: `abuse-${uniqueOpenid()}` });
      statuses.push(res.status);
      if (res.status === 429) {
        expect((res.body as ErrorEnvelope).code).toBe('RATE_LIMITED');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
  });

  it('counts a client behind the load balancer by the address the balancer saw, whatever it forges', async () => {
    // The balancer (here: loopback) appends the address it saw; whatever the client put before it is theirs.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await request(w.t.http)
        .post('/api/auth/wechat/login')
        .set('X-Forwarded-For', `198.51.100.${i + 1}, 203.0.113.7`)
        .send({ code: `abuse-${uniqueOpenid()}` });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('lets a worker post 3 check-ins and legal questions a minute in all, and stores nothing past it', async () => {
    const worker = await w.newWorker();
    const seasons = [await w.season(), await w.season()];
    const ask = (app: TestApp) =>
      request(app.http).post('/api/legal/questions').set('Authorization', `Bearer ${worker.token}`).send({
        category: 'other',
        title: '加班费怎么算',
        body: '想咨询一下加班费怎么计算才合法。',
        publicAllowed: false,
      });
    const checkIn = (app: TestApp, season: (typeof seasons)[number]) =>
      request(app.http)
        .post(`/api/reading/seasons/${season.id}/checkins`)
        .set('Authorization', `Bearer ${worker.token}`)
        .send({ bookId: season.books[0].id, minutes: 20, note: '读完一章' });

    expect((await checkIn(w.t, seasons[0])).status).toBe(201);
    expect((await ask(b)).status).toBe(201);
    expect((await ask(w.t)).status).toBe(201);
    const limited = [await checkIn(b, seasons[1]), await ask(b), await ask(w.t)];
    expect(limited.map((r) => r.status)).toEqual([429, 429, 429]);
    expect(await w.t.dataSource.getRepository(ReadingCheckin).countBy({ userId: worker.id })).toBe(1);
    expect(await w.t.dataSource.getRepository(LegalQuestion).countBy({ askerId: worker.id })).toBe(2);

    // Someone else's budget is their own.
    const other = await w.newWorker();
    await request(b.http)
      .post('/api/legal/questions')
      .set('Authorization', `Bearer ${other.token}`)
      .send({
        category: 'other',
        title: '加班费怎么算',
        body: '想咨询一下加班费怎么计算才合法。',
        publicAllowed: false,
      })
      .expect(201);
  });
});

describe('Abuse: the write limit, counted in each instance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_WRITES_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('lets a worker make 3 writes a minute to a route, counts routes and workers apart, and not logins', async () => {
    // Five logins from one address: logins have their own limit and are not writes.
    const sessions = [];
    for (let i = 0; i < 5; i++) sessions.push(await loginNewUser(t, 'writes'));
    const [worker, other] = sessions;
    const consent = (auth: AuthResult) =>
      request(t.http)
        .post('/api/me/consent')
        .set(...bearer(auth))
        .send({ version: PRIVACY_POLICY_VERSION })
        .expect(201);
    await consent(worker);
    await consent(other);
    const rename = (auth: AuthResult) =>
      request(t.http)
        .patch('/api/me')
        .set(...bearer(auth))
        .send({ nickname: '小王' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await rename(worker)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await rename(worker);
    expect((limited.body as ErrorEnvelope).code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    await consent(worker); // another route: a budget of its own
    await rename(other).expect(200);
  });
});

describe('Abuse: oversized and forged input', () => {
  let w: World;
  let port: number;

  beforeAll(async () => {
    w = await World.create();
    port = Number(new URL(w.t.baseUrl).port);
  });
  afterAll(() => w.close());

  it('refuses a body declared larger than 1 MB from its headers, before reading it', async () => {
    const started = Date.now();
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/api/legal/questions',
          headers: {
            authorization: `Bearer ${w.people.worker.token}`,
            'content-type': 'application/json',
            'content-length': String(50 * 1024 * 1024),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body: text }));
        },
      );
      req.on('error', reject);
      // Only the first kilobyte of the 50 MB it promised: the answer must not wait for the rest.
      req.write(`{"title":"${'x'.repeat(1024)}`);
    });
    expect(status).toBe(413);
    expect((JSON.parse(body) as ErrorEnvelope).code).toBe('PAYLOAD_TOO_LARGE');
    // Waiting for the body would never end (the rest is never sent): any prompt answer proves the cut-off, so
    // the bound is generous for a slow machine.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses a photo renamed questions.xlsx as a question import, importing nothing', async () => {
    const bank = await w.bank();
    const res = await w
      .as('admin', 'post', `/api/quiz/banks/${bank.id}/import`)
      .attach('file', await testJpeg(), {
        filename: 'questions.xlsx',
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    expect(res.status).toBe(400);
    expect((res.body as ErrorEnvelope).message).toMatch(/\p{Script=Han}/u);
    const questions = await w.as('admin', 'get', `/api/quiz/banks/${bank.id}/questions`).expect(200);
    expect(questions.body).toHaveLength(bank.questions.length);
  });

  it('refuses a spreadsheet that is a zip bomb or garbage with the xlsx content type, without a 500', async () => {
    const bank = await w.bank();
    const garbage = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(4096, 0xff)]);
    const res = await w
      .as('admin', 'post', `/api/quiz/banks/${bank.id}/import`)
      .attach('file', garbage, { filename: 'questions.xlsx', contentType: 'application/octet-stream' });
    expect(res.status).toBe(400);
  });
});
