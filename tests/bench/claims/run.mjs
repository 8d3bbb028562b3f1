#!/usr/bin/env node
// The claim rush (issue: care packages). Two API instances on two ports against one fresh MariaDB
// database; a benefit with stock 220; 4,000 claims from 2,000 distinct workers — each worker's two
// tries go to different instances at the same moment — at 100 concurrent connections. Then the same
// rush against two instances of a minimal node:http + mysql2 server issuing the same SQL, and the ratio.
// Each warms up with BENCH_WARM_UP_RUSHES uncounted rushes (3); then the two take turns for BENCH_ROUNDS
// rounds (3) and each figure is the median of its rounds: the host's speed drifts within a minute, and one
// rush each let that drift decide the ratio.
// Usage: pnpm bench:claims   (needs MariaDB/MySQL at TEST_DATABASE_SERVER; builds the API first)
// Exits non-zero if an invariant breaks (claims ≠ stock, a worker with two claims, any 5xx).
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';
import { apiEnv, outcome, seedBenefit, seedPlace, seedWorkers } from './fixtures.mjs';
import {
  API_NODE_FLAGS,
  benchDatabase,
  benchPort,
  cpuProfileArgs,
  cpuSeconds,
  cpuTrend,
  median,
  rssMb,
  stopped,
} from '../support.mjs';
import { rush } from './load.mjs';

const STOCK = Number(process.env.BENCH_STOCK ?? 220);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_RUSHES = Number(process.env.BENCH_WARM_UP_RUSHES ?? 3);
const root = new URL('../../../', import.meta.url).pathname;
const dbName = `jingcai_bench_${Date.now()}`;
const children = [];
let database;

