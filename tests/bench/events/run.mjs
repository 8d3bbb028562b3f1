#!/usr/bin/env node
// The sign-up rush (issue 23): a first-come health check whose one session has 220 places opens, and 2,000
// workers each sign up twice at the same moment, one try on each of two API instances on one fresh MariaDB
// database, at 100 concurrent connections. Then the same rush against two instances of a minimal node:http +
// mysql2 server issuing the same SQL (baseline-server.mjs), and the ratio of their throughputs. As in
// tests/bench/claims: each side warms up with BENCH_WARM_UP_RUSHES uncounted rushes (3), then the two take
// turns for BENCH_ROUNDS rounds (3), each round on an event and workers of its own, and each figure is the
// median of its rounds (the host's speed drifts within a minute).
// Usage: pnpm bench:events   (builds the shared package and the API first; a private MariaDB unless
// BENCH_SHARED_DB=1). Exits non-zero if an invariant breaks: confirmed ≠ capacity, a worker signed up twice,
// a try left pending, places left, any 5xx.
import { spawn } from 'node:child_process';
import { createConnection } from 'mysql2/promise';
import { seedOrg, seedWorkers } from '../claims/fixtures.mjs';
import { rush } from '../claims/load.mjs';
import * as bench from '../support.mjs';
import { ANSWERS, seedEvent, signupOutcome } from './fixtures.mjs';

/** A knob from the environment (BENCH_<NAME>), or its default. */
const knob = (name, fallback) => Number(process.env[`BENCH_${name}`] ?? fallback);
const CAPACITY = knob('CAPACITY', 220);
const WORKERS = knob('WORKERS', 2000);
const CONCURRENCY = knob('CONCURRENCY', 100);
const ROUNDS = knob('ROUNDS', 3);
const WARM_UP_RUSHES = knob('WARM_UP_RUSHES', 3);
const RATIO_TARGET = 0.7;
const root = new URL('../../../', import.meta.url).pathname;
const processes = [];

/** A baseline instance; resolves once it says it listens. */
function startBaseline(port, databaseUrl) {
  const child = spawn(
    'node',
    [
      ...bench.cpuProfileArgs('baseline'),
      'tests/bench/events/baseline-server.mjs',
      String(port),
      databaseUrl,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  processes.push(child);
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`baseline on ${port} exited (${code})`)));
  });
}

/** One full-size rush against a side's two servers, on a new event with new workers. */
async function rushOnce(side, db, orgId, label) {
  const { eventId, sessionId } = await seedEvent(db, orgId, `${side.name} 免费体检 ${label}`, CAPACITY);
  const workers = await seedWorkers(db, orgId, WORKERS, `${side.name}-${label}`);
  // Each worker's two tries, one per instance, next to each other so they are in flight together.
  const jobs = workers.flatMap((w) =>
    side.servers.map((s) => ({
      port: s.port,
      token: w.token,
      body: { sessionId, answers: ANSWERS },
    })),
  );
  const statementsBefore = await bench.statementsSoFar(db);
  const cpuBefore = side.servers.map((s) => bench.cpuSeconds(s.pid));
  const load = await rush(jobs, {
    concurrency: CONCURRENCY,
    path: () => `/api/events/${eventId}/signups`,
  });
  const cpu = side.servers.reduce((sum, s, i) => sum + bench.cpuSeconds(s.pid) - cpuBefore[i], 0);
  const statements = (await bench.statementsSoFar(db)) - statementsBefore - 1; // less the status query itself
  return {
    ...load,
    statementsPerRequest: statements / load.requests,
    cpuMsPerRequest: (cpu * 1000) / load.requests,
    rssMb: side.servers.reduce((sum, s) => sum + bench.rssMb(s.pid), 0),
    ...(await signupOutcome(db, sessionId)),
  };
}

const summary = (r) =>
  `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, CPU ${r.cpuMsPerRequest.toFixed(2)} ms/request, RSS ${r.rssMb.toFixed(0)} MB`;

/** Why a round broke the rush's rules, or null when it kept them. */
function broken(r) {
  const faults = [
    r.confirmed !== CAPACITY && `${r.confirmed} confirmed of ${CAPACITY}`,
    r.doubled && `${r.doubled} workers signed up twice`,
    r.pending && `${r.pending} tries left pending`,
    r.remaining && `${r.remaining} places left`,
    r.errors5xx && `${r.errors5xx} 5xx or failed requests`,
  ].filter(Boolean);
  return faults.length ? faults.join(', ') : null;
}

