#!/usr/bin/env node
/**
 * Records the responses the weapp load check replays: runs the vm harness's two passes over the built
 * dist/weapp against a real API (dev login enabled, e.g. `pnpm demo` or the journeys' demo), forwarding
 * every wx.request to it, and writes fixtures/signed-out.json and fixtures/signed-in.json.
 *
 *   API_BASE=http://127.0.0.1:3000/api node tests/weapp-load/record.mjs [--openid demo-worker]
 *
 * The build's own API base (TARO_APP_API_BASE at build time) is replaced by API_BASE. Writes are recorded
 * too but only GETs matter to the pages' first screen; the signed-in worker is a seeded one (dev login).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FIXTURES_DIR, requestKey } from './fixtures.mjs';
import { BUILD_API_BASE, DIST_DIR } from './paths.mjs';
import { runPass } from './harness/session-pass.mjs';

const { values } = parseArgs({ options: { openid: { type: 'string', default: 'demo-worker' } } });
const apiBase = (process.env.API_BASE ?? 'http://127.0.0.1:3000/api').replace(/\/+$/, '');

async function call(method, pathWithQuery, header = {}, data) {
  // wx.request labels every request application/json and sends a string body as it is.
  const body = method === 'GET' || data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data);
  const res = await fetch(`${apiBase}${pathWithQuery}`, {
    method,
    headers: Object.keys(header).some((name) => name.toLowerCase() === 'content-type')
      ? header
      : { 'content-type': 'application/json', ...header },
    body,
  });
  const text = await res.text();
  return { statusCode: res.status, data: text ? JSON.parse(text) : null };
}

async function record(pass, tokens) {
  const fixtures = {};
  const result = await runPass({
    distDir: DIST_DIR,
    apiBase: BUILD_API_BASE,
    tokens,
    respond: async ({ method, path: pathWithQuery, header, data }) => {
      // The harness's stub tokens are the recorded session's real ones here.
      const res = await call(method, pathWithQuery, header, data);
      fixtures[requestKey(method, pathWithQuery)] = res;
      return res;
    },
  });
  const file = path.join(FIXTURES_DIR, `${pass}.json`);
  writeFileSync(file, `${JSON.stringify(sortKeys(fixtures), null, 2)}\n`);
  const failing = result.pages.filter((page) => page.problems.length > 0);
  console.log(`${pass}: ${Object.keys(fixtures).length} responses → ${path.relative(process.cwd(), file)}`);
  for (const page of failing) console.log(`  ! ${page.route}: ${page.problems[0]}`);
}

function sortKeys(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

await record('signed-out', null);
const login = await call('POST', '/auth/dev/login', {}, { openid: values.openid });
if (login.statusCode !== 201 && login.statusCode !== 200) {
  throw new Error(`dev login as ${values.openid} failed: ${login.statusCode} ${JSON.stringify(login.data)}`);
}
await record('signed-in', { accessToken: login.data.accessToken, refreshToken: login.data.refreshToken });
process.exit(0);
