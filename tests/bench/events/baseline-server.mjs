// The baseline of the sign-up benchmark: a first-come sign-up with the same SQL statements, in the same order
// and the same (autocommit) transactions, as the API's SignupsService.signup and SignupsRepository, written
// directly on node:http + mysql2 — no framework, no ORM, no validation library. It verifies the same HS256
// token, keeps the event's rules for 5 s as the API does, checks eligibility and the form's answers with the
// same shared rule, and answers a ticket. Usage: node baseline-server.mjs PORT DATABASE_URL
import { randomInt } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import { createPool } from 'mysql2/promise';
import { verifyAccessToken } from '../claims/fixtures.mjs';

// The bench builds the shared package before it starts any server.
const { formAnswerProblems, PICKUP_CODE_ALPHABET } = createRequire(import.meta.url)(
  '../../../packages/shared/dist/index.js',
);
const [port, databaseUrl] = process.argv.slice(2);
const pool = createPool({
  uri: databaseUrl,
  connectionLimit: 20,
  timezone: 'Z',
});
const ACTIVE = "'entered', 'confirmed', 'waitlisted', 'offered', 'checked_in'";
const RULES_TTL_MS = 5000;

// The statements, as the API sends them (TypeORM's findOneBy adds LIMIT 1).
const SQL = {
  event: 'SELECT * FROM events WHERE id = ? LIMIT 1',
  sessions: 'SELECT * FROM event_sessions WHERE event_id IN (?) ORDER BY starts_at ASC, id ASC',
  counts: `SELECT s.session_id AS sessionId, COUNT(*) AS count FROM event_signups s
    WHERE s.event_id IN (?) AND s.status IN (${ACTIVE}) GROUP BY s.session_id`,
  org: 'SELECT * FROM orgs WHERE id = ? LIMIT 1',
  facts: `SELECT u.id, u.real_name AS realName, u.nickname,
      CASE WHEN u.category_verified = 1 OR u.gig_verified = 1 THEN u.category END AS category,
      u.gig_verified AS gigVerified, u.tags, u.membership, u.org_id AS orgId, o.path AS orgPath, o.name AS orgName
    FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id = ?`,
  heldId: 'SELECT id FROM event_signups WHERE active_key = ?',
  byId: 'SELECT * FROM event_signups WHERE id = ? LIMIT 1',
  remaining: 'SELECT remaining FROM event_sessions WHERE id = ?',
  activeIds: `SELECT id FROM event_signups WHERE user_id = ? AND event_id = ?
    AND status IN ('pending', ${ACTIVE}) ORDER BY id`,
  insert: `INSERT INTO event_signups (event_id, session_id, user_id, public_no, ticket_code, status, active_key,
    answers_json, child_name_cipher, child_age_cipher, child_guardian_cipher, deprioritised)
    VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, NULL, NULL, NULL, 0)`,
  takePlace: `UPDATE event_sessions ss JOIN event_signups s ON s.id = ?
    SET ss.remaining = ss.remaining - 1, s.status = 'confirmed'
    WHERE ss.id = ? AND ss.remaining > 0 AND s.session_id = ss.id AND s.status = 'pending'`,
  withdraw: "DELETE FROM event_signups WHERE id = ? AND status = 'pending'",
};

const refuse = (status, code) => [status, { code }];
const one = async (sql, params) => (await pool.query(sql, params))[0][0] ?? null;

function code(length) {
  let value = '';
  for (let i = 0; i < length; i++) value += PICKUP_CODE_ALPHABET[randomInt(PICKUP_CODE_ALPHABET.length)];
  return value;
}

/** The event, its sessions and its audience, loaded once per event at a time and kept 5 s (the API's TtlCache). */
const rulesCache = new Map();
function rulesOf(eventId) {
  const hit = rulesCache.get(eventId);
  if (hit && hit.expires > Date.now()) return hit.value;
  const value = (async () => {
    const event = await one(SQL.event, [eventId]);
    if (!event) return null;
    const [sessions] = await pool.query(SQL.sessions, [[eventId]]);
    await pool.query(SQL.counts, [[eventId]]);
    const audience = event.audience_org_id ? await one(SQL.org, [event.audience_org_id]) : null;
    const list = (text) => (text ? text.split(',') : []);
    return {
      event: {
        ...event,
        categories: list(event.eligible_categories),
        tags: list(event.eligible_tags),
      },
      form: JSON.parse(event.form_json),
      sessions: new Map(sessions.map((s) => [s.id, s])),
      audience,
    };
  })();
  rulesCache.set(eventId, { value, expires: Date.now() + RULES_TTL_MS });
  value.catch(() => rulesCache.delete(eventId));
  return value;
}

/** Care's audience rule, in its order (members, categories, verification, tags, org subtree). */
function eligible(worker, event, audience) {
  const tags = worker.tags ? worker.tags.split(',') : [];
  return !(
    (event.members_only && worker.membership !== 'member') ||
    (event.categories.length && !event.categories.includes(worker.category)) ||
    (event.gig_verified_required && !Number(worker.gigVerified)) ||
    (event.tags.length && !event.tags.some((t) => tags.includes(t))) ||
    (audience && !worker.orgPath?.startsWith(audience.path))
  );
}

