#!/usr/bin/env node
// Reading-season benchmark (issue: reading season). Seeds 20,000 workers in 60 orgs with 60 days of
// check-ins (about 80% of days each, ~960,000 rows) on a fresh MariaDB database, then measures one API
// instance — `me`, the person leaderboard and the org leaderboard, p95 — each beside the same queries run
// through raw mysql2 in this process, at 1 reader (service time) and at 20 concurrent readers (a busy
// instance). Targets: me ≤ 20 ms, leaderboard ≤ 50 ms.
// Usage: pnpm bench:reading   (needs MariaDB/MySQL at TEST_DATABASE_SERVER; builds the API first)
import { createHash } from 'node:crypto';
import { createPool } from 'mysql2/promise';
import { createDatabase, dropDatabase } from '../claims/fixtures.mjs';
import {
  apiClient,
  benchPort,
  buildApi,
  measure,
  reportRow,
  seedOrgTree,
  seedWorkersIn,
  startApi,
  stopped,
} from '../support.mjs';

const WORKERS = Number(process.env.BENCH_WORKERS ?? 20_000);
const DAYS = Number(process.env.BENCH_DAYS ?? 60);
const READS = Number(process.env.BENCH_READS ?? 2_000);
const PORT = benchPort(31);
const dbName = `jingcai_readbench_${Date.now()}`;
const DAY_MS = 86400_000;
let api;

/** `YYYY-MM-DD` of the Asia/Shanghai day `offset` days from today. */
function shanghaiDay(offset = 0) {
  return new Date(Date.now() + 8 * 3600_000 + offset * DAY_MS).toISOString().slice(0, 10);
}

/** Whether worker `j` checked in on day `d` (0 = the first day): about 80%, in runs and gaps. */
const checkedIn = (j, d) => (j * 31 + Math.floor(d / 3) * 17 + d) % 10 < 8;

async function seed(pool) {
  const { districtId, leaves, orgCount } = await seedOrgTree(pool, { memberCount: 500 });
  const firstUser = await seedWorkersIn(pool, leaves, WORKERS, 'readbench');
  const [season] = await pool.query(
    `INSERT INTO reading_seasons (theme, description, starts_on, ends_on, min_note_length, make_up_allowance,
       badge_thresholds, owner_org_id, status) VALUES ('压测读书季', '', ?, ?, 10, 3, '7,21,50', ?, 'published')`,
    [shanghaiDay(-(DAYS - 1)), shanghaiDay(10), districtId],
  );
  const seasonId = season.insertId;
  const [book] = await pool.query(
    "INSERT INTO reading_books (season_id, title, author, blurb, position) VALUES (?, '平凡的世界', '路遥', '', 0)",
    [seasonId],
  );
  const days = Array.from({ length: DAYS }, (_, d) => shanghaiDay(d - (DAYS - 1)));
  let rows = [];
  let checkins = 0;
  const flush = async () => {
    if (!rows.length) return;
    await pool.query(
      `INSERT INTO reading_checkins (season_id, user_id, day, book_id, minutes, note, note_hash, photo_ids, make_up, status)
       VALUES ?`,
      [rows],
    );
    checkins += rows.length;
    rows = [];
  };
  const standings = [];
  for (let j = 0; j < WORKERS; j++) {
    const userId = firstUser + j;
    let count = 0;
    let run = 0;
    let longest = 0;
    let minutes = 0;
    let lastDay = null;
    for (let d = 0; d < DAYS; d++) {
      if (!checkedIn(j, d)) {
        run = 0;
        continue;
      }
      const note = `第${d}天读了平凡的世界，感触很深。${j}`;
      const spent = 10 + ((j + d) % 50);
      rows.push([
        seasonId,
        userId,
        days[d],
        book.insertId,
        spent,
        note,
        createHash('sha256').update(note).digest('hex'),
        '',
        0,
        'published',
      ]);
      count++;
      run++;
      longest = Math.max(longest, run);
      minutes += spent;
      lastDay = days[d];
      if (rows.length >= 5000) await flush();
    }
    standings.push([seasonId, userId, count, longest, run, lastDay, minutes, leaves[j % leaves.length].path]);
  }
  await flush();
  for (let i = 0; i < standings.length; i += 5000) {
    await pool.query(
      `INSERT INTO reading_participants (season_id, user_id, days, longest_streak, last_run, last_day, minutes, org_path)
       VALUES ?`,
      [standings.slice(i, i + 5000)],
    );
  }
  return { seasonId, firstUser, orgCount, checkins };
}

/** `me` as ReadingCheckinsService issues it (the season's settings come from its cache): my check-ins. */
async function rawMe(pool, seasonId, userId) {
  await pool.query(
    'SELECT day, minutes, make_up FROM reading_checkins WHERE season_id = ? AND user_id = ? ORDER BY day',
    [seasonId, userId],
  );
  return true;
}

