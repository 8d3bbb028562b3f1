/**
 * Lighthouse accessibility scores (issue 20: ≥ 95) on the H5 home, the H5 quiz page and the console dashboard,
 * signed in. Playwright signs in through the real login pages in a persistent Chromium profile that listens for
 * DevTools; the `lighthouse` CLI (fetched by npx, not a dependency of the repo) then audits in that same
 * browser with storage kept (`--disable-storage-reset`). Run through journeys.sh like the journeys:
 *   /work/briefs/journeys.sh <PORT_BASE> tests/a11y/lighthouse.test.mjs
 * Reports land in tests/e2e/artifacts/lighthouse-<page>.json.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { ARTIFACTS, H5_URL } from '../e2e/support/browser.mjs';

const { API_BASE, CONSOLE_URL } = process.env;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MIN_SCORE = 95;

test('Lighthouse accessibility ≥ 95 on the H5 home, a quiz page and the console dashboard', { timeout: 600_000 }, async (t) => {
  assert.ok(API_BASE && H5_URL && CONSOLE_URL, 'run through journeys.sh (API_BASE, H5_URL, CONSOLE_URL)');
  const port = Number(new URL(API_BASE).port) + 7;
  const context = await chromium.launchPersistentContext(await mkdtemp(path.join(os.tmpdir(), 'jc-lh-')), {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`],
    viewport: { width: 375, height: 812 },
  });
  t.after(() => context.close());
  const page = await context.newPage();

  // The seeded worker consented long ago: dev login lands on 首页.
  await page.goto(H5_URL);
  await page.locator('input[placeholder^="输入任意 openid"]').filter({ visible: true }).fill('demo-worker');
  await page.locator('.nut-button').filter({ hasText: /^\s*登录\s*$/, visible: true }).click();
  await page.getByText('工会服务', { exact: true }).filter({ visible: true }).waitFor();
  // The console keeps its own session, in its own origin.
  await page.goto(new URL('/login', CONSOLE_URL).href);
  await page.getByRole('button', { name: '区总工会管理员 王主席', exact: true }).click();
  await page.getByText('退出登录').first().waitFor();

  await mkdir(ARTIFACTS, { recursive: true });
  const scores = {
    'h5-home': await audit(port, 'h5-home', `${H5_URL}#/pages/home/index`, 'mobile'),
    'h5-quiz': await audit(port, 'h5-quiz', `${H5_URL}#/packages/quiz/pages/index/index`, 'mobile'),
    'console-dashboard': await audit(port, 'console-dashboard', CONSOLE_URL, 'desktop'),
  };
  console.log(`lighthouse accessibility: ${JSON.stringify(scores)}`);
  for (const [name, score] of Object.entries(scores)) assert.ok(score >= MIN_SCORE, `${name}: ${score}`);
});

async function audit(port, name, url, formFactor) {
  const output = path.join(ARTIFACTS, `lighthouse-${name}.json`);
  await promisify(execFile)(
    'npx',
    [
      '--yes',
      'lighthouse@12',
      url,
      `--port=${port}`,
      '--only-categories=accessibility',
      '--disable-storage-reset',
      ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
      '--output=json',
      `--output-path=${output}`,
      '--quiet',
    ],
    { timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(await readFile(output, 'utf8'));
  return Math.round(report.categories.accessibility.score * 100);
}
