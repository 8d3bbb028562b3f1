import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthResult, ClaimView, DemoUserView, OrgTreeNode, WorkerBenefitView } from '@jingcai/shared';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { runCliCommand } from '../src/cli/commands';
import { loadConfig } from '../src/config/app-config';
import { bearer, startTestApp, uniqueOpenid, type TestApp } from './support/test-app';
import { TEST_DRIVER } from './support/test-database';

describe('Operator commands on MariaDB (e2e)', () => {
  const config = () =>
    loadConfig({
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      DATABASE_DRIVER: TEST_DRIVER,
      DATABASE_MIGRATIONS_RUN: 'false',
    });
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('grant-admin makes the first admin, who can then use admin routes', async () => {
    const openid = uniqueOpenid('first-admin');
    expect(await runCliCommand(config(), 'grant-admin', openid)).toMatch(/is now an admin/);
    const auth = (await request(t.http).post('/api/auth/dev/login').send({ openid }).expect(200))
      .body as AuthResult;
    expect(auth.user.roles).toContain('admin');
    await request(t.http)
      .get('/api/admin/users')
      .query({ phone: '13800000000' })
      .set(...bearer(auth))
      .expect(200);
  });
});

describe('Embedded SQLite demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jingcai-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('boots with no database configured, seeds the demo district and serves dev login', async () => {
    const app = await createApp(
      loadConfig({ SQLITE_PATH: join(dir, 'demo.sqlite'), LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent' }),
    );
    await app.getHttpAdapter().getInstance().ready();
    try {
      await request(app.getHttpServer()).get('/api/health').expect(200);
      const users = (await request(app.getHttpServer()).get('/api/auth/dev/users').expect(200))
        .body as DemoUserView[];
      expect(users.map((u) => u.openid)).toEqual(
        expect.arrayContaining(['demo-worker', 'demo-staff', 'demo-admin']),
      );
      const staff = (
        await request(app.getHttpServer())
          .post('/api/auth/dev/login')
          .send({ openid: 'demo-staff' })
          .expect(200)
      ).body as AuthResult;
      expect(staff.user.roles).toEqual(expect.arrayContaining(['worker', 'staff']));
      expect(staff.user.phone).toBe('139****0001');
      const tree = (
        await request(app.getHttpServer())
          .get('/api/orgs/tree')
          .set(...bearer(staff))
          .expect(200)
      ).body as OrgTreeNode[];
      expect(tree[0].name).toBe('京口区总工会');
      expect(tree[0].children.length).toBeGreaterThanOrEqual(5);

      // The demo's care packages work on SQLite too: a courier (a member) claims the members' pack.
      const courier = (
        await request(app.getHttpServer())
          .post('/api/auth/dev/login')
          .send({ openid: 'demo-courier' })
          .expect(200)
      ).body as AuthResult;
      const open = (
        await request(app.getHttpServer())
          .get('/api/care/benefits')
          .set(...bearer(courier))
          .expect(200)
      ).body as WorkerBenefitView[];
      const pack = open.find((b) => b.title === '会员新春慰问品')!;
      expect(pack).toMatchObject({ eligible: true, activeClaimId: null });
      const claim = (
        await request(app.getHttpServer())
          .post(`/api/care/benefits/${pack.id}/claims`)
          .set(...bearer(courier))
          .send({ stationId: pack.stations[0].id })
          .expect(201)
      ).body as ClaimView;
      expect(claim.code).toMatch(/^[2-9A-Z]{8}$/);
      const again = await request(app.getHttpServer())
        .post(`/api/care/benefits/${pack.id}/claims`)
        .set(...bearer(courier))
        .send({ stationId: pack.stations[0].id })
        .expect(200);
      expect((again.body as ClaimView).claimId).toBe(claim.claimId);
      const after = (
        await request(app.getHttpServer())
          .get('/api/care/benefits')
          .set(...bearer(courier))
          .expect(200)
      ).body as WorkerBenefitView[];
      expect(after.find((b) => b.id === pack.id)).toMatchObject({
        remainingStock: pack.remainingStock - 1,
        activeClaimId: claim.claimId,
      });
    } finally {
      await app.close();
    }
  }, 300_000); // seeding 5,000 people on a busy machine
});