/** The person leaderboard: the season, the top 50, my standing, the rows ahead of mine, the names. */
async function rawPeople(pool, seasonId, userId) {
  await pool.query(
    "SELECT s.*, a.path FROM reading_seasons s LEFT JOIN orgs a ON a.id = s.audience_org_id WHERE s.id = ? AND s.status = 'published'",
    [seasonId],
  );
  const [top] = await pool.query(
    'SELECT * FROM reading_participants WHERE season_id = ? ORDER BY days DESC, longest_streak DESC, user_id ASC LIMIT 50',
    [seasonId],
  );
  const [[mine]] = await pool.query(
    'SELECT * FROM reading_participants WHERE season_id = ? AND user_id = ?',
    [seasonId, userId],
  );
  if (mine) {
    const { days: d, longest_streak: l } = mine;
    await Promise.all([
      pool.query('SELECT COUNT(*) FROM reading_participants WHERE season_id = ? AND days > ?', [seasonId, d]),
      pool.query(
        'SELECT COUNT(*) FROM reading_participants WHERE season_id = ? AND days = ? AND longest_streak > ?',
        [seasonId, d, l],
      ),
      pool.query(
        'SELECT COUNT(*) FROM reading_participants WHERE season_id = ? AND days = ? AND longest_streak = ? AND user_id < ?',
        [seasonId, d, l, userId],
      ),
    ]);
  }
  await pool.query('SELECT u.*, o.name FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id IN (?)', [
    [...top.map((t) => t.user_id), userId],
  ]);
  return true;
}

async function rawOrgs(pool, seasonId, userId) {
  await pool.query(
    "SELECT s.*, a.path FROM reading_seasons s LEFT JOIN orgs a ON a.id = s.audience_org_id WHERE s.id = ? AND s.status = 'published'",
    [seasonId],
  );
  await pool.query(
    'SELECT org_path, COUNT(*) AS participants, SUM(minutes) AS minutes FROM reading_participants WHERE season_id = ? AND org_path IS NOT NULL AND days > 0 GROUP BY org_path',
    [seasonId],
  );
  await pool.query('SELECT * FROM orgs WHERE depth = 1');
  await pool.query('SELECT u.*, o.path FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id = ?', [
    userId,
  ]);
  return true;
}

let exitCode = 0;
try {
  console.log('Building the API…');
  await buildApi();
  const url = await createDatabase(dbName);
  api = await startApi(url, PORT);
  const pool = createPool({ uri: url, connectionLimit: 20, timezone: 'Z' });
  const seededAt = performance.now();
  const { seasonId, firstUser, orgCount, checkins } = await seed(pool);
  console.log(
    `Seeded ${WORKERS} workers in ${orgCount} orgs and ${checkins} check-ins over ${DAYS} days in ${((performance.now() - seededAt) / 1000).toFixed(1)} s.`,
  );
  const client = apiClient(PORT);
  const someone = (i) => firstUser + ((i * 7919) % WORKERS);
  const paths = {
    me: `/reading/seasons/${seasonId}/me`,
    people: `/reading/seasons/${seasonId}/leaderboard?scope=person&limit=50`,
    orgs: `/reading/seasons/${seasonId}/leaderboard?scope=org`,
  };
  const raw = { me: rawMe, people: rawPeople, orgs: rawOrgs };
  const labels = {
    me: 'me p95 (≤ 20 ms)',
    people: 'person leaderboard p95 (≤ 50 ms)',
    orgs: 'org leaderboard p95 (≤ 50 ms)',
  };
  // Warm both sides (JIT, buffer pool) before anything is recorded.
  await measure(10, 300, async (i) => (await client.get(paths.me, someone(i))).ok);
  await measure(10, 300, (i) => rawMe(pool, seasonId, someone(i)));

  const results = [];
  for (const concurrency of [1, 20]) {
    for (const key of ['me', 'people', 'orgs']) {
      const reads = concurrency === 1 ? Math.min(READS, 500) : READS;
      const apiRun = await measure(
        concurrency,
        reads,
        async (i) => (await client.get(paths[key], someone(i))).ok,
      );
      const rawRun = await measure(concurrency, reads, (i) => raw[key](pool, seasonId, someone(i)));
      results.push({
        label: `${labels[key]}, ${concurrency} reader${concurrency > 1 ? 's' : ''}`,
        apiRun,
        rawRun,
      });
    }
  }
  await pool.end();
  console.log('');
  for (const { label, apiRun, rawRun } of results) reportRow(label, apiRun, rawRun, 'ms', 'p95');
  console.log('  (ratio: raw ÷ API; 1.0 means no overhead over the bare queries)');
  if (results.some((r) => r.apiRun.failures)) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await stopped(api);
  await dropDatabase(dbName).catch(() => undefined);
}
process.exit(exitCode);
