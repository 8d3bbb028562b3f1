import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  AuthResult,
  BenefitView,
  ClaimView,
  ErrorEnvelope,
  OrgView,
  StationView,
  UploadView,
} from '@jingcai/shared';
import request, { type Response } from 'supertest';
import { AccessTokenService } from '../../src/common/auth/access-token.service';
import { PiiCipher } from '../../src/common/crypto/pii-cipher';
import { User } from '../../src/modules/users/entities/user.entity';
import { testJpeg } from '../support/images';
import { bearer, loginNewUser, loginWithRole, startTestApp, type TestApp } from '../support/test-app';

/**
 * The API's surface as an attacker first sees it (issue 9): security headers on every kind of answer, and
 * no answer — to malformed, oversized, misdirected or failing requests — that shows a stack, a file path or
 * an internal error message.
 */

/** What a stack trace, an internal path or a raw error would leave in a body. */
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat [\w$.<>[\] ]+ \(|\n\s+at /],
  ['a source position', /\.(?:ts|js|mjs|cjs):\d+/],
  ['a file path', /\/(?:work|home|usr|src|dist|app)\/|node_modules|[A-Z]:\\/],
  ['an error class', /\b(?:[A-Z][a-z]+)*Error:|"stack"|"name":"\w*Error"/],
  ['a driver message', /ER_[A-Z_]+|SQLITE_|QueryFailedError|sqlMessage|syntax to use near/],
  ['a framework error code', /FST_ERR|"statusCode"/],
];

function expectNoLeak(res: Response, what: string): void {
  const text = res.text ?? '';
  for (const [kind, pattern] of LEAKS) {
    if (pattern.test(text))
      throw new Error(`${what}: body (${res.status}) shows ${kind}: ${text.slice(0, 300)}`);
  }
}

/** An error envelope, as AllExceptionsFilter makes it, and nothing else. */
function expectEnvelope(res: Response, status: number, what: string): void {
  expect({ what, status: res.status }).toEqual({ what, status });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.body as ErrorEnvelope;
  expect({
    what,
    keys: Object.keys(body)
      .filter((k) => k !== 'details')
      .sort(),
  }).toEqual({
    what,
    keys: ['code', 'message', 'requestId'],
  });
  expect(typeof body.message).toBe('string');
  expect(body.requestId).toBe(res.headers['x-request-id']);
  expectNoLeak(res, what);
}

/** Headers every answer carries, JSON, error or file. */
function expectSecurityHeaders(res: Response, what: string): void {
  const h = res.headers;
  const seen = {
    what,
    nosniff: h['x-content-type-options'],
    hsts: /max-age=\d{7,}/.test(String(h['strict-transport-security'])),
    frame: h['x-frame-options'],
    frameAncestors: String(h['content-security-policy']).includes("frame-ancestors 'none'"),
    defaultSrc: String(h['content-security-policy']).includes("default-src 'none'"),
    referrer: h['referrer-policy'],
    poweredBy: h['x-powered-by'],
    server: h['server'],
  };
  expect(seen).toEqual({
    what,
    nosniff: 'nosniff',
    hsts: true,
    frame: 'DENY',
    frameAncestors: true,
    defaultSrc: true,
    referrer: 'no-referrer',
    poweredBy: undefined,
    server: undefined,
  });
}

