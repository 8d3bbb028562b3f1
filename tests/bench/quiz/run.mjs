#!/usr/bin/env node
// Quiz benchmark (issue: quiz campaigns; issue 22). Seeds 20,000 workers in 60 orgs and 100,000 submitted
// attempts on a fresh database (a private MariaDB unless BENCH_SHARED_DB=1), then measures one API instance:
// the person leaderboard (top 50 + my rank) and the org leaderboard at 20 concurrent readers (p95, the median of
// three rounds after warm-up), each next to the same queries run through raw mysql2 in this process; whether a worker's own row is fresh right after
// their submit; and start + submit against a minimal node:http + mysql2 server doing the same work
// (baseline-server.mjs), the two taking turns over warmed-up rounds (attempt-rounds.mjs).
// Usage: pnpm bench:quiz   (builds the API first)
import { spawn } from 'node:child_process';
import { createPool } from 'mysql2/promise';
import {
  apiClient,
  benchDatabase,
  benchPort,
  buildApi,
  cpuProfileArgs,
  measure,
  reportRow,
  startApi,
  stopped,
} from '../support.mjs';
import { attemptRounds, reportAttempts } from './attempt-rounds.mjs';
import { seedQuiz } from './seed.mjs';

const WORKERS = Number(process.env.BENCH_WORKERS ?? 20_000);
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 100_000);
const READS = Number(process.env.BENCH_READS ?? 2_000);
const WARM_READS = 3 * READS;
const API_READ_ROUNDS = 3;
const PORT = benchPort(21);
const BASELINE_PORT = benchPort(22);
const dbName = `jingcai_quizbench_${Date.now()}`;
let api;
let baseline;
let database;

/** The person leaderboard's SQL, as QuizRankingsService issues it, on a raw pool. */
async function rawPeople(pool, campaignId, userId) {
  await pool.query(
    'SELECT * FROM quiz_participants WHERE campaign_id = ? ORDER BY best_score DESC, best_duration ASC, best_at ASC, user_id ASC LIMIT 50',
    [campaignId],
  );
  const [[mine]] = await pool.query('SELECT * FROM quiz_participants WHERE campaign_id = ? AND user_id = ?', [
    campaignId,
    userId,
  ]);
  if (mine) {
    const { best_score: sc, best_duration: d, best_at: at, user_id: u } = mine;
    await pool.query(
      `SELECT (SELECT COUNT(*) FROM quiz_participants WHERE campaign_id = ? AND best_score > ?)
            + (SELECT COUNT(*) FROM quiz_participants WHERE campaign_id = ? AND best_score = ? AND best_duration < ?)
            + (SELECT COUNT(*) FROM quiz_participants WHERE campaign_id = ? AND best_score = ? AND best_duration = ? AND best_at < ?)
            + (SELECT COUNT(*) FROM quiz_participants WHERE campaign_id = ? AND best_score = ? AND best_duration = ? AND best_at = ? AND user_id < ?) AS ahead`,
      [campaignId, sc, campaignId, sc, d, campaignId, sc, d, at, campaignId, sc, d, at, u],
    );
  }
  await pool.query('SELECT u.*, o.name FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id IN (?)', [
    [userId],
  ]);
  return true;
}

async function rawOrgs(pool, campaignId, userId) {
  await pool.query(
    'SELECT org_path, COUNT(*) AS count, SUM(best_score) AS total FROM quiz_participants WHERE campaign_id = ? AND org_path IS NOT NULL GROUP BY org_path',
    [campaignId],
  );
  await pool.query('SELECT * FROM orgs WHERE depth = 1');
  await pool.query('SELECT u.*, o.path FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id = ?', [
    userId,
  ]);
  return true;
}

/**
 * A worker's own row right after their submit, on the instance that took it: a worker whose best was below
 * 100 scores 100 and reads the person leaderboard at once.
 */
async function ownRowFresh(pool, { get, post }, campaignId, answers) {
  const [[row]] = await pool.query(
    'SELECT user_id AS userId FROM quiz_participants WHERE campaign_id = ? AND best_score < 100 ORDER BY user_id DESC LIMIT 1',
    [campaignId],
  );
  const before = await (
    await get(`/quiz/campaigns/${campaignId}/leaderboard?scope=person&limit=50`, row.userId)
  ).json();
  const started = await (await post(`/quiz/campaigns/${campaignId}/attempts`, row.userId, {})).json();
  const mine = started.questions.map((q) => ({
    questionId: q.id,
    choice: [answers.get(q.id)],
  }));
  await post(`/quiz/attempts/${started.attemptId}/submit`, row.userId, {
    answers: mine,
  });
  const after = await (
    await get(`/quiz/campaigns/${campaignId}/leaderboard?scope=person&limit=50`, row.userId)
  ).json();
  const fresh = after.me?.bestScore === 100 && after.me.rank < before.me.rank;
  console.log(
    `  own row right after the submit           best ${before.me.bestScore} → ${after.me?.bestScore}, rank ${before.me.rank} → ${after.me?.rank}: ${fresh ? 'fresh' : 'STALE'}`,
  );
  return fresh;
}

