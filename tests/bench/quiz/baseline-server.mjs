// The baseline of the quiz benchmark: a quiz start and submit doing the work the API's QuizAttemptsService
// does, with the same SQL statements in the same transactions, written directly on node:http + mysql2 — no
// framework, no ORM, no validation library. It verifies the same HS256 token, keeps the campaign and its
// banks in memory as the API does, draws by type and shuffles on the server, never sends an answer before
// the submit, times the attempt on the server, scores, records the best score, the 错题本 and the
// certificate, and answers the same views. Usage: node baseline-server.mjs PORT DATABASE_URL
import { randomBytes, randomInt } from 'node:crypto';
import http from 'node:http';
import { createPool } from 'mysql2/promise';
import { verifyAccessToken } from '../claims/fixtures.mjs';
import { attemptStatements } from './baseline-sql.mjs';

const [port, databaseUrl] = process.argv.slice(2);
const pool = createPool({ uri: databaseUrl, connectionLimit: 20, timezone: 'Z', dateStrings: false });
const sql = attemptStatements(pool, createPool({ uri: databaseUrl, connectionLimit: 20, timezone: 'Z' }));
/** Attempts this server started, while open, as the API keeps them for the submit. */
const opened = new Map();
const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];
const GRACE_MS = 5000;

/** A tiny TTL cache, as the API keeps campaigns (10 s) and banks (30 s). */
function cached(ttlMs, load) {
  const entries = new Map();
  return (key) => {
    const hit = entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const value = load(key);
    entries.set(key, { value, expires: Date.now() + ttlMs });
    value.catch(() => entries.delete(key));
    return value;
  };
}

const campaign = cached(10_000, async (id) => {
  const [[row]] = await pool.query(
    'SELECT c.*, o.path AS audience_path, o.name AS audience_name FROM quiz_campaigns c LEFT JOIN orgs o ON o.id = c.audience_org_id WHERE c.id = ?',
    [id],
  );
  return row ? { ...row, draw: JSON.parse(row.draw) } : null;
});
const bank = cached(30_000, async (bankId) => {
  const [rows] = await pool.query('SELECT * FROM quiz_questions WHERE bank_id = ?', [bankId]);
  return rows.map((q) => ({ ...q, options: JSON.parse(q.options) }));
});

function shuffle(items) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

async function questionsOf(c) {
  const byId = new Map();
  for (const rule of c.draw) for (const q of await bank(rule.bankId)) byId.set(q.id, q);
  return byId;
}

async function draw(c) {
  const drawn = [];
  for (const rule of c.draw) {
    const of = (await bank(rule.bankId)).filter((q) => q.type === rule.type);
    if (of.length < rule.count) return null;
    for (const q of shuffle(of).slice(0, rule.count)) {
      const keys = q.options.map((o) => o.key);
      drawn.push({ id: q.id, order: c.shuffle_options && q.type !== 'judge' ? shuffle(keys) : keys });
    }
  }
  return drawn;
}

/** The question as shown: options re-lettered in the drawn order, never the answer. */
function shown(q, d) {
  const text = new Map(q.options.map((o) => [o.key, o.text]));
  return {
    id: q.id,
    type: q.type,
    stem: q.stem,
    options: d.order.map((k, i) => ({ key: LETTERS[i], text: text.get(k) ?? '' })),
  };
}

const toShown = (keys, d) => keys.map((k) => LETTERS[d.order.indexOf(k)]).sort();
const same = (a, b) => a.length === b.length && a.every((k, i) => k === b[i]);
const shanghaiDay = (at) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

async function attemptView(a, c) {
  const questions = await questionsOf(c);
  return {
    attemptId: a.id,
    campaignId: a.campaignId,
    deadline: a.deadline.toISOString(),
    startedAt: a.startedAt.toISOString(),
    questions: a.drawn.filter((d) => questions.has(d.id)).map((d) => shown(questions.get(d.id), d)),
  };
}

