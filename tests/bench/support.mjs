// What the read-path benchmarks (quiz, reading) share: building and starting one API instance on a fresh
// database, an org tree to rank, a closed-loop load generator, and the report line that prints a figure
// next to its raw-mysql2 baseline.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';
import { apiEnv, createDatabase, dropDatabase, signAccessToken } from './claims/fixtures.mjs';
import { PrivateMariaDb } from './faults/mariadb.mjs';

const root = new URL('../../', import.meta.url).pathname;

/**
 * The benches' ports are BENCH_PORT_BASE (3300) plus a fixed offset each, so two people benching on one
 * machine can keep apart.
 */
export const benchPort = (offset) => Number(process.env.BENCH_PORT_BASE ?? 3300) + offset;

/**
 * CPU seconds (user + system) a process has used so far, from /proc. Per request it says how much of the
 * two shared cores a server spends, which is steadier than throughput on a noisy machine.
 */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** A process's resident memory in MB, from /proc: a heap that grows round to round shows here. */
export function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}

/** Builds the shared package and the API (the benchmark runs the production build). */
export async function buildApi() {
  await new Promise((resolve, reject) =>
    spawn('pnpm', ['--filter', '@jingcai/shared', '--filter', '@jingcai/api', 'run', 'build'], {
      cwd: root,
      stdio: 'ignore',
    }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error('build failed')))),
  );
}

/**
 * Node's flags for the API as production starts it: those of `start:prod` in apps/api/package.json (a larger
 * young generation: a quarter less CPU per quiz start + submit, by fewer scavenges), so a bench measures that.
 */
export const API_NODE_FLAGS = (() => {
  const script = JSON.parse(readFileSync(new URL('../../apps/api/package.json', import.meta.url), 'utf8'))
    .scripts['start:prod'];
  const [node, ...rest] = script.split(/\s+/);
  if (node !== 'node' || rest.at(-1) !== 'dist/main.js') throw new Error(`unexpected start:prod: ${script}`);
  return rest.slice(0, -1);
})();

/**
 * BENCH_CPU_PROFILE=<dir>: Node's flags for a V8 CPU profile of a server for the run, named by `side` (api,
 * baseline), so the two sides' profiles can be compared; none without it.
 */
export function cpuProfileArgs(side) {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return [];
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    `--cpu-prof-name=${side}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.cpuprofile`,
  ];
}

/**
 * SIGTERM, then the child's exit (at most 10 s): a server profiled with BENCH_CPU_PROFILE writes its profile
 * as it exits, and a run that closed its database and exited first left the API's profile unwritten.
 */
export function stopped(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** One production API instance on `databaseUrl` (migrations applied at start); resolves once healthy. */
export async function startApi(databaseUrl, port) {
  const api = spawn('node', [...API_NODE_FLAGS, ...cpuProfileArgs('api'), 'apps/api/dist/main.js'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...apiEnv(port, databaseUrl) },
  });
  for (let i = 0; i < 150; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) return api;
    await sleep(200);
  }
  api.kill('SIGTERM');
  throw new Error('the API did not come up');
}

/**
 * A client of the API on `port`, calling as `userId` with a token signed as the API signs them. Plain
 * node:http on keep-alive connections, each worker's token signed once: the load generator shares the two
 * cores with the API and MariaDB, and fetch() with a fresh token per call cost it about as much CPU as a
 * quiz attempt costs the API.
 */