async function signup(userId, eventId, body) {
  const rules = await rulesOf(eventId);
  if (!rules) return refuse(404, 'NOT_FOUND');
  const { event, sessions } = rules;
  const session = sessions.get(body.sessionId);
  if (!session) return refuse(400, 'VALIDATION_FAILED');
  const now = new Date();
  if (now < event.signup_starts_at || now >= event.signup_ends_at || now >= session.starts_at)
    return refuse(409, 'SIGNUP_CLOSED');
  const worker = await one(SQL.facts, [userId]);
  if (!worker) return refuse(404, 'NOT_FOUND');
  if (!eligible(worker, event, rules.audience)) return refuse(403, 'NOT_ELIGIBLE');
  if (formAnswerProblems(rules.form, body.answers).length) return refuse(400, 'VALIDATION_FAILED');

  const activeKey = `${session.id}:${userId}`;
  // The held sign-up's id; its whole row only when there is one (a repeat), as the API reads them.
  const held = await one(SQL.heldId, [activeKey]);
  if (held) return existing(await one(SQL.byId, [held.id]), rules, session);
  if ((await one(SQL.remaining, [session.id])).remaining <= 0) return refuse(409, 'EVENT_FULL');
  const [mine] = await pool.query(SQL.activeIds, [userId, event.id]);
  if (mine.length >= event.per_person_limit) return refuse(409, 'PER_PERSON_LIMIT');

  const id = await insert(userId, event, session, body, activeKey);
  if (id === null) {
    const raced = await one(SQL.heldId, [activeKey]);
    return raced
      ? existing(await one(SQL.byId, [raced.id]), rules, session)
      : refuse(409, 'ALREADY_SIGNED_UP');
  }
  const [ids] = await pool.query(SQL.activeIds, [userId, event.id]);
  if (ids.findIndex((r) => r.id === id) >= event.per_person_limit) {
    await pool.query(SQL.withdraw, [id]);
    return refuse(409, 'PER_PERSON_LIMIT');
  }
  const [taken] = await pool.query(SQL.takePlace, [id, session.id]);
  if (!taken.affectedRows) {
    await pool.query(SQL.withdraw, [id]);
    return refuse(409, 'EVENT_FULL');
  }
  return [201, ticket(await one(SQL.byId, [id]), rules, session)];
}

/** Fresh codes on each try; null when the worker already holds the session (the active key is taken). */
async function insert(userId, event, session, body, activeKey) {
  const answers = JSON.stringify(body.answers.map((a) => ({ key: a.key, value: a.value })));
  for (let attempt = 1; ; attempt++) {
    try {
      const values = [event.id, session.id, userId, code(8), code(10), activeKey, answers];
      return (await pool.query(SQL.insert, values))[0].insertId;
    } catch (error) {
      if (error.errno !== 1062) throw error;
      if (await one(SQL.heldId, [activeKey])) return null;
      if (attempt >= 3) throw error;
    }
  }
}

function existing(held, rules, session) {
  if (!held || held.status === 'pending') return refuse(409, 'ALREADY_SIGNED_UP');
  return [200, ticket(held, rules, session)];
}

/** The worker's ticket, as the API's toSignupView answers it (a first-come ticket has no waitlist place). */
function ticket(signup, { event, form }, session) {
  const holds = signup.status === 'confirmed' || signup.status === 'checked_in';
  const labelOf = new Map(form.map((f) => [f.key, f.label]));
  return {
    id: signup.id,
    publicNo: signup.public_no,
    event: {
      id: event.id,
      title: event.title,
      kind: event.kind,
      venue: event.venue,
      latitude: Number(event.latitude),
      longitude: Number(event.longitude),
      allocation: event.allocation,
    },
    session: {
      id: session.id,
      label: session.label,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
    },
    status: signup.status,
    ticketCode: holds ? signup.ticket_code : null,
    waitlistPosition: null,
    cancellable: new Date() < event.cancel_deadline,
    cancelDeadline: event.cancel_deadline,
    answers: JSON.parse(signup.answers_json).map((a) => ({
      key: a.key,
      label: labelOf.get(a.key) ?? a.key,
      value: a.value,
    })),
    child: null,
    createdAt: signup.created_at,
    checkedInAt: signup.checked_in_at,
  };
}

/** The body's shape, checked by hand where the API's DTO classes check it. */
function wellFormed(body) {
  return (
    Number.isInteger(body?.sessionId) &&
    body.sessionId > 0 &&
    Array.isArray(body.answers) &&
    body.answers.length <= 20 &&
    body.answers.every(
      (a) => typeof a?.key === 'string' && typeof a.value === 'string' && a.value.length <= 200,
    )
  );
}

async function handle(req) {
  const match = req.method === 'POST' && /^\/api\/events\/(\d+)\/signups$/.exec(req.url ?? '');
  if (!match) return refuse(404, 'NOT_FOUND');
  const userId = verifyAccessToken(req.headers.authorization)?.id;
  if (!userId) return refuse(401, 'UNAUTHENTICATED');
  let raw = '';
  for await (const chunk of req) raw += chunk;
  const body = JSON.parse(raw);
  return wellFormed(body) ? signup(userId, Number(match[1]), body) : refuse(400, 'VALIDATION_FAILED');
}

http
  .createServer((req, res) => {
    handle(req)
      .catch((error) => {
        console.error(String(error));
        return refuse(500, 'INTERNAL_ERROR');
      })
      .then(([status, body]) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
  })
  // The bench waits for this line before it sends anything.
  .listen(Number(port), '127.0.0.1', () => console.log(`listening on ${port}`));

// A clean exit on SIGTERM lets --cpu-prof (BENCH_CPU_PROFILE) write the baseline's profile too.
process.on('SIGTERM', () => process.exit(0));