async function start(user, campaignId) {
  const now = new Date();
  const c = await campaign(campaignId);
  if (!c || c.status === 'draft') return [404, { code: 'NOT_FOUND' }];
  if (c.status !== 'published' || now < c.starts_at || now > c.ends_at)
    return [409, { code: 'CAMPAIGN_CLOSED' }];
  if (user.grants.length) return [403, { code: 'OWN_RECORD' }]; // the bench's workers hold no grant
  if (c.members_only || c.audience_org_id) {
    const facts = await sql.facts(user.id);
    if (
      !facts ||
      (c.members_only && facts.membership !== 'member') ||
      (c.audience_path && !facts.orgPath?.startsWith(c.audience_path))
    )
      return [403, { code: 'FORBIDDEN' }];
  }
  const day = shanghaiDay(now);
  const drawn = await draw(c);
  if (!drawn) return [409, { code: 'BANK_TOO_SMALL' }];
  const values = {
    campaignId,
    userId: user.id,
    drawn,
    day,
    startedAt: now,
    deadline: new Date(now.getTime() + c.seconds_per_attempt * 1000),
  };
  const started = await sql.start(values, c.attempts_per_day);
  if (started === 'none left') return [409, { code: 'NO_ATTEMPTS_LEFT' }];
  if (started.open) {
    if (now.getTime() <= started.open.deadline.getTime() + GRACE_MS)
      return [200, await attemptView(started.open, c)];
    return [409, { code: 'ABANDONED_ATTEMPT' }]; // the bench never leaves one past its deadline
  }
  opened.set(started.attempt.id, started.attempt);
  return [201, await attemptView(started.attempt, c)];
}

async function submit(user, attemptId, answers) {
  const now = new Date();
  const kept = opened.get(attemptId);
  const a = kept?.userId === user.id ? kept : await sql.own(user.id, attemptId);
  if (!a) return [404, { code: 'NOT_FOUND' }];
  opened.delete(attemptId);
  if (a.status === 'submitted') return [200, { attemptId, score: a.score }];
  const c = await campaign(a.campaignId);
  const questions = await questionsOf(c);
  const drawnIds = new Set(a.drawn.map((d) => d.id));
  const choices = {};
  for (const x of answers)
    if (drawnIds.has(x.questionId)) choices[x.questionId] = [...new Set(x.choice)].sort();
  const late = now.getTime() > a.deadline.getTime() + GRACE_MS;
  const wrong = [];
  let correct = 0;
  for (const d of late ? [] : a.drawn) {
    const q = questions.get(d.id);
    if (same(choices[d.id] ?? [], toShown(q.answer.split(''), d))) correct++;
    else if (choices[d.id]?.length) wrong.push(d.id);
  }
  const score = Math.round((correct / a.drawn.length) * 100);
  const duration = Math.min(
    Math.round((now - a.startedAt) / 1000),
    Math.round((a.deadline - a.startedAt) / 1000),
  );
  const passed = !late && score >= c.pass_score;
  const scoring = { now, answers: late ? {} : choices, score, correct, duration, late };
  const serial = `JC${randomBytes(8).toString('hex').toUpperCase()}`;
  const done = await sql.submit(a, scoring, {
    wrong: wrong.sort((x, y) => x - y),
    certificate: passed ? serial : null,
  });
  if (!done) return [200, { attemptId, score }];
  return [
    201,
    {
      attemptId: a.id,
      campaignId: a.campaignId,
      score,
      passed,
      correctCount: correct,
      questionCount: a.drawn.length,
      durationSeconds: duration,
      late,
      review: a.drawn.map((d) => {
        const q = questions.get(d.id);
        const choice = late ? [] : (choices[d.id] ?? []);
        const answer = toShown(q.answer.split(''), d);
        return { ...shown(q, d), choice, answer, correct: same(choice, answer), explanation: q.explanation };
      }),
      certificateSerial: passed ? (done.certificateSerial ?? null) : null,
    },
  ];
}

http
  .createServer(async (req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      const started =
        req.method === 'POST' && /^\/api\/quiz\/campaigns\/(\d+)\/attempts$/.exec(req.url ?? '');
      const submitted = req.method === 'POST' && /^\/api\/quiz\/attempts\/(\d+)\/submit$/.exec(req.url ?? '');
      if (!started && !submitted) return send(404, { code: 'NOT_FOUND' });
      const user = verifyAccessToken(req.headers.authorization);
      if (!user) return send(401, { code: 'UNAUTHENTICATED' });
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const body = raw ? JSON.parse(raw) : {};
      if (started) return send(...(await start(user, Number(started[1]))));
      const answers = body.answers;
      const valid =
        Array.isArray(answers) &&
        answers.length <= 200 &&
        answers.every(
          (x) =>
            Number.isInteger(x?.questionId) &&
            Array.isArray(x.choice) &&
            x.choice.every((k) => LETTERS.includes(k)),
        );
      if (!valid) return send(400, { code: 'VALIDATION_FAILED' });
      send(...(await submit(user, Number(submitted[1]), answers)));
    } catch (error) {
      console.error(String(error));
      send(500, { code: 'INTERNAL_ERROR', message: String(error) });
    }
  })
  .listen(Number(port), '127.0.0.1');

// A clean exit on SIGTERM lets --cpu-prof (BENCH_CPU_PROFILE) write the baseline's profile too.
process.on('SIGTERM', () => process.exit(0));
