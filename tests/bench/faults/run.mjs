#!/usr/bin/env node
// The fault-injection benchmark (issue 9, "Faults"). Two production API instances behind a round-robin
// proxy, on a private MariaDB server started for this run, take a care-package claim rush (four releases,
// each raced by every worker with a double tap) and a quiz rush (start + double-tapped 交卷, nonstop)
// while we `kill -9` one instance mid-release and, later, `kill -9` MariaDB and start it again. Workers
// retry failed requests as a real client would. Afterwards the database is checked against what every
// worker was told: no claim lost or doubled, stock and claims agreeing, no attempt scored twice; and
// /api/health must have said 503 while the database was down and 200 after, from the same processes.
// Usage: node tests/bench/faults/run.mjs [--quick] [--no-build]   (or FAULTS_PROFILE=quick)
// Needs mariadbd and mariadb-install-db on the PATH; never touches the shared server on :3306.
// Exits non-zero when an invariant breaks.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';
import { apiEnv, seedBenefit, seedPlace, seedWorkers } from '../claims/fixtures.mjs';
import { API_NODE_FLAGS, buildApi } from '../support.mjs';
import { PrivateMariaDb } from './mariadb.mjs';
import { seedJudgeCampaign } from '../quiz/campaign.mjs';
import { claimWave, quizLoop, Traffic } from './traffic.mjs';
import { checkClaims, checkQuiz } from './verify.mjs';

const quick = process.env.FAULTS_PROFILE === 'quick' || process.argv.includes('--quick');
const PROFILE = quick
  ? { name: 'quick', workers: 400, stock: 60, claimLoops: 20, quizWorkers: 200, quizLoops: 8 }
  : { name: 'full', workers: 2000, stock: 220, claimLoops: 40, quizWorkers: 1000, quizLoops: 16 };
/** How long the instance stays dead before its supervisor (systemd, k8s) starts it again. */
const RESTART_DELAY_MS = 1000;
/** How long MariaDB stays down. */
const DB_DOWN_MS = 2500;
/** Health must be back this soon after the database is; otherwise the API is deemed not to recover. */
const RECOVERY_LIMIT_MS = 30_000;
const HEALTH_POLL_MS = 100;

const root = new URL('../../../', import.meta.url).pathname;
const t0 = performance.now();
const clock = () => performance.now() - t0;
const children = new Set();
let db;

async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function track(child) {
  children.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then(() => children.delete(child));
  return exited;
}

