#!/usr/bin/env node
// Lints the API's OpenAPI document with Spectral's OWASP API Security ruleset (issue 9, "Surface").
//
// The document is the one the API serves: the built API (`apps/api/dist/main.js`) is started on a throw-away
// embedded SQLite file — no MySQL needed — and `/api/docs-json` is fetched from it. Rules that do not fit this
// product are turned off or downgraded in `.spectral.yaml` beside this file, each with its reason.
//
//   node tests/surface/openapi.mjs             build shared + API, then lint
//   node tests/surface/openapi.mjs --no-build  lint the existing build
// The document is left in tests/surface/artifacts/openapi.json.
//
// Exit codes: 0 no error or warning; 1 findings (printed); 2 the document could not be obtained.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = new URL('../../', import.meta.url).pathname;
const here = new URL('./', import.meta.url).pathname;
const spectralBin = join(root, 'tests/node_modules/.bin/spectral');

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the built API on an empty SQLite file and returns the OpenAPI document it serves. */
async function fetchDocument(dir) {
  const port = await freePort();
  let stderr = '';
  const api = spawn('node', ['apps/api/dist/main.js'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: '',
      SQLITE_PATH: join(dir, 'surface.sqlite'),
      UPLOAD_DIR: join(dir, 'uploads'),
      DEMO_SEED: 'false',
      API_DOCS: 'true',
      CARE_SWEEP_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
    },
  });
  api.stderr.on('data', (chunk) => (stderr += chunk));
  try {
    for (let i = 0; i < 150; i++) {
      if (api.exitCode !== null) break;
      const res = await fetch(`http://127.0.0.1:${port}/api/docs-json`).catch(() => null);
      if (res?.ok) return await res.json();
      await sleep(200);
    }
    throw new Error(`the API did not serve /api/docs-json\n${stderr}`);
  } finally {
    api.kill('SIGTERM');
  }
}

const build = !process.argv.includes('--no-build');
if (build) {
  const code = await run(
    'pnpm',
    ['--filter', '@jingcai/shared', '--filter', '@jingcai/api', 'run', 'build'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (code !== 0) {
    console.error('surface/openapi: the API build failed');
    process.exit(2);
  }
}

/** Fetches the document, lints it, prints the findings; returns the exit code. */
async function lint(dir) {
  let document;
  try {
    document = await fetchDocument(dir);
  } catch (error) {
    console.error(`surface/openapi: could not obtain the OpenAPI document: ${error.message}`);
    return 2;
  }
  // Kept beside the ruleset (gitignored): its overrides name the document's public operations by path.
  const documentPath = join(here, 'artifacts', 'openapi.json');
  await mkdir(dirname(documentPath), { recursive: true });
  await writeFile(documentPath, JSON.stringify(document, null, 2));
  const reportPath = join(dir, 'spectral.json');
  // Spectral prints its own findings (stylish) and writes them as JSON for the summary below.
  const code = await run(spectralBin, [
    'lint',
    documentPath,
    '--ruleset',
    join(here, '.spectral.yaml'),
    '--format',
    'stylish',
    '--output.stylish',
    '<stdout>',
    '--format',
    'json',
    '--output.json',
    reportPath,
    '--fail-severity',
    'warn',
  ]);
  const findings = JSON.parse(await readFile(reportPath, 'utf8').catch(() => '[]'));
  const severities = ['error', 'warn', 'info', 'hint'];
  const byRule = new Map();
  for (const f of findings) {
    const key = `${severities[f.severity] ?? f.severity} ${f.code}`;
    byRule.set(key, (byRule.get(key) ?? 0) + 1);
  }
  const paths = Object.keys(document.paths ?? {}).length;
  console.log(`surface/openapi: ${paths} paths, ${findings.length} findings`);
  for (const [rule, count] of [...byRule].sort()) console.log(`  ${String(count).padStart(4)}  ${rule}`);
  const failing = findings.filter((f) => f.severity <= 1).length;
  if (failing > 0 || code !== 0) {
    console.log(`surface/openapi: FAILED (${failing} errors/warnings)`);
    return 1;
  }
  console.log('surface/openapi: passed (no errors or warnings)');
  return 0;
}

const dir = await mkdtemp(join(tmpdir(), 'jingcai-openapi-'));
const exitCode = await lint(dir).finally(() => rm(dir, { recursive: true, force: true }));
process.exit(exitCode);
