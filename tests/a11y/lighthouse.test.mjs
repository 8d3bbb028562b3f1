/**
 * Lighthouse accessibility scores (issue 20: ≥ 95) on the H5 home, the H5 quiz page and the console dashboard,
 * signed in. chrome-launcher starts Chromium with DevTools on a free port; Playwright attaches to it over CDP
 * and signs in through the real login pages. Lighthouse, the tests package's own dependency (no npx: this
 * network has no registry for it), then audits in that same browser with storage kept (`disableStorageReset`).
 * The H5 session is in localStorage, which every tab shares. The console's is in sessionStorage, which is per
 * tab: its audit runs in a tab (through Lighthouse's puppeteer-core) that is given the session first.
 * Runs against `pnpm demo`, like the journeys (pnpm test runs it after the console tests):
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ CONSOLE_URL=http://127.0.0.1:10300/ \
 *     node --test tests/a11y/lighthouse.test.mjs
 * Reports land in tests/e2e/artifacts/lighthouse-<page>.json.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { ARTIFACTS, H5_URL } from '../e2e/support/browser.mjs';

const { API_BASE, CONSOLE_URL } = process.env;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MIN_SCORE = 95;
/** Where the console keeps its session (apps/console/src/session/session-store.ts). */
const CONSOLE_SESSION_KEY = 'jingcai.console.session';
// Lighthouse's own puppeteer-core: a page handed to Lighthouse must come from the puppeteer it was built with.
const puppeteer = createRequire(import.meta.resolve('lighthouse'))('puppeteer-core');

test('Lighthouse accessibility ≥ 95 on the H5 home, a quiz page and the console dashboard', { timeout: 600_000 }, async (t) => {
  assert.ok(API_BASE && H5_URL && CONSOLE_URL, 'run against pnpm demo (API_BASE, H5_URL, CONSOLE_URL)');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'jc-lh-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    userDataDir: profile,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync'],
  });
  t.after(async () => {
    await chrome.kill();
    await rm(profile, { recursive: true, force: true });
  });
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const page = await browser.contexts()[0].newPage();
  await page.setViewportSize({ width: 375, height: 812 });

  // The seeded worker consented long ago: dev login lands on 首页.
  await page.goto(H5_URL);
  await page.locator('input[placeholder^="输入任意 openid"]').filter({ visible: true }).fill('demo-worker');
  await page.locator('.nut-button').filter({ hasText: /^\s*登录\s*$/, visible: true }).click();
  await page.getByText('工会服务', { exact: true }).filter({ visible: true }).waitFor();
  // The console keeps its own session, in its own origin.
  await page.goto(new URL('/login', CONSOLE_URL).href);
  await page.getByRole('button', { name: '区总工会管理员 王主席', exact: true }).click();
  await page.getByText('退出登录').first().waitFor();
  const consoleSession = await page.evaluate((key) => sessionStorage.getItem(key), CONSOLE_SESSION_KEY);
  assert.ok(consoleSession, 'signed in to the console');
  await page.close();
  // Lighthouse drives the browser from here; Playwright lets go of it without closing it.
  await browser.close();

  await mkdir(ARTIFACTS, { recursive: true });
  const scores = {
    'h5-home': await audit(chrome.port, 'h5-home', `${H5_URL}#/pages/home/index`, 'mobile'),
    'h5-quiz': await audit(chrome.port, 'h5-quiz', `${H5_URL}#/packages/quiz/pages/index/index`, 'mobile'),
    'console-dashboard': await audit(chrome.port, 'console-dashboard', CONSOLE_URL, 'desktop', consoleSession),
  };
  console.log(`lighthouse accessibility: ${JSON.stringify(scores)}`);
  for (const [name, score] of Object.entries(scores)) assert.ok(score >= MIN_SCORE, `${name}: ${score} (see lighthouse-${name}.json)`);
});

/** Audits `url`; with `session`, in a tab whose sessionStorage holds the console session. */
async function audit(port, name, url, formFactor, session) {
  const flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['accessibility'],
    disableStorageReset: true,
  };
  const config = formFactor === 'desktop' ? desktopConfig : undefined;
  let result;
  if (session) {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
    try {
      const tab = await browser.newPage();
      await tab.goto(new URL('/login', url).href);
      await tab.evaluate((key, value) => sessionStorage.setItem(key, value), CONSOLE_SESSION_KEY, session);
      result = await lighthouse(url, flags, config, tab);
      await tab.close();
    } finally {
      await browser.disconnect();
    }
  } else {
    result = await lighthouse(url, flags, config);
  }
  assert.ok(result, `lighthouse returned nothing for ${url}`);
  // Signed out, the app would have sent Lighthouse to its login page: that is not the page asked for.
  assert.ok(!isLoginPage(result.lhr.finalDisplayedUrl), `${name} ended on ${result.lhr.finalDisplayedUrl}`);
  await writeFile(path.join(ARTIFACTS, `lighthouse-${name}.json`), result.report);
  const failing = Object.values(result.lhr.audits)
    .filter((a) => a.score === 0 && a.scoreDisplayMode === 'binary')
    .map((a) => a.id);
  if (failing.length) console.log(`lighthouse ${name}: failing audits ${failing.join(', ')}`);
  return Math.round(result.lhr.categories.accessibility.score * 100);
}

/** Either app's login page: the console's is a path (`/login`); the H5 app routes by hash (`#/pages/login/index`). */
function isLoginPage(href) {
  const { pathname, hash } = new URL(href);
  return pathname.startsWith('/login') || hash.startsWith('#/pages/login');
}
