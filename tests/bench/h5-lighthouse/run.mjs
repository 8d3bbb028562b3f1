#!/usr/bin/env node
/**
 * `pnpm bench:h5`: Lighthouse (mobile form factor, its default simulated throttling) on the H5 build's first
 * load, for the login page and the home page, served by tests/e2e/serve-h5.mjs as production should serve it and
 * the browser journeys see it (brotli, long caching of hashed files; each audit starts with an empty cache).
 * Prints performance, LCP, TBT, the entry chunk and the JavaScript the first page runs (and what it weighed on the
 * wire); each figure is the median of RUNS runs (CPU-bound metrics move with the machine's load).
 *
 *   node tests/bench/h5-lighthouse/run.mjs [--runs 3] [--no-build] [--json out.json]
 *
 * Builds the H5 first unless --no-build. Chromium: /usr/bin/chromium (CHROME_PATH overrides).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DEFAULT_ROOT, serveH5 } from '../../e2e/serve-h5.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const runs = Number(values.runs);
const PAGES = [
  { name: 'login', hash: '#/pages/login/index' },
  { name: 'home', hash: '#/pages/home/index' },
];

if (!values['no-build']) {
  console.log('building the H5 (pnpm --filter @jingcai/miniapp build:h5)…');
  const build = spawnSync('pnpm', ['--filter', '@jingcai/miniapp', 'run', 'build:h5'], { cwd: root, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('H5 build failed');
}

const entry = entryChunk(DEFAULT_ROOT);
const server = await serveH5({ port: 0 });
const profile = await mkdtemp(path.join(tmpdir(), 'jingcai-lighthouse-'));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  userDataDir: profile,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

const results = [];
try {
  for (const page of PAGES) {
    const samples = [];
    for (let i = 0; i < runs; i += 1) samples.push(await audit(`${server.url}${page.hash}`, chrome.port));
    results.push({ page: page.name, ...medians(samples) });
  }
} finally {
  await chrome.kill();
  server.close();
  await rm(profile, { recursive: true, force: true });
}

console.log(`\nH5 first load, Lighthouse ${runs} run(s) per page, medians (mobile, simulated throttling):`);
console.log(`  entry chunk ${entry.file}: ${kb(entry.bytes)} (${kb(entry.initialBytes)} of JS and CSS in index.html)`);
for (const r of results) {
  console.log(
    `  ${r.page.padEnd(6)} performance ${String(r.performance).padStart(3)}  LCP ${(r.lcp / 1000).toFixed(1)} s  ` +
      `TBT ${Math.round(r.tbt)} ms  FCP ${(r.fcp / 1000).toFixed(1)} s  JS ${kb(r.scriptBytes)} (${kb(r.scriptTransfer)} on the wire)`,
  );
}
if (values.json) writeFileSync(values.json, JSON.stringify({ entry, results }, null, 2));

async function audit(url, port) {
  const { lhr } = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scripts = lhr.audits['network-requests'].details.items.filter((item) => item.resourceType === 'Script');
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    lcp: lhr.audits['largest-contentful-paint'].numericValue,
    tbt: lhr.audits['total-blocking-time'].numericValue,
    fcp: lhr.audits['first-contentful-paint'].numericValue,
    scriptBytes: scripts.reduce((sum, item) => sum + (item.resourceSize ?? 0), 0),
    scriptTransfer: scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
  };
}

function medians(samples) {
  const median = (key) => {
    const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  return Object.fromEntries(Object.keys(samples[0]).map((key) => [key, median(key)]));
}

/** The scripts index.html loads before any route runs: the largest one (the entry chunk) and all of them. */
function entryChunk(dir) {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/?((?:js|css)\/[^"]+)"/g)].map((m) => m[1]);
  const sized = assets.map((file) => ({ file, bytes: statSync(path.join(dir, file)).size }));
  const largest = sized.filter((a) => a.file.endsWith('.js')).sort((a, b) => b.bytes - a.bytes)[0];
  return { file: largest.file, bytes: largest.bytes, initialBytes: sized.reduce((sum, a) => sum + a.bytes, 0) };
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(0)} KB`;
}
