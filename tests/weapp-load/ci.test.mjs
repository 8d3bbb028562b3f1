// Layer 1 of `pnpm test:weapp-load`: WeChat's miniprogram-ci validates and compiles the project offline.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { requireBuild } from './build-check.mjs';
import { APP_DIR } from './paths.mjs';

const runner = path.join(path.dirname(fileURLToPath(import.meta.url)), 'checks/ci-run.mjs');

function ciCheckInChild() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, APP_DIR], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', () => {
      const line = out.split('\n').find((l) => l.startsWith('@@result '));
      if (!line) reject(new Error(`miniprogram-ci printed no result:\n${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice('@@result '.length)));
    });
  });
}

test('miniprogram-ci: app.json and every page JSON valid, project compiles, package sizes', async (t) => {
  requireBuild();
  const result = await ciCheckInChild();
  assert.equal(result.error, undefined, `miniprogram-ci: ${result.error}`);
  t.diagnostic(`${result.files} files compiled; package bytes: ${JSON.stringify(result.sizes)}`);
  assert.deepEqual(result.warnings, [], 'WeChat warns about the project');
  assert.deepEqual(result.failedChecks, [], 'WeChat code quality checks failed');
});