describe('Surface (e2e)', () => {
  let t: TestApp;
  let worker: AuthResult;
  let admin: AuthResult;
  const uploadDir = mkdtempSync(join(tmpdir(), 'jingcai-surface-'));

  beforeAll(async () => {
    t = await startTestApp({ env: { UPLOAD_DIR: uploadDir } });
    worker = await loginNewUser(t, 'surface');
    admin = await loginWithRole(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  describe('security headers', () => {
    it('are on JSON answers, public and signed-in, which no cache may keep', async () => {
      const health = await request(t.http).get('/api/health').expect(200);
      expectSecurityHeaders(health, 'GET /api/health');
      const me = await request(t.http)
        .get('/api/me')
        .set(...bearer(worker))
        .expect(200);
      expectSecurityHeaders(me, 'GET /api/me');
      expect(me.headers['cache-control']).toBe('no-store');
    });

    it('are on every kind of error, which is never cached either', async () => {
      const errors: [string, number, () => request.Test][] = [
        [
          '400 validation',
          400,
          () =>
            request(t.http)
              .get('/api/orgs?pageSize=100000')
              .set(...bearer(worker)),
        ],
        [
          '400 malformed JSON',
          400,
          () =>
            request(t.http)
              .post('/api/auth/refresh')
              .set('content-type', 'application/json')
              .send('{"refreshToken": '),
        ],
        ['401', 401, () => request(t.http).get('/api/me')],
        ['401 bad token', 401, () => request(t.http).get('/api/me').set('authorization', 'Bearer x.y.z')],
        [
          '403',
          403,
          () =>
            request(t.http)
              .get('/api/admin/users?phone=13800000000')
              .set(...bearer(worker)),
        ],
        ['404 route', 404, () => request(t.http).get('/api/no-such-route')],
        [
          '404 record',
          404,
          () =>
            request(t.http)
              .get('/api/orgs/2000000000')
              .set(...bearer(worker)),
        ],
        [
          '413',
          413,
          () =>
            request(t.http)
              .post('/api/auth/refresh')
              .set('content-type', 'application/json')
              .send(JSON.stringify({ refreshToken: 'x'.repeat(2 * 1024 * 1024) })),
        ],
        [
          '415',
          415,
          () => request(t.http).post('/api/auth/refresh').set('content-type', 'application/xml').send('<a/>'),
        ],
      ];
      for (const [what, status, send] of errors) {
        const res = await send();
        expectEnvelope(res, status, what);
        expectSecurityHeaders(res, what);
        expect({ what, cache: res.headers['cache-control'] }).toEqual({ what, cache: 'no-store' });
      }
    });

    it('are on files: an xlsx export and a signed image', async () => {
      const xlsx = await request(t.http)
        .get('/api/quiz/import-template.xlsx')
        .set(...bearer(admin))
        .buffer(true)
        .expect(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expectSecurityHeaders(xlsx, 'xlsx');
      expect(xlsx.headers['cache-control']).toBe('no-store');

      const photo = (
        await request(t.http)
          .post('/api/uploads')
          .set(...bearer(worker))
          .field('purpose', 'membership_proof')
          .attach('file', await testJpeg(), { filename: 'p.jpg', contentType: 'image/jpeg' })
          .expect(201)
      ).body as UploadView;
      const url = new URL(photo.url);
      const image = await request(t.http)
        .get(url.pathname + url.search)
        .buffer(true)
        .expect(200);
      expect(image.headers['content-type']).toBe('image/jpeg');
      expectSecurityHeaders(image, 'image');
      // The route's own choice: the signed link may be kept by the one browser that holds it.
      expect(image.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
      expect(image.headers['cross-origin-resource-policy']).toBe('cross-origin');
    });

    it('are on a PNG: the pickup QR code of a claim', async () => {
      const post = async <T>(path: string, body: object) =>
        (
          await request(t.http)
            .post(path)
            .set(...bearer(admin))
            .send(body)
            .expect(201)
        ).body as T;
      const org = await post<OrgView>('/api/orgs', { name: '表面测试街道', kind: 'street', parentId: null });
      const station = await post<StationView>('/api/care/stations', {
        name: '表面测试服务站',
        address: '京口区中山路 1 号',
        latitude: 32.2,
        longitude: 119.45,
        hours: '08:00-20:00',
        amenities: ['water'],
        orgId: org.id,
      });
      const now = Date.now();
      const pack = await post<BenefitView>('/api/care/benefits', {
        title: '表面测试礼包',
        description: '保温杯一只',
        kind: 'pack',
        stock: 5,
        perPersonLimit: 1,
        claimStartsAt: new Date(now - 3600_000).toISOString(),
        claimEndsAt: new Date(now + 3600_000).toISOString(),
        pickupDeadline: new Date(now + 86400_000).toISOString(),
        eligibility: {
          categories: [],
          gigVerifiedRequired: false,
          tags: [],
          membersOnly: false,
          orgId: null,
        },
        stationIds: [station.id],
        ownerOrgId: org.id,
      });
      // A worker with the profile a claim needs, made directly (the profile routes are tested elsewhere).
      const users = t.dataSource.getRepository(User);
      const claimant = users.create({
        openid: `surface-${Date.now()}`,
        realName: '孙磊',
        phoneCipher: t.app.get(PiiCipher).encrypt('13712345678'),
      });
      await users.insert(claimant);
      const token = t.app.get(AccessTokenService).sign(claimant.id, []);
      const mine = (
        await request(t.http)
          .post(`/api/care/benefits/${pack.id}/claims`)
          .set('authorization', `Bearer ${token}`)
          .send({ stationId: station.id })
          .expect(201)
      ).body as ClaimView;
      const png = await request(t.http)
        .get(`/api/care/claims/${mine.claimId}/qrcode?platform=h5`)
        .set('authorization', `Bearer ${token}`)
        .buffer(true)
        .expect(200);
      expect(png.headers['content-type']).toBe('image/png');
      expectSecurityHeaders(png, 'png');
      // The route's own choice: a pickup code is as good as the package.
      expect(png.headers['cache-control']).toContain('no-store');
    });

    it('lets Swagger UI run under its policy: no inline script', async () => {
      const docs = await request(t.http).get('/api/docs').redirects(1).expect(200);
      expect(docs.headers['content-type']).toContain('text/html');
      expectSecurityHeaders(docs, 'docs');
      const scripts = docs.text.match(/<script[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !/\ssrc=/.test(tag))).toEqual([]);
    });
  });

  describe('no stack traces', () => {
    const json = (path: string, body: string) =>
      request(t.http)
        .post(path)
        .set(...bearer(admin))
        .set('content-type', 'application/json')
        .send(body);

    it('answers hostile and malformed requests with the envelope only', async () => {
      const cases: [string, () => request.Test][] = [
        ['truncated JSON', () => json('/api/orgs', '{"name": "a", ')],
        ['JSON with a BOM and garbage', () => json('/api/orgs', '\ufeff{]')],
        ['prototype pollution', () => json('/api/orgs', '{"__proto__": {"admin": true}, "name": "工会"}')],
        ['constructor pollution', () => json('/api/orgs', '{"constructor": {"prototype": {"x": 1}}}')],
        ['a JSON string body', () => json('/api/orgs', '"just a string"')],
        ['a JSON array body', () => json('/api/orgs', '[1, 2, 3]')],
        ['a JSON null body', () => json('/api/orgs', 'null')],
        ['deeply nested JSON', () => json('/api/orgs', `{"name": ${'['.repeat(5000)}${']'.repeat(5000)}}`)],
        ['deeply nested objects', () => json('/api/orgs', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`)],
        ['brackets inside strings', () => json('/api/orgs', `{"name": "${'[{'.repeat(5000)}"}`)],
        [
          'a huge number',
          () => json('/api/orgs', '{"name": "工会工会", "kind": "enterprise", "parentId": 1e400}'),
        ],
        [
          'an id beyond INT',
          () => json('/api/orgs', '{"name": "工会工会", "kind": "enterprise", "parentId": 99999999999999}'),
        ],
        [
          'a control character in text',
          () => json('/api/orgs', '{"name": "工会\\u0000工会", "kind": "enterprise", "parentId": null}'),
        ],
        [
          'wrong content type',
          () =>
            request(t.http)
              .post('/api/orgs')
              .set(...bearer(admin))
              .set('content-type', 'text/plain')
              .send('x'),
        ],
        [
          'a made-up content type',
          () =>
            request(t.http)
              .post('/api/orgs')
              .set(...bearer(admin))
              .set('content-type', 'application/x-evil')
              .send('x'),
        ],
        [
          'JSON with a bogus charset',
          () =>
            request(t.http)
              .post('/api/orgs')
              .set(...bearer(admin))
              .set('content-type', 'application/json; charset=utf-99')
              .send('{}'),
        ],
        [
          'multipart where JSON is expected',
          () =>
            request(t.http)
              .post('/api/orgs')
              .set(...bearer(admin))
              .field('name', 'x'),
        ],
        [
          'a broken multipart upload',
          () =>
            request(t.http)
              .post('/api/uploads')
              .set(...bearer(worker))
              .set('content-type', 'multipart/form-data; boundary=XYZ')
              .send(
                '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nnot closed',
              ),
        ],
        [
          'a long query string',
          () =>
            request(t.http)
              .get(`/api/orgs?q=${'工'.repeat(1500)}`)
              .set(...bearer(worker)),
        ],
        [
          'many query parameters',
          () =>
            request(t.http)
              .get(`/api/orgs?${Array.from({ length: 2000 }, (_, i) => `p${i}=${i}`).join('&')}`)
              .set(...bearer(worker)),
        ],
        [
          'a URL over the 16 KB header limit',
          () =>
            request(t.http)
              .get(`/api/orgs?q=${'a'.repeat(20_000)}`)
              .set(...bearer(worker)),
        ],
        [
          'a repeated query parameter',
          () =>
            request(t.http)
              .get('/api/orgs?q=a&q=b&page=1&page=2')
              .set(...bearer(worker)),
        ],
        [
          'bad percent-encoding in the query',
          () =>
            request(t.http)
              .get('/api/orgs?q=%E0%A4%A')
              .set(...bearer(worker)),
        ],
        [
          'bad percent-encoding in the path',
          () =>
            request(t.http)
              .get('/api/orgs/%zz')
              .set(...bearer(worker)),
        ],
        [
          'an enormous page',
          () =>
            request(t.http)
              .get('/api/orgs?page=1e300')
              .set(...bearer(worker)),
        ],
        [
          'a negative page',
          () =>
            request(t.http)
              .get('/api/orgs?page=-1')
              .set(...bearer(worker)),
        ],
        [
          'an overlong id',
          () =>
            request(t.http)
              .get(`/api/orgs/${'9'.repeat(400)}`)
              .set(...bearer(worker)),
        ],
        [
          'a non-numeric id',
          () =>
            request(t.http)
              .get('/api/orgs/1.5e3')
              .set(...bearer(worker)),
        ],
        ['path traversal', () => request(t.http).get('/api/uploads/..%2F..%2Fetc%2Fpasswd/content')],
        [
          'a traversal-shaped upload id',
          () => request(t.http).get('/api/uploads/....%2F....%2F/content?exp=1&sig=x'),
        ],
        ['an unknown route', () => request(t.http).get('/api/does/not/exist')],
        ['a route outside the prefix', () => request(t.http).get('/etc/passwd')],
        ['an unsupported method', () => request(t.http).put('/api/health')],
        [
          'a long token that is not a JWT',
          () =>
            request(t.http)
              .get('/api/me')
              .set('authorization', `Bearer ${'a'.repeat(8000)}`),
        ],
        [
          'a token signed with "none"',
          () =>
            request(t.http)
              .get('/api/me')
              .set(
                'authorization',
                `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
                  `{"sub":"${worker.user.id}","g":[["admin",null]],"iss":"jingcai"}`,
                ).toString('base64url')}.`,
              ),
        ],
        ['a Basic header', () => request(t.http).get('/api/me').set('authorization', 'Basic YTpi')],
        ['an unknown certificate', () => request(t.http).get('/api/quiz/certificates/%3Cscript%3E')],
        ['a forged poster link', () => request(t.http).get('/api/reading/posters/1/1?exp=abc&sig=%00')],
      ];
      for (const [what, send] of cases) {
        const res = await send();
        expectNoLeak(res, what);
        expect({ what, status: res.status, server: res.status >= 500 }).toEqual({
          what,
          status: res.status,
          server: false,
        });
        if (res.status >= 400) expectEnvelope(res, res.status, what);
        expectSecurityHeaders(res, what);
      }
    });

    it('refuses ids beyond INT and control characters as validation errors', async () => {
      const overflow = await json(
        '/api/orgs',
        JSON.stringify({ name: '工会工会', kind: 'enterprise', parentId: 99_999_999_999_999 }),
      );
      expectEnvelope(overflow, 400, 'id beyond INT');
      expect((overflow.body as ErrorEnvelope).details).toEqual([{ field: 'parentId', message: '数值太大' }]);
      const control = await json(
        '/api/orgs',
        JSON.stringify({ name: '工会\u0007工会', kind: 'enterprise', parentId: null }),
      );
      expectEnvelope(control, 400, 'control character');
      expect((control.body as ErrorEnvelope).details).toEqual([{ field: 'name', message: '格式不正确' }]);
    });

    it('keeps a sane x-request-id and replaces any other', async () => {
      const kept = await request(t.http).get('/api/health').set('x-request-id', 'lb-1234.abc:9').expect(200);
      expect(kept.headers['x-request-id']).toBe('lb-1234.abc:9');
      for (const given of ['<script>alert(1)</script>', 'a'.repeat(65), 'a b', 'id;rm -rf /', '']) {
        const res = await request(t.http).get('/api/nope').set('x-request-id', given);
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        expect((res.body as ErrorEnvelope).requestId).toBe(res.headers['x-request-id']);
      }
    });
  });

  describe('rate limits', () => {
    it('tell the client when to come back, in the standard header', async () => {
      const limited = await startTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '2' } });
      try {
        let res: Response | undefined;
        for (let i = 0; i < 3; i++) {
          res = await request(limited.http)
            .post('/api/auth/refresh')
            .send({ refreshToken: 'x'.repeat(43) });
        }
        expectEnvelope(res!, 429, 'rate limited');
        expectSecurityHeaders(res!, 'rate limited');
        expect(Number(res!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(Number(res!.headers['retry-after'])).toBeLessThanOrEqual(60);
      } finally {
        await limited.close();
      }
    });
  });

  describe('internal errors', () => {
    it('answer 500 with the envelope only, and log the error for support', async () => {
      const broken = await startTestApp();
      try {
        const auth = await loginNewUser(broken, 'broken');
        // The database going away under a running API: every query now throws inside TypeORM.
        await broken.dataSource.destroy();
        const res = await request(broken.http)
          .get('/api/me')
          .set(...bearer(auth));
        expectEnvelope(res, 500, 'database gone');
        expect((res.body as ErrorEnvelope).code).toBe('INTERNAL_ERROR');
        expectSecurityHeaders(res, 'database gone');
        const logged = broken.logs.find(
          (line) => line.includes('unhandled error') && line.includes((res.body as ErrorEnvelope).requestId!),
        );
        expect(logged).toBeDefined();
        expect(logged).toContain('"stack"');
        const health = await request(broken.http).get('/api/health');
        expectEnvelope(health, 503, 'health while the database is gone');
      } finally {
        await broken.app.close().catch(() => undefined);
        await broken.fake.close();
      }
    });
  });
});