/** Runs `rounds` measured rounds and answers the one with the median p95, with every round's p95. */
async function medianRound(rounds, run) {
  const results = [];
  for (let round = 0; round < rounds; round++) results.push(await run(round));
  const byP95 = [...results].sort((a, b) => a.p95 - b.p95);
  return {
    ...byP95[Math.floor(rounds / 2)],
    failures: results.reduce((n, r) => n + r.failures, 0),
    rounds: results.map((r) => r.p95),
  };
}

let exitCode = 0;
try {
  console.log('Building the API…');
  await buildApi();
  database = await benchDatabase(dbName);
  const { url } = database;
  api = await startApi(url, PORT);
  baseline = spawn(
    'node',
    [...cpuProfileArgs('baseline'), 'tests/bench/quiz/baseline-server.mjs', String(BASELINE_PORT), url],
    {
      cwd: new URL('../../../', import.meta.url).pathname,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const pool = createPool({ uri: url, connectionLimit: 20, timezone: 'Z' });
  const seeded = performance.now();
  const { campaignId, firstUser, questions, orgCount } = await seedQuiz(pool, {
    WORKERS,
    ATTEMPTS,
  });
  console.log(
    `Seeded ${WORKERS} workers in ${orgCount} orgs and ${ATTEMPTS} attempts in ${((performance.now() - seeded) / 1000).toFixed(1)} s.`,
  );
  const someone = (i) => firstUser + ((i * 7919) % WORKERS);
  const client = apiClient(PORT);
  const { get } = client;

  // Warm both sides (JIT, shared caches, buffer pool) before anything is recorded, with readers who are
  // not measured: each measured reader is a first-time one. The API's reads take several thousand to reach
  // their steady pace (p95 of successive rounds of 2,000 in one probe: 35, 12, 8.9, 8.4, 8.0, 8.4 ms), and a
  // production instance serving a campaign is long past them; 2,000 left the measured reads half warm. The
  // raw side is SQL-bound and warms in one round.
  const warmReader = (i) => someone(API_READ_ROUNDS * READS + i);
  const personPath = `/quiz/campaigns/${campaignId}/leaderboard?scope=person&limit=50`;
  const orgPath = `/quiz/campaigns/${campaignId}/leaderboard?scope=org`;
  await measure(20, WARM_READS, async (i) => (await get(personPath, warmReader(i))).ok);
  await measure(20, READS, (i) => rawPeople(pool, campaignId, warmReader(i)));

  // The API's figure is the median of three rounds by p95 (a pause of the shared host lands in one); the
  // raw baseline, at 8–14 s a round, is measured once.
  const apiPeople = await medianRound(API_READ_ROUNDS, (round) =>
    measure(20, READS, async (i) => (await get(personPath, someone(round * READS + i))).ok),
  );
  const rawPeopleRun = await measure(20, READS, (i) => rawPeople(pool, campaignId, someone(i)));
  const apiOrgs = await medianRound(API_READ_ROUNDS, (round) =>
    measure(20, READS, async (i) => (await get(orgPath, someone(round * READS + i))).ok),
  );
  const rawOrgsRun = await measure(20, READS, (i) => rawOrgs(pool, campaignId, someone(i)));

  // The right answer of every question of the bank: whichever 10 are drawn, the attempt scores 100 and passes.
  const answers = new Map(questions.map((q) => [q.id, q.answer]));
  const fresh = await ownRowFresh(pool, client, campaignId, answers);
  // Round workers from the start of the seeded range; the readers above only read.
  let next = firstUser;
  const nextUser = (count) => {
    const first = next;
    next = next + count >= firstUser + WORKERS ? firstUser : next + count;
    return first;
  };
  const sides = [
    { name: 'api', pid: api.pid, client },
    { name: 'baseline', pid: baseline.pid, client: apiClient(BASELINE_PORT) },
  ];
  await attemptRounds(sides, pool, { campaignId, answers, nextUser });
  await pool.end();

  console.log('');
  reportRow('person leaderboard p95 (≤ 10 ms)', apiPeople, rawPeopleRun, 'ms', 'p95');
  reportRow('org leaderboard p95 (≤ 50 ms)', apiOrgs, rawOrgsRun, 'ms', 'p95');
  const perRound = (run) => run.rounds.map((p) => p.toFixed(1)).join(', ');
  console.log(
    `  API p95 by round: person ${perRound(apiPeople)} ms; org ${perRound(apiOrgs)} ms (median reported)`,
  );
  console.log('  (ratio: raw ÷ API for latency; 1.0 means no overhead)');
  const attemptsFailed = reportAttempts(sides);
  if (apiPeople.failures || apiOrgs.failures || attemptsFailed || !fresh) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await Promise.all([stopped(api), stopped(baseline)]);
  await database?.close();
}
process.exit(exitCode);