/** The two sides' medians side by side, then every round's outcome. */
function report(api, baseline) {
  const mid = (rounds, pick, digits) => bench.median(rounds.map(pick)).toFixed(digits);
  const rows = [
    ['throughput (req/s)', (rs) => mid(rs, (r) => r.rps, 0)],
    ['latency p50 / p99 (ms)', (rs) => `${mid(rs, (r) => r.p50, 1)} / ${mid(rs, (r) => r.p99, 1)}`],
    ['SQL statements per request', (rs) => mid(rs, (r) => r.statementsPerRequest, 2)],
    ['server CPU per request (ms)', (rs) => mid(rs, (r) => r.cpuMsPerRequest, 2)],
  ];
  console.log(`\nMedians of ${ROUNDS} rounds (2 instances each)`);
  console.log(`  ${''.padEnd(30)} ${'Jingcai API'.padEnd(18)} baseline (node:http + mysql2)`);
  for (const [label, figure] of rows)
    console.log(`  ${label.padEnd(30)} ${figure(api.rounds).padEnd(18)} ${figure(baseline.rounds)}`);
  for (const side of [api, baseline]) {
    console.log(`\n${side.name}, by round`);
    console.log(`  statuses      ${side.rounds.map((r) => JSON.stringify(r.statuses)).join('  ')}`);
    console.log(
      `  confirmed     ${side.rounds.map((r) => r.confirmed).join(', ')} (capacity ${CAPACITY}); doubled ${side.rounds.map((r) => r.doubled).join(', ')}; places left ${side.rounds.map((r) => r.remaining).join(', ')}`,
    );
    console.log(`  CPU/request   ${bench.cpuTrend(side.rounds.map((r) => r.cpuMsPerRequest))}`);
    console.log(`  RSS           ${side.rounds.map((r) => `${r.rssMb.toFixed(0)} MB`).join(' → ')}`);
  }
}

let exitCode = 0;
let database;
try {
  console.log('Building the shared package and the API…');
  await bench.buildApi();
  database = await bench.benchDatabase(`jingcai_bench_events_${Date.now()}`);
  const { url } = database;
  const apiPorts = [bench.benchPort(43), bench.benchPort(44)];
  const baselinePorts = [bench.benchPort(45), bench.benchPort(46)];
  // One after the other: the first applies the migrations, the second finds none left to apply.
  const apis = [];
  for (const port of apiPorts) {
    const child = await bench.startApi(url, port);
    processes.push(child);
    apis.push({ port, pid: child.pid });
  }
  const baselines = await Promise.all(
    baselinePorts.map(async (port) => ({
      port,
      pid: (await startBaseline(port, url)).pid,
    })),
  );
  const db = await createConnection({ uri: url, timezone: 'Z' });
  const orgId = await seedOrg(db);
  console.log(
    `Rush: one session of ${CAPACITY} places, ${WORKERS} workers × 2 tries across 2 instances, ${CONCURRENCY} connections.`,
  );
  const sides = [
    { name: 'baseline', servers: baselines, rounds: [] },
    { name: 'api', servers: apis, rounds: [] },
  ];
  // JIT, pools and caches warm on full-size rushes that are not counted.
  for (const side of sides) {
    for (let i = 1; i <= WARM_UP_RUSHES; i++)
      console.log(
        `  warm-up ${i} ${side.name.padEnd(8)} ${summary(await rushOnce(side, db, orgId, `warm-${i}`))}`,
      );
  }
  for (let round = 1; round <= ROUNDS; round++) {
    for (const side of sides) {
      const r = await rushOnce(side, db, orgId, `round-${round}`);
      side.rounds.push(r);
      console.log(`  round ${round} ${side.name.padEnd(8)} ${summary(r)}`);
      const fault = broken(r);
      if (fault) {
        console.error(`INVARIANT BROKEN (${side.name}, round ${round}): ${fault}`);
        exitCode = 1;
      }
    }
  }
  await db.end();
  const [baseline, api] = sides;
  report(api, baseline);
  const ratio = bench.median(api.rounds.map((r) => r.rps)) / bench.median(baseline.rounds.map((r) => r.rps));
  console.log(`\n  ratio API / baseline (throughput)  ${ratio.toFixed(2)} (target ≥ ${RATIO_TARGET})`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await Promise.all(processes.map(bench.stopped));
  await database?.close();
}
process.exit(exitCode);