function start(args, env, port) {
  const child = spawn('node', args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return { port, pid: child.pid };
}

async function healthy(url) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not come up`);
}

/** Both tries of each worker, one per instance, adjacent so they are in flight together. */
function jobsFor(workers, ports, stationId) {
  return workers.flatMap((w) => ports.map((port) => ({ port, token: w.token, body: { stationId } })));
}

/**
 * JIT, connection pools, caches: full-size rushes on benefits of their own, not counted. A server's CPU per
 * claim kept falling through its first three rushes, ~6,000 requests per instance (the API's from 0.85 to
 * 0.33 ms, the baseline's from 0.44 to 0.2 ms), and a release rush meets instances that have served all day.
 */
async function warmUp(side, db, place) {
  for (let i = 1; i <= WARM_UP_RUSHES; i++) {
    const r = await measure(side.name, side.servers, db, place, `warm-${i}`);
    console.log(
      `  warm-up ${i} ${side.name.padEnd(8)} ${r.rps.toFixed(0)} req/s, server CPU ${r.cpuMsPerRequest.toFixed(2)} ms/request, RSS ${r.rssMb.toFixed(0)} MB (not counted)`,
    );
  }
}

async function measure(label, servers, db, place, round) {
  const benefitId = await seedBenefit(db, place, `${label} 暖新礼包 ${round}`, STOCK);
  const workers = await seedWorkers(db, place.orgId, WORKERS, `${label}-${round}`);
  const before = await statementsSoFar(db);
  const cpuBefore = servers.map((s) => cpuSeconds(s.pid));
  const load = await rush(
    jobsFor(
      workers,
      servers.map((s) => s.port),
      place.stationId,
    ),
    {
      concurrency: CONCURRENCY,
      path: () => `/api/care/benefits/${benefitId}/claims`,
    },
  );
  const cpu = servers.reduce((sum, s, i) => sum + cpuSeconds(s.pid) - cpuBefore[i], 0);
  const statements = (await statementsSoFar(db)) - before - 1; // less the status query itself
  return {
    ...load,
    rssMb: servers.reduce((sum, s) => sum + rssMb(s.pid), 0),
    statementsPerRequest: statements / load.requests,
    cpuMsPerRequest: (cpu * 1000) / load.requests,
    ...(await outcome(db, benefitId)),
  };
}

/** Statements the server has executed (all clients): the rush is the only traffic while it runs. */
async function statementsSoFar(db) {
  const [[row]] = await db.query("SHOW GLOBAL STATUS LIKE 'Questions'");
  return Number(row.Value);
}

function report(label, rounds) {
  const line = (k, v) => console.log(`  ${k.padEnd(30)} ${v}`);
  const each = (pick) => rounds.map(pick).join(', ');
  const mid = (pick, digits) => median(rounds.map(pick)).toFixed(digits);
  console.log(`\n${label} — median of ${rounds.length} rounds`);
  line(
    'requests per round',
    each((r) => `${r.requests} ${JSON.stringify(r.statuses)}`),
  );
  line('claims created', `${each((r) => r.claims)} (expected ${STOCK})`);
  line(
    'workers with more than 1 claim',
    each((r) => r.doubled),
  );
  line(
    '5xx / failed requests',
    each((r) => r.errors5xx),
  );
  line(
    'stock left',
    each((r) => r.stock),
  );
  line('throughput', `${mid((r) => r.rps, 0)} req/s (rounds: ${each((r) => r.rps.toFixed(0))})`);
  line(
    'SQL statements per request',
    mid((r) => r.statementsPerRequest, 2),
  );
  line('server CPU per request', `${mid((r) => r.cpuMsPerRequest, 2)} ms`);
  line('CPU per request by round', cpuTrend(rounds.map((r) => r.cpuMsPerRequest)));
  line("servers' RSS by round", rounds.map((r) => `${r.rssMb.toFixed(0)} MB`).join(' → '));
  line(
    'latency p50 / p99',
    `${mid((r) => r.p50, 1)} ms / ${mid((r) => r.p99, 1)} ms (p99 rounds: ${each((r) => r.p99.toFixed(0))})`,
  );
}

let exitCode = 0;
try {
  console.log('Building the API…');
  await new Promise((resolve, reject) =>
    spawn('pnpm', ['--filter', '@jingcai/shared', '--filter', '@jingcai/api', 'run', 'build'], {
      cwd: root,
      stdio: 'ignore',
    }).on('exit', (c) => (c === 0 ? resolve() : reject(new Error('build failed')))),
  );
  database = await benchDatabase(dbName);
  const { url } = database;
  // The first instance applies the migrations; the second starts once it is up.
  const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';
  const [api1, api2] = [benchPort(1), benchPort(2)];
  const apis = [
    start(
      [...API_NODE_FLAGS, ...cpuProfileArgs('api'), 'apps/api/dist/main.js'],
      apiEnv(api1, url, { logLevel }),
      api1,
    ),
  ];
  await healthy(`http://127.0.0.1:${api1}/api/health`);
  apis.push(
    start(
      [...API_NODE_FLAGS, 'apps/api/dist/main.js'],
      apiEnv(api2, url, { migrate: false, logLevel }),
      api2,
    ),
  );
  const baselines = [benchPort(11), benchPort(12)].map((port) =>
    start(
      [...cpuProfileArgs('baseline'), 'tests/bench/claims/baseline-server.mjs', String(port), url],
      {},
      port,
    ),
  );
  await Promise.all([
    healthy(`http://127.0.0.1:${api2}/api/health`),
    ...baselines.map((b) => healthy(`http://127.0.0.1:${b.port}/`)),
  ]);

  const db = await createConnection(url);
  const place = await seedPlace(db);
  console.log(
    `Rush: stock ${STOCK}, ${WORKERS} workers × 2 tries across 2 instances, ${CONCURRENCY} connections.`,
  );
  const sides = [
    { name: 'baseline', servers: baselines, rounds: [] },
    { name: 'api', servers: apis, rounds: [] },
  ];
  for (const side of sides) await warmUp(side, db, place);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const side of sides) {
      const r = await measure(side.name, side.servers, db, place, round);
      side.rounds.push(r);
      console.log(
        `  round ${round} ${side.name.padEnd(8)} ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, server CPU ${r.cpuMsPerRequest.toFixed(2)} ms/request, RSS ${r.rssMb.toFixed(0)} MB`,
      );
    }
  }
  await db.end();
  const [baseline, api] = sides;

  report('Jingcai API (NestJS + Fastify + TypeORM), 2 instances', api.rounds);
  report('Baseline (node:http + mysql2, same SQL), 2 instances', baseline.rounds);
  const ratio = median(api.rounds.map((r) => r.rps)) / median(baseline.rounds.map((r) => r.rps));
  const apiP99 = median(api.rounds.map((r) => r.p99));
  console.log(`\n  ratio API / baseline            ${ratio.toFixed(2)} (target ≥ 0.85)`);
  console.log(`  API p99                         ${apiP99.toFixed(1)} ms (target ≤ 150 ms)`);

  for (const side of sides) {
    for (const r of side.rounds) {
      if (r.claims !== STOCK || r.doubled !== 0 || r.errors5xx !== 0 || r.stock !== 0) {
        console.error(
          `INVARIANT BROKEN (${side.name}): claims ${r.claims}, doubled ${r.doubled}, 5xx ${r.errors5xx}, stock ${r.stock}`,
        );
        exitCode = 1;
      }
    }
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await Promise.all(children.map(stopped));
  await database?.close();
}
process.exit(exitCode);
