#!/usr/bin/env node
// The claim rush (issue: care packages). Two API instances on two ports against one fresh MariaDB
// database; a benefit with stock 220; 4,000 claims from 2,000 distinct workers — each worker's two
// tries go to different instances at the same moment — at 100 concurrent connections. Then the same
// rush against two instances of a minimal node:http + mysql2 server issuing the same SQL, and the ratio.
// Usage: pnpm bench:claims   (needs MariaDB/MySQL at TEST_DATABASE_SERVER; builds the API first)
// Exits non-zero if an invariant breaks (claims ≠ stock, a worker with two claims, any 5xx).
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';
import {
  createDatabase,
  dropDatabase,
  apiEnv,
  outcome,
  seedBenefit,
  seedPlace,
  seedWorkers,
} from './fixtures.mjs';
import { cpuSeconds } from '../support.mjs';
import { rush } from './load.mjs';

const STOCK = Number(process.env.BENCH_STOCK ?? 220);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
const root = new URL('../../../', import.meta.url).pathname;
const dbName = `jingcai_bench_${Date.now()}`;
const children = [];

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

async function measure(label, servers, db, place, prefix) {
  const ports = servers.map((s) => s.port);
  // Warm-up: JIT, connection pools, caches — on a benefit of its own, with workers of their own.
  const warmBenefit = await seedBenefit(db, place, `${label} 预热`, 50);
  const warmWorkers = await seedWorkers(db, place.orgId, 200, `${prefix}-warm`);
  await rush(jobsFor(warmWorkers, ports, place.stationId), {
    concurrency: CONCURRENCY,
    path: () => `/api/care/benefits/${warmBenefit}/claims`,
  });

  const benefitId = await seedBenefit(db, place, `${label} 暖新礼包`, STOCK);
  const workers = await seedWorkers(db, place.orgId, WORKERS, prefix);
  const before = await statementsSoFar(db);
  const cpuBefore = servers.map((s) => cpuSeconds(s.pid));
  const load = await rush(jobsFor(workers, ports, place.stationId), {
    concurrency: CONCURRENCY,
    path: () => `/api/care/benefits/${benefitId}/claims`,
  });
  const cpu = servers.reduce((sum, s, i) => sum + cpuSeconds(s.pid) - cpuBefore[i], 0);
  const statements = (await statementsSoFar(db)) - before - 1; // less the status query itself
  return {
    ...load,
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

function report(label, r) {
  const line = (k, v) => console.log(`  ${k.padEnd(30)} ${v}`);
  console.log(`\n${label}`);
  line('requests', `${r.requests} (${JSON.stringify(r.statuses)})`);
  line('claims created', `${r.claims} (expected ${STOCK})`);
  line('workers with more than 1 claim', r.doubled);
  line('5xx / failed requests', r.errors5xx);
  line('stock left', r.stock);
  line('throughput', `${r.rps.toFixed(0)} req/s`);
  line('SQL statements per request', r.statementsPerRequest.toFixed(2));
  line('server CPU per request', `${r.cpuMsPerRequest.toFixed(2)} ms`);
  line('latency p50 / p99', `${r.p50.toFixed(1)} ms / ${r.p99.toFixed(1)} ms`);
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
  const url = await createDatabase(dbName);
  // The first instance applies the migrations; the second starts once it is up.
  const profile = process.env.BENCH_CPU_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  const logLevel = process.env.BENCH_LOG_LEVEL ?? 'info';
  const apis = [start([...profile, 'apps/api/dist/main.js'], apiEnv(3301, url, { logLevel }), 3301)];
  await healthy('http://127.0.0.1:3301/api/health');
  apis.push(start(['apps/api/dist/main.js'], apiEnv(3302, url, { migrate: false, logLevel }), 3302));
  const baselines = [3311, 3312].map((port) =>
    start([...profile, 'tests/bench/claims/baseline-server.mjs', String(port), url], {}, port),
  );
  await Promise.all([
    healthy('http://127.0.0.1:3302/api/health'),
    healthy('http://127.0.0.1:3311/'),
    healthy('http://127.0.0.1:3312/'),
  ]);

  const db = await createConnection(url);
  const place = await seedPlace(db);
  console.log(
    `Rush: stock ${STOCK}, ${WORKERS} workers × 2 tries across 2 instances, ${CONCURRENCY} connections.`,
  );
  const baseline = await measure('baseline', baselines, db, place, 'base');
  const api = await measure('api', apis, db, place, 'api');
  await db.end();

  report('Jingcai API (NestJS + Fastify + TypeORM), 2 instances', api);
  report('Baseline (node:http + mysql2, same SQL), 2 instances', baseline);
  const ratio = api.rps / baseline.rps;
  console.log(`\n  ratio API / baseline            ${ratio.toFixed(2)} (target ≥ 0.70)`);
  console.log(`  API p99                         ${api.p99.toFixed(1)} ms (target ≤ 150 ms)`);

  for (const [label, r] of [
    ['API', api],
    ['baseline', baseline],
  ]) {
    if (r.claims !== STOCK || r.doubled !== 0 || r.errors5xx !== 0 || r.stock !== 0) {
      console.error(
        `INVARIANT BROKEN (${label}): claims ${r.claims}, doubled ${r.doubled}, 5xx ${r.errors5xx}, stock ${r.stock}`,
      );
      exitCode = 1;
    }
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  for (const child of children) child.kill('SIGTERM');
  await dropDatabase(dbName).catch(() => undefined);
}
process.exit(exitCode);
