// Database fixtures for the claim rush: a fresh database, one org and station, benefits, and workers
// inserted in bulk with access tokens signed exactly as the API signs them (HS256, issuer `jingcai`).
// The sign-up rush (tests/bench/events) seeds its org and workers with these too.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

export const SERVER = (process.env.TEST_DATABASE_SERVER ?? 'mysql://root:@127.0.0.1:3306').replace(
  /\/+$/,
  '',
);
export const JWT_SECRET = 'bench-only-jwt-secret-0123456789abcdef';

/** How the benchmarks start a production API instance (run with `node apps/api/dist/main.js`). */
/** How long the tokens the benchmarks sign live: a whole run, and the API is told to sign as long. */
const TOKEN_TTL_SECONDS = 3600;

export function apiEnv(port, databaseUrl, { migrate = true, logLevel = 'info' } = {}) {
  return {
    // The API refuses a token that claims a longer life than it signs (ACCESS_TOKEN_TTL).
    ACCESS_TOKEN_TTL: String(TOKEN_TTL_SECONDS),
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATABASE_DRIVER: process.env.TEST_DATABASE_DRIVER ?? 'mariadb',
    DATABASE_MIGRATIONS_RUN: String(migrate),
    JWT_SECRET,
    PII_KEY: Buffer.alloc(32, 3).toString('base64'),
    WECHAT_APPID: 'wx-bench',
    WECHAT_SECRET: 'bench',
    WECHAT_PUSH_TOKEN: 'bench',
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    RATE_LIMIT_WRITES_PER_MINUTE: '100000',
    LOG_LEVEL: logLevel,
  };
}

export async function createDatabase(name) {
  const connection = await createConnection(SERVER);
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  return `${SERVER}/${name}`;
}

export async function dropDatabase(name) {
  const connection = await createConnection(SERVER);
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.end();
}

/** One district org (a root of the org tree) that a rush's workers belong to; answers its id. */
export async function seedOrg(db) {
  const [org] = await db.query(
    "INSERT INTO orgs (name, kind, path, depth, member_count) VALUES ('压测区总工会', 'district', '', 0, 2000)",
  );
  await db.query('UPDATE orgs SET path = ? WHERE id = ?', [`/${org.insertId}/`, org.insertId]);
  return org.insertId;
}

/** One org and one station: every benefit of the rush is picked up there. */
export async function seedPlace(db) {
  const orgId = await seedOrg(db);
  const [station] = await db.query(
    "INSERT INTO care_stations (name, address, latitude, longitude, hours, amenities, org_id) VALUES ('压测服务站', '压测路 1 号', 32.2, 119.45, '00:00-24:00', 'water', ?)",
    [orgId],
  );
  return { orgId, stationId: station.insertId };
}

export async function seedBenefit(db, { orgId, stationId }, title, stock) {
  const now = Date.now();
  const [benefit] = await db.query(
    `INSERT INTO care_benefits (title, description, kind, total_stock, remaining_stock, per_person_limit, claim_starts_at,
       claim_ends_at, pickup_deadline, eligible_categories, gig_verified_required, eligible_tags, members_only,
       audience_org_id, owner_org_id, created_by)
     VALUES (?, '压测用福利', 'pack', ?, ?, 1, ?, ?, ?, 'courier,delivery_rider', 1, '', 0, NULL, ?, 0)`,
    [
      title,
      stock,
      stock,
      new Date(now - 3600_000),
      new Date(now + 3600_000),
      new Date(now + 86400_000),
      orgId,
    ],
  );
  await db.query('INSERT INTO care_benefit_stations (benefit_id, station_id) VALUES (?, ?)', [
    benefit.insertId,
    stationId,
  ]);
  return benefit.insertId;
}

/** Verified couriers in the org, each with a 1-hour access token. */
export async function seedWorkers(db, orgId, count, prefix) {
  const rows = Array.from({ length: count }, (_, i) => [`${prefix}-${i}`, orgId, 'courier', 1]);
  const [result] = await db.query('INSERT INTO users (openid, org_id, category, gig_verified) VALUES ?', [
    rows,
  ]);
  return Array.from({ length: count }, (_, i) => ({
    id: result.insertId + i,
    token: signAccessToken(result.insertId + i),
  }));
}

export function signAccessToken(userId) {
  const now = Math.floor(Date.now() / 1000);
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: String(userId), g: [], iat: now, exp: now + TOKEN_TTL_SECONDS, iss: 'jingcai' })}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

/**
 * The user of a bearer token the API would accept (signature, expiry, issuer): their id and staff grants, or
 * null. What a baseline server must check on every request, as the API does.
 */
export function verifyAccessToken(header) {
  const token = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const [head, body, sig] = token.split('.');
  if (!sig) return null;
  const expected = createHmac('sha256', JWT_SECRET).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
  return claims.exp > Date.now() / 1000 && claims.iss === 'jingcai'
    ? { id: Number(claims.sub), grants: claims.g }
    : null;
}

/** The invariants the rush must keep, read straight from the database. */
export async function outcome(db, benefitId) {
  const [[{ claims }]] = await db.query('SELECT COUNT(*) AS claims FROM care_claims WHERE benefit_id = ?', [
    benefitId,
  ]);
  const [[{ doubled }]] = await db.query(
    'SELECT COUNT(*) AS doubled FROM (SELECT user_id FROM care_claims WHERE benefit_id = ? GROUP BY user_id HAVING COUNT(*) > 1) d',
    [benefitId],
  );
  const [[{ stock }]] = await db.query('SELECT remaining_stock AS stock FROM care_benefits WHERE id = ?', [
    benefitId,
  ]);
  return { claims: Number(claims), doubled: Number(doubled), stock: Number(stock) };
}
