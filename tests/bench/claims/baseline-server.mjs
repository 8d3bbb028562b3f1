// The baseline of the claim benchmark: the same claim, with the same SQL statements in the same order as
// the API's ClaimsService, written directly on node:http + mysql2 — no framework, no ORM, no validation
// library. It verifies the same HS256 token, since any real server must. Usage: node baseline-server.mjs PORT DATABASE_URL
import { randomInt } from 'node:crypto';
import http from 'node:http';
import { createPool } from 'mysql2/promise';
import { verifyAccessToken } from './fixtures.mjs';

const [port, databaseUrl] = process.argv.slice(2);
const pool = createPool({ uri: databaseUrl, connectionLimit: 20, timezone: 'Z' });
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const rulesCache = new Map();

async function rules(benefitId) {
  const cached = rulesCache.get(benefitId);
  if (cached && Date.now() - cached.at < 5000) return cached;
  const [[benefit]] = await pool.query('SELECT * FROM care_benefits WHERE id = ?', [benefitId]);
  if (!benefit) return null;
  const [stations] = await pool.query('SELECT station_id FROM care_benefit_stations WHERE benefit_id = ?', [
    benefitId,
  ]);
  const value = { benefit, stationIds: new Set(stations.map((s) => s.station_id)), at: Date.now() };
  rulesCache.set(benefitId, value);
  return value;
}

// The API's CLAIM_VIEW_SQL (apps/api/src/modules/care/claims.repository.ts).
const CLAIM_VIEW = `SELECT c.id, c.code, c.status, c.expires_at AS expiresAt, c.created_at AS claimedAt,
    c.redeemed_at AS redeemedAt, b.id AS benefitId, b.title, b.kind, s.id AS stationId, s.name AS stationName,
    s.address, s.hours, s.latitude, s.longitude
  FROM care_claims c JOIN care_benefits b ON b.id = c.benefit_id JOIN care_stations s ON s.id = c.station_id`;

async function claim(userId, benefitId, stationId) {
  const r = await rules(benefitId);
  if (!r) return [404, { code: 'NOT_FOUND' }];
  const now = Date.now();
  if (now < r.benefit.claim_starts_at.getTime() || now > r.benefit.claim_ends_at.getTime())
    return [409, { code: 'CLAIM_CLOSED' }];
  if (!r.stationIds.has(stationId)) return [400, { code: 'VALIDATION_FAILED' }];
  const [mine] = await pool.query(
    "SELECT id, status, code FROM care_claims WHERE user_id = ? AND benefit_id = ? AND status IN ('pending', 'claimed', 'redeemed')",
    [userId, benefitId],
  );
  const waiting = mine.find((c) => c.status === 'claimed');
  if (waiting) return [200, (await pool.query(`${CLAIM_VIEW} WHERE c.id = ?`, [waiting.id]))[0][0]];
  const [[user]] = await pool.query(
    'SELECT u.*, o.path FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id = ?',
    [userId],
  );
  const categories = r.benefit.eligible_categories ? r.benefit.eligible_categories.split(',') : [];
  if (
    !user ||
    (categories.length && !categories.includes(user.category)) ||
    (r.benefit.gig_verified_required && !user.gig_verified)
  ) {
    return [403, { code: 'NOT_ELIGIBLE' }];
  }
  const started = mine.find((c) => c.status === 'pending');
  if (started) {
    const outcome = await complete(userId, benefitId, started.code);
    if (outcome) return outcome;
  }
  if (mine.filter((c) => c.status !== 'pending').length >= r.benefit.per_person_limit)
    return [409, { code: 'CONFLICT' }];
  const [[stock]] = await pool.query('SELECT id, remaining_stock FROM care_benefits WHERE id = ?', [
    benefitId,
  ]);
  if (stock.remaining_stock <= 0) return [409, { code: 'OUT_OF_STOCK' }];

  // The API's two autocommit statements: the claim goes in pending, then one statement takes its pack; a
  // worker's other try takes the pack for the pending claim it finds.
  const key = `${benefitId}:${userId}`;
  for (let attempt = 1; ; attempt++) {
    let code = '';
    for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    try {
      await pool.query(
        "INSERT INTO care_claims (benefit_id, user_id, station_id, code, status, active_key, expires_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)",
        [benefitId, userId, stationId, code, key, r.benefit.pickup_deadline],
      );
    } catch (error) {
      if (error.errno !== 1062) throw error;
      const [[holder]] = await pool.query('SELECT code FROM care_claims WHERE active_key = ?', [key]);
      if (!holder && attempt >= 3) throw error;
      if (!holder) continue;
      code = holder.code;
    }
    const outcome = await complete(userId, benefitId, code);
    if (outcome) return outcome;
    if (attempt >= 3) return [409, { code: 'OUT_OF_STOCK' }];
  }
}

/**
 * The API's NotificationsService.notifyLater for the try that took the pack: the inbox notice, then its
 * subscribe message's delivery state (no template is configured in the bench, so none is sent), both after
 * the answer, as the API does.
 */
function notifyLater(userId, view) {
  const body = `「${view.title}」请在 ${view.expiresAt.toISOString()} 前到「${view.stationName}」出示领取码 ${view.code}。`;
  pool
    .query('INSERT INTO notifications (user_id, kind, title, body, page) VALUES (?, ?, ?, ?, ?)', [
      userId,
      'claim_ready',
      '领取成功，请按时到站领取',
      body,
      `packages/care/pages/claim/index?id=${view.id}`,
    ])
    .then(([inserted]) =>
      pool.query('UPDATE notifications SET subscribe_delivery = ? WHERE id = ?', [
        'not_configured',
        inserted.insertId,
      ]),
    )
    .catch((error) => console.error(String(error)));
}

/** The API's ClaimsService.complete: 201 for the try that takes the pack, 200 for the others. */
async function complete(userId, benefitId, code) {
  const [taken] = await pool.query(
    `UPDATE care_benefits b JOIN care_claims c ON c.code = ?
       SET b.remaining_stock = b.remaining_stock - 1, c.status = 'claimed'
       WHERE b.id = ? AND b.remaining_stock > 0 AND c.benefit_id = b.id AND c.status = 'pending'`,
    [code, benefitId],
  );
  if (taken.affectedRows) {
    const [[view]] = await pool.query(`${CLAIM_VIEW} WHERE c.code = ?`, [code]);
    notifyLater(userId, view);
    return [201, view];
  }
  const [[row]] = await pool.query(`${CLAIM_VIEW} WHERE c.code = ?`, [code]);
  if (!row) return null;
  if (row.status !== 'pending') return [200, row];
  await pool.query("DELETE FROM care_claims WHERE code = ? AND status = 'pending'", [code]);
  return [409, { code: 'OUT_OF_STOCK' }];
}

http
  .createServer(async (req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      const match = /^\/api\/care\/benefits\/(\d+)\/claims$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) return send(404, { code: 'NOT_FOUND' });
      const userId = verifyAccessToken(req.headers.authorization)?.id;
      if (!userId) return send(401, { code: 'UNAUTHENTICATED' });
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const { stationId } = JSON.parse(raw);
      if (!Number.isInteger(stationId)) return send(400, { code: 'VALIDATION_FAILED' });
      send(...(await claim(userId, Number(match[1]), stationId)));
    } catch (error) {
      console.error(String(error));
      send(500, { code: 'INTERNAL_ERROR', message: String(error) });
    }
  })
  .listen(Number(port), '127.0.0.1');

// A clean exit on SIGTERM lets --cpu-prof (BENCH_CPU_PROFILE) write the baseline's profile too.
process.on('SIGTERM', () => process.exit(0));
