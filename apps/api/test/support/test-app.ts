import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { FakeWechatServer } from '@jingcai/fake-wechat';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AuthResult, OrgView, Role } from '@jingcai/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { UserRole } from '../../src/modules/users/entities/user-role.entity';
import { TEST_DRIVER } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<NestFastifyApplication['getHttpServer']>;
  fake: FakeWechatServer;
  /** Every JSON log line the app wrote. */
  logs: string[];
  dataSource: DataSource;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Share one fake WeChat between several API instances (a load-balanced deployment). */
  fake?: FakeWechatServer;
}

/** A fully configured API (as `main.ts` builds it) on the e2e database, talking to its own fake WeChat. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const appid = options.fake?.appid ?? `wx-e2e-${randomUUID().slice(0, 8)}`;
  const fake = options.fake ?? new FakeWechatServer({ appid, secret: 'e2e-secret' });
  const fakeUrl = options.fake ? options.env?.WECHAT_API_BASE : await fake.listen();
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run through test/jest-e2e.config.cjs');

  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_DRIVER: TEST_DRIVER,
    DATABASE_MIGRATIONS_RUN: 'false',
    DATABASE_POOL_SIZE: '10',
    WECHAT_API_BASE: fakeUrl,
    WECHAT_APPID: appid,
    WECHAT_SECRET: fake.secret,
    WECHAT_TIMEOUT_MS: '1000',
    AUTH_DEV_LOGIN: 'true',
    LOG_LEVEL: 'info',
    RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
    RATE_LIMIT_WRITES_PER_MINUTE: '100000',
    RATE_LIMIT_CONTENT_PER_MINUTE: '100000',
    DEMO_SEED: 'false',
    CARE_SWEEP_INTERVAL_SECONDS: '0',
    EVENTS_SWEEP_INTERVAL_SECONDS: '0',
    ACCOUNT_SWEEP_INTERVAL_SECONDS: '0',
    ...options.env,
  });
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const app = await createApp(config, { logStream });
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: app.getHttpServer(),
    fake,
    logs,
    dataSource: app.get(DataSource),
    async close() {
      await app.close();
      if (!options.fake) await fake.close();
    },
  };
}

export function uniqueOpenid(prefix = 'e2e'): string {
  return `${prefix}-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

/** Logs in through the dev route (same answer as a WeChat login) as a brand-new user. */
export async function loginNewUser(t: TestApp, prefix?: string): Promise<AuthResult> {
  const res = await request(t.http)
    .post('/api/auth/dev/login')
    .send({ openid: uniqueOpenid(prefix) })
    .expect(200);
  return res.body as AuthResult;
}

/** Grants a role straight in the database (the admin-only API is tested on its own), then logs in again. */
export async function loginWithRole(
  t: TestApp,
  role: Exclude<Role, 'worker'>,
  orgId: number | null = null,
): Promise<AuthResult> {
  const first = await loginNewUser(t, role);
  await t.dataSource.getRepository(UserRole).insert({ userId: first.user.id, role, orgId });
  const res = await request(t.http)
    .post('/api/auth/refresh')
    .send({ refreshToken: first.refreshToken })
    .expect(200);
  return res.body as AuthResult;
}

export function bearer(auth: AuthResult): [string, string] {
  return ['Authorization', `Bearer ${auth.accessToken}`];
}

/** A second API instance on `a`'s database and fake WeChat, as behind a load balancer. */
export function startSecondInstance(a: TestApp, options: TestAppOptions = {}): Promise<TestApp> {
  return startTestApp({
    ...options,
    fake: a.fake,
    env: { ...options.env, WECHAT_API_BASE: a.fake.baseUrl!, WECHAT_APPID: a.fake.appid },
  });
}

/**
 * Makes orgs through the API as `admin`; each name gets `tag`, so runs sharing a database never meet.
 * `extra` goes into every body (e.g. `memberCount`).
 */
export function orgMaker(t: TestApp, admin: AuthResult, tag: string, extra: object = {}) {
  return async (name: string, kind: string, parentId: number | null): Promise<OrgView> =>
    (
      await request(t.http)
        .post('/api/orgs')
        .set(...bearer(admin))
        .send({ name: `${name}${tag}`, kind, parentId, ...extra })
        .expect(201)
    ).body as OrgView;
}