/** One GET; resolves with the status (0 when there was no answer within `timeoutMs`). */
function probe(port, path, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

async function until(condition, timeoutMs, what) {
  const giveUpAt = clock() + timeoutMs;
  while (!(await condition())) {
    if (clock() > giveUpAt) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A production instance; its logs go to the run directory (they are summarised at the end). */
async function startInstance(port, databaseUrl, migrate) {
  const log = createWriteStream(join(db.dir, `api-${port}.log`), { flags: 'a' });
  const child = spawn('node', [...API_NODE_FLAGS, 'apps/api/dist/main.js'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Request logs would cost the two shared cores more than the rush itself; errors are what we read.
    env: { ...process.env, ...apiEnv(port, databaseUrl, { migrate, logLevel: 'warn' }) },
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = track(child);
  await until(
    async () => {
      if (child.exitCode !== null) {
        const tail = readFileSync(join(db.dir, `api-${port}.log`), 'utf8')
          .split('\n')
          .slice(-15)
          .join('\n');
        throw new Error(`the API on :${port} exited at start:\n${tail}`);
      }
      return (await probe(port, '/api/health')) === 200;
    },
    60_000,
    `the API on :${port}`,
  );
  return { port, child, exited };
}

async function startProxy(port, upstreamPorts) {
  const child = spawn(
    'node',
    [join(root, 'tests/bench/faults/proxy.mjs'), String(port), ...upstreamPorts.map(String)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  track(child);
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', () => reject(new Error('the proxy did not start')));
  });
  return child;
}

async function proxyStats(port) {
  return new Promise((resolve, reject) =>
    http
      .get({ host: '127.0.0.1', port, path: '/__proxy/stats' }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
      })
      .on('error', reject),
  );
}

/** Polls /api/health on each instance directly (not through the proxy), recording every answer. */
function pollHealth(ports) {
  const poller = { samples: [], stopped: false, done: null };
  poller.done = Promise.all(
    ports.map(async (port) => {
      while (!poller.stopped) {
        const sentAt = clock();
        const status = await probe(port, '/api/health');
        poller.samples.push({ port, sentAt, doneAt: clock(), status });
        await sleep(HEALTH_POLL_MS);
      }
    }),
  );
  return poller;
}

/** Runs one claim wave; `fault` (if any) strikes once a third of the stock is claimed. */
async function runWave(traffic, databaseUrl, place, workers, label, fault) {
  // A connection per release: one held across the database restart would not survive it.
  const connection = await createConnection(databaseUrl);
  const benefitId = await seedBenefit(connection, place, `故障演练 ${label}`, PROFILE.stock);
  await connection.end();
  const wave = claimWave(traffic, workers, {
    benefitId,
    stationId: place.stationId,
    concurrency: PROFILE.claimLoops,
  });
  let finished = false;
  wave.done.then(() => (finished = true));
  let faultResult;
  if (fault) {
    await until(() => finished || wave.created >= PROFILE.stock / 3, 120_000, `claims in ${label}`);
    faultResult = await fault();
  }
  await wave.done;
  return { benefitId, outcomes: wave.outcomes, faultResult };
}

/** kill -9 one instance mid-release; its supervisor starts it again after a second. */
async function killInstance(instances, index, databaseUrl) {
  const victim = instances[index];
  const killedAt = clock();
  victim.child.kill('SIGKILL');
  await victim.exited;
  await sleep(RESTART_DELAY_MS);
  instances[index] = await startInstance(victim.port, databaseUrl, false);
  return { port: victim.port, from: killedAt, to: clock() };
}

/** kill -9 MariaDB, keep it down, start it again; health is watched on every instance throughout. */
async function restartDatabase(instances) {
  const ports = instances.map((i) => i.port);
  const pids = instances.map((i) => i.child.pid);
  const poller = pollHealth(ports);
  await sleep(300); // a few healthy answers first
  const killedAt = clock();
  await db.kill();
  await sleep(DB_DOWN_MS);
  const startedAt = clock();
  await db.start();
  const readyAt = clock();
  const backAt = {};
  try {
    await until(
      () => {
        for (const port of ports) {
          const up = poller.samples.find((s) => s.port === port && s.sentAt >= startedAt && s.status === 200);
          if (up) backAt[port] = up.doneAt;
        }
        return ports.every((port) => backAt[port] !== undefined);
      },
      RECOVERY_LIMIT_MS,
      'health to report up again',
    );
  } catch {
    // reported below as an instance whose health never came back
  }
  poller.stopped = true;
  await poller.done;
  const health = ports.map((port) => {
    const samples = poller.samples.filter((s) => s.port === port);
    const down = samples.find((s) => s.sentAt >= killedAt && s.status === 503);
    // Down means from the kill (plus a moment for the API to see its sockets close) until mariadbd is
    // launched again; once launched, the API may reach it before our own readiness probe does.
    const whileDown = samples.filter((s) => s.sentAt >= killedAt + 200 && s.doneAt <= startedAt);
    return {
      port,
      downAfter: down ? down.doneAt - killedAt : null,
      upAfter: backAt[port] === undefined ? null : backAt[port] - startedAt,
      whileDown: whileDown.length,
      notDown: whileDown
        .filter((s) => s.status !== 503)
        .map((s) => `${s.status || 'no answer'} at +${((s.sentAt - killedAt) / 1000).toFixed(2)} s`),
    };
  });
  const samePids = instances.every((i, n) => i.child.pid === pids[n] && i.child.exitCode === null);
  return {
    from: killedAt,
    startedAt,
    readyAt,
    to: Math.max(readyAt, ...Object.values(backAt)),
    health,
    samePids,
  };
}

/** The API's own error log lines, grouped by message and origin: what the 5xx were. */
function loggedErrors() {
  const counts = new Map();
  for (const file of apiPorts.map((port) => join(db.dir, `api-${port}.log`))) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line);
        if (entry.level < 50) continue;
        // The first frame in the API's own code says which feature failed (the entry has no route).
        const origin = /dist\/modules\/[^:]+\/([\w.-]+\.js)/.exec(entry.err?.stack ?? '')?.[1];
        const message = `${String(entry.err?.message ?? entry.msg ?? '').slice(0, 70)}${origin ? ` (${origin})` : ''}`;
        counts.set(message, (counts.get(message) ?? 0) + 1);
      } catch {
        // not a log record
      }
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function phaseRow(phase, exchanges) {
  const inPhase = exchanges.filter((e) => e.doneAt >= phase.from && e.doneAt < phase.to);
  const seconds = (phase.to - phase.from) / 1000;
  const answered = (kind) =>
    inPhase.filter((e) => e.kind === kind && e.status !== 0 && e.status < 500).length;
  const count = (test) => inPhase.filter(test).length;
  return [
    phase.name,
    seconds.toFixed(1),
    (inPhase.length / seconds).toFixed(0),
    (answered('claim') / seconds).toFixed(0),
    (answered('quiz start') / seconds).toFixed(1),
    count((e) => e.status === 500),
    count((e) => e.status === 503),
    count((e) => e.status === 502 || e.status === 504),
    count((e) => e.status === 0),
  ];
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    `  ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')}`;
  console.log(line(header));
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

const failed = (e) => e.status === 0 || e.status >= 500;
const overlaps = (e, w) => e.sentAt < w.to && e.doneAt >= w.from;
const secs = (ms) => (ms === null ? 'never' : `${(ms / 1000).toFixed(2)} s`);

let apiPorts = [];
let exitCode = 0;
const cleanUp = async () => {
  for (const child of children) child.kill('SIGKILL');
  await db?.destroy();
};
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => cleanUp().finally(() => process.exit(130)));
try {
  if (!process.argv.includes('--no-build')) {
    console.log('Building the API…');
    await buildApi();
  }
  db = new PrivateMariaDb(await freePort());
  db.install();
  await db.start();
  const server = await createConnection(db.url);
  await server.query('CREATE DATABASE jingcai_faults CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  await server.end();
  const databaseUrl = `${db.url}/jingcai_faults`;

  apiPorts = [await freePort(), await freePort()];
  // The first instance applies the migrations; the second (and any restart) finds them applied.
  const instances = [await startInstance(apiPorts[0], databaseUrl, true)];
  instances.push(await startInstance(apiPorts[1], databaseUrl, false));
  const proxyPort = await freePort();
  await startProxy(proxyPort, apiPorts);

  const setup = await createConnection(databaseUrl);
  const place = await seedPlace(setup);
  const workers = await seedWorkers(setup, place.orgId, PROFILE.workers, 'faults');
  const quizWorkers = await seedWorkers(setup, place.orgId, PROFILE.quizWorkers, 'faults-quiz');
  const { campaignId, answers } = await seedJudgeCampaign(setup, {
    ownerOrgId: place.orgId,
    title: '故障演练答题',
  });
  await setup.end();

  console.log(
    `Fault run (${PROFILE.name}): 2 API instances (:${apiPorts.join(', :')}) behind a round-robin proxy (:${proxyPort}), private MariaDB on :${db.port}.`,
  );
  console.log(
    `Claims: 4 releases of stock ${PROFILE.stock}, each raced by ${PROFILE.workers} workers × 2 taps (${PROFILE.claimLoops * 2} in flight). ` +
      `Quiz: ${PROFILE.quizWorkers} workers, start + 2 × 交卷 in ${PROFILE.quizLoops} loops, throughout.\n`,
  );

  const traffic = new Traffic(proxyPort, clock);
  const quiz = quizLoop(traffic, quizWorkers, { campaignId, answers, concurrency: PROFILE.quizLoops });
  const phases = [];
  const phase = async (name, work) => {
    const from = clock();
    const result = await work();
    phases.push({ name, from, to: clock() });
    return result;
  };
  const wave = (label, fault) => runWave(traffic, databaseUrl, place, workers, label, fault);
  const waves = [];
  waves.push(await phase('steady', () => wave('steady')));
  const killWave = await phase('kill -9 API', () =>
    wave('kill', () => killInstance(instances, 0, databaseUrl)),
  );
  waves.push(killWave);
  const proxyAfterKill = await proxyStats(proxyPort);
  const dbWave = await phase('DB restart', () => wave('db', () => restartDatabase(instances)));
  waves.push(dbWave);
  waves.push(await phase('recovered', () => wave('recovered')));
  quiz.stopped = true;
  await quiz.done;
  const proxyAtEnd = await proxyStats(proxyPort);

  const exchanges = traffic.exchanges;
  printTable(
    ['phase', 's', 'req/s', 'claim answers/s', 'quiz attempts/s', '500', '503', '502/504', 'no answer'],
    phases.map((p) => phaseRow(p, exchanges)),
  );

  const kill = killWave.faultResult;
  const outage = dbWave.faultResult;
  const windows = [kill, outage];
  const failedIn = (w) => exchanges.filter((e) => failed(e) && overlaps(e, w));
  const byStatus = (list) =>
    Object.entries(
      list.reduce((m, e) => ({ ...m, [e.status || 'reset']: (m[e.status || 'reset'] ?? 0) + 1 }), {}),
    )
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ') || 'none';
  console.log('\nFaults');
  const checks = [];
  const killErrors = failedIn(kill);
  const servedAfter = proxyAtEnd.perUpstream[kill.port] - proxyAfterKill.perUpstream[kill.port];
  console.log(
    `  kill -9 of :${kill.port} at ${secs(kill.from)}; restarted after ${RESTART_DELAY_MS / 1000} s, healthy again after ${secs(kill.to - kill.from)}`,
  );
  console.log(
    `    failed requests in that window: ${killErrors.length} (${byStatus(killErrors)}), each retried by its worker`,
  );
  checks.push({
    label: `restarted :${kill.port} serves again`,
    value: `${servedAfter} requests in later phases`,
    ok: servedAfter > 0,
  });
  const outageErrors = failedIn(outage);
  console.log(
    `  kill -9 of MariaDB at ${secs(outage.from)}; launched again ${secs(outage.startedAt - outage.from)} later, accepting connections ${secs(outage.readyAt - outage.startedAt)} after that`,
  );
  console.log(
    `    failed requests in that window: ${outageErrors.length} (${byStatus(outageErrors)}), each retried by its worker`,
  );
  for (const h of outage.health) {
    console.log(
      `    /api/health on :${h.port}: 503 after ${secs(h.downAfter)} from the kill; ${h.whileDown - h.notDown.length}/${h.whileDown} polls 503 while down; 200 again ${secs(h.upAfter)} after mariadbd was launched`,
    );
    checks.push(
      {
        label: `health :${h.port} reports down while the DB is down`,
        value: h.notDown.length ? h.notDown.join(', ') : 'every poll 503',
        ok: h.downAfter !== null && h.notDown.length === 0,
      },
      {
        label: `health :${h.port} reports up after, without a restart`,
        value: secs(h.upAfter),
        ok: h.upAfter !== null && outage.samePids,
      },
    );
  }
  const outside = exchanges.filter((e) => failed(e) && !windows.some((w) => overlaps(e, w)));
  checks.push({
    label: 'failed requests outside the fault windows',
    value: outside.length
      ? `${outside.length} (${byStatus(outside)}; first: ${outside
          .slice(0, 3)
          .map((e) => `${e.kind} sent at ${secs(e.sentAt)}`)
          .join(', ')})`
      : 0,
    ok: outside.length === 0,
  });
  console.log(
    `  proxy: ${proxyAtEnd.requests} requests, ${proxyAtEnd.refusedSkips} refused connects sent to the other instance, ${proxyAtEnd.gatewayErrors} answered 502/504`,
  );
  const errors = loggedErrors();
  if (errors.length) {
    console.log('  API error log (top messages):');
    for (const [message, n] of errors.slice(0, 5)) console.log(`    ${String(n).padStart(5)} × ${message}`);
  }

  const verifier = await createConnection(databaseUrl);
  checks.push(
    ...(await checkClaims(
      verifier,
      waves.map((w) => ({ benefitId: w.benefitId, outcomes: w.outcomes })),
    )),
  );
  checks.push(...(await checkQuiz(verifier, campaignId, quiz)));
  await verifier.end();

  console.log('\nInvariants');
  for (const c of checks) console.log(`  ${c.ok ? '✓' : '✗'} ${c.label.padEnd(52)} ${c.value}`);
  const broken = checks.filter((c) => !c.ok);
  if (broken.length) {
    console.error(`\nINVARIANT BROKEN: ${broken.map((c) => c.label).join('; ')}`);
    exitCode = 1;
  }
  console.log(`\nTotal ${secs(clock())}.`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