export function apiClient(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const tokens = new Map();
  const tokenOf = (userId) => {
    if (!tokens.has(userId)) tokens.set(userId, signAccessToken(userId));
    return tokens.get(userId);
  };
  const call = (method, path, userId, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          agent,
          host: '127.0.0.1',
          port,
          path: `/api${path}`,
          method,
          headers: {
            authorization: `Bearer ${tokenOf(userId)}`,
            ...(payload === undefined
              ? {}
              : {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }),
          },
        },
        (res) => {
          // Read the whole body, as a client does: the latency includes it.
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const ok = res.statusCode >= 200 && res.statusCode < 300;
            resolve({
              ok,
              status: res.statusCode,
              json: () => JSON.parse(text),
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return {
    get: (path, userId) => call('GET', path, userId),
    post: (path, userId, body) => call('POST', path, userId, body),
  };
}

/**
 * A district with 5 streets and 54 enterprises under them (60 orgs): what the org rankings roll up.
 * Returns the district id and the enterprises (the leaves workers belong to).
 */
export async function seedOrgTree(pool, { memberCount = 500 } = {}) {
  const [district] = await pool.query(
    "INSERT INTO orgs (name, kind, path, depth, member_count) VALUES ('压测区总工会', 'district', '', 0, 30000)",
  );
  await pool.query('UPDATE orgs SET path = ? WHERE id = ?', [`/${district.insertId}/`, district.insertId]);
  const leaves = [];
  for (let s = 0; s < 5; s++) {
    const [street] = await pool.query(
      "INSERT INTO orgs (name, kind, parent_id, path, depth, member_count) VALUES (?, 'street', ?, '', 1, 6000)",
      [`街道${s}`, district.insertId],
    );
    const streetPath = `/${district.insertId}/${street.insertId}/`;
    await pool.query('UPDATE orgs SET path = ? WHERE id = ?', [streetPath, street.insertId]);
    for (let e = 0; e < 11 - (s === 4 ? 1 : 0); e++) {
      const [ent] = await pool.query(
        "INSERT INTO orgs (name, kind, parent_id, path, depth, member_count) VALUES (?, 'enterprise', ?, '', 2, ?)",
        [`企业${s}-${e}`, street.insertId, memberCount],
      );
      const path = `${streetPath}${ent.insertId}/`;
      await pool.query('UPDATE orgs SET path = ? WHERE id = ?', [path, ent.insertId]);
      leaves.push({ id: ent.insertId, path });
    }
  }
  const [[{ orgCount }]] = await pool.query('SELECT COUNT(*) AS orgCount FROM orgs');
  return { districtId: district.insertId, leaves, orgCount: Number(orgCount) };
}

/** `count` workers spread over `leaves`, inserted in bulk; returns the first user id (ids are consecutive). */
export async function seedWorkersIn(pool, leaves, count, prefix) {
  let firstUser = 0;
  for (let i = 0; i < count; i += 5000) {
    const rows = [];
    for (let j = i; j < Math.min(count, i + 5000); j++)
      rows.push([`${prefix}-${j}`, `职工${j}`, leaves[j % leaves.length].id]);
    const [r] = await pool.query('INSERT INTO users (openid, real_name, org_id) VALUES ?', [rows]);
    if (i === 0) firstUser = r.insertId;
  }
  return firstUser;
}

/** Runs `total` calls of `fn` with `concurrency` in flight; returns throughput and latency percentiles. */
export async function measure(concurrency, total, fn) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        if (!(await fn(i).catch(() => false))) failures++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { perSecond: total / seconds, p50: pct(50), p95: pct(95), p99: pct(99), failures };
}

/** One line: the API's figure, the raw baseline's, and their ratio (raw ÷ API for latency, API ÷ raw for throughput). */
export function reportRow(label, api, raw, unit, key) {
  const ratio = key === 'perSecond' ? api[key] / raw[key] : raw[key] / api[key];
  console.log(
    `  ${label.padEnd(40)} API ${api[key].toFixed(1).padStart(7)} ${unit}   raw mysql2 ${raw[key].toFixed(1).padStart(7)} ${unit}   ratio ${ratio.toFixed(2)}${api.failures ? `   (${api.failures} failed)` : ''}`,
  );
  // Where a latency percentile sits in its spread: a tail from a pause reads differently from a slow median.
  if (key !== 'perSecond') {
    const spread = (run) => `p50 ${run.p50.toFixed(1)} / p99 ${run.p99.toFixed(1)}`;
    console.log(`  ${''.padEnd(40)} (API ${spread(api)} ${unit}; raw ${spread(raw)} ${unit})`);
  }
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Whether a server's CPU per request held steady across the measured rounds: the last round within 10% of the
 * first (the host's speed drifts, so a small wobble is noise; a steady climb is a leak or a growing table).
 */
export function cpuTrend(perRound) {
  const change = perRound[perRound.length - 1] / perRound[0] - 1;
  const flat = change <= 0.1;
  const rounds = perRound.map((v) => v.toFixed(2)).join(' → ');
  return `${rounds} ms (${change >= 0 ? '+' : ''}${(change * 100).toFixed(0)}% first to last): ${flat ? 'flat' : 'GROWING'}`;
}

/** Statements the server has executed (all clients): only the benchmark talks to its database while a step runs. */
export async function statementsSoFar(db) {
  const [[row]] = await db.query("SHOW GLOBAL STATUS LIKE 'Questions'");
  return Number(row.Value);
}

/**
 * The database a bench runs on. By default a private MariaDB of its own (tests/bench/faults/mariadb.mjs) on
 * BENCH_PORT_BASE + 16 (+ 6 was 3306 by default, the shared server's own port, which the wait for the private
 * one could then reach instead): the server's statement counter ('Questions') is global, and on the shared server at
 * TEST_DATABASE_SERVER every other test run's statements were counted as the bench's. BENCH_SHARED_DB=1 uses
 * the shared server instead (then the statement figures are an upper bound).
 */
export async function benchDatabase(name) {
  if (process.env.BENCH_SHARED_DB === '1') {
    const url = await createDatabase(name);
    return { url, close: () => dropDatabase(name).catch(() => undefined) };
  }
  const server = new PrivateMariaDb(benchPort(16));
  server.install();
  await server.start();
  const admin = await createConnection(server.url);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return { url: `${server.url}/${name}`, close: () => server.destroy() };
}
