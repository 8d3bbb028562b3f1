import type { HealthView } from '@jingcai/shared';
import request from 'supertest';
import { ENTITIES } from '../src/database/entities';
import { createDatabase, dropDatabase, openDataSource } from './support/test-database';
import { startTestApp, type TestApp } from './support/test-app';

describe('Platform (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: 'https://console.example.cn' } });
  });
  afterAll(() => t.close());

  it('reports health after checking the database', async () => {
    const res = await request(t.http).get('/api/health').expect(200);
    expect((res.body as HealthView).db).toBe('up');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('sends security headers and honours the CORS allow-list', async () => {
    const allowed = await request(t.http)
      .get('/api/health')
      .set('Origin', 'https://console.example.cn')
      .expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://console.example.cn');
    expect(allowed.headers['x-content-type-options']).toBe('nosniff');
    const preflight = await request(t.http)
      .options('/api/me')
      .set('Origin', 'https://console.example.cn')
      .set('Access-Control-Request-Method', 'PATCH')
      .expect(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('PATCH');
    const denied = await request(t.http)
      .get('/api/health')
      .set('Origin', 'https://evil.example.com')
      .expect(200);
    expect(denied.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('logs one line per request when it completes: id, method, path without the query, status', async () => {
    const res = await request(t.http)
      .get('/api/health?code=secret-code-123')
      .set('x-request-id', 'trace-one-line');
    // The access line is written once the response has gone out: give it a moment to arrive.
    const ours = () =>
      t.logs
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((l) => l.reqId === res.headers['x-request-id']);
    for (let i = 0; i < 500 && ours().length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    const lines = ours();
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        req: expect.objectContaining({ method: 'GET', path: '/api/health' }),
        res: { statusCode: 200 },
      }),
    ]);
    expect(t.logs.join('\n')).not.toContain('secret-code-123');
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(t.http).get('/api/docs-json').expect(200);
    expect(Object.keys((res.body as { paths: object }).paths)).toEqual(
      expect.arrayContaining(['/api/auth/wechat/login', '/api/me', '/api/orgs']),
    );
  });

  it('answers unknown routes with the 404 envelope', async () => {
    const res = await request(t.http).get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.any(String),
      requestId: expect.any(String),
    });
  });
});

describe('Docs off', () => {
  it('does not serve docs when API_DOCS=false', async () => {
    const t = await startTestApp({ env: { API_DOCS: 'false' } });
    try {
      await request(t.http).get('/api/docs-json').expect(404);
    } finally {
      await t.close();
    }
  });
});

describe('Migrations', () => {
  const name = `jingcai_schema_${Date.now()}`;
  afterAll(() => dropDatabase(name));

  it('build exactly the schema the entities describe, and revert cleanly', async () => {
    const dataSource = await openDataSource(await createDatabase(name));
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied.length).toBeGreaterThan(0);
      // What `migration:generate` would write: nothing, when migrations and entities agree.
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);

      for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const tables = await dataSource.query<{ name: string }[]>(
        'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
      );
      const entityTables = ENTITIES.map((e) => dataSource.getMetadata(e).tableName);
      expect(tables.map((r) => r.name).filter((n) => entityTables.includes(n))).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
