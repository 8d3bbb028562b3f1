/**
 * What every browser journey needs: the environment it runs against, Chromium, and locators that only see
 * what the worker sees. Not a journey itself (journeys.test.mjs loads `*.journey.mjs` only).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAuditedPage } from '../../support/chromium.mjs';

export const { API_BASE, H5_URL } = process.env;
export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');
const STEP_TIMEOUT_MS = 15_000;

/**
 * Checks the environment and the API, then opens a phone-sized page, audited by axe on every route it shows;
 * the browser closes when the test ends.
 * `contextOptions` adds to Playwright's context options (e.g. a granted geolocation).
 */
export async function openPhone(t, contextOptions = {}) {
  assert.ok(API_BASE && H5_URL, 'set API_BASE (e.g. http://127.0.0.1:3000/api) and H5_URL (e.g. http://127.0.0.1:10086/)');
  await assertDevLoginEnabled();
  const page = await openAuditedPage(t, {
    artifacts: ARTIFACTS,
    context: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN', ...contextOptions },
  });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return page;
}

/** Runs the journey's steps; on failure leaves `<name>-failure.png` in the artifacts folder. */
export async function withFailureScreenshot(page, name, steps) {
  try {
    await steps();
  } catch (error) {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-failure.png`) }).catch(() => undefined);
    throw error;
  }
}

/** Taro's H5 router keeps pages that are not on screen in the DOM; only what the worker sees counts. */
export function visible(locator) {
  return locator.filter({ visible: true });
}

/** A NutUI button by its exact label (its label element does not take pointer events; the button does). */
export function button(page, label) {
  return visible(page.locator('.nut-button').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }));
}

/** A NutUI cell (a row in 我的) by its title. */
export function cell(page, title) {
  return visible(page.locator('.nut-cell').filter({ has: page.getByText(title, { exact: true }) }));
}

/** A tab of the H5 tab bar (首页, 服务, 我的) by its label. */
export function tab(page, label) {
  return visible(page.locator('.weui-tabbar__item').filter({ has: page.getByText(label, { exact: true }) }));
}

/** Dev login on the H5 login page with `openid`; a new openid is a brand-new worker. */
export async function devLoginInBrowser(page, openid) {
  await page.goto(H5_URL);
  await visible(page.getByText('其他 openid', { exact: true })).waitFor();
  await visible(page.locator('input[placeholder^="输入任意 openid"]')).fill(openid);
  await button(page, '登录').click();
}

/** The API directly, as another person (staff, admin) would act through the console. */
export async function apiLogin(openid) {
  return apiCall('POST', '/auth/dev/login', { body: { openid } });
}

export async function apiCall(method, pathAndQuery, { token, body } = {}) {
  const response = await fetch(`${API_BASE}${pathAndQuery}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${pathAndQuery} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function assertDevLoginEnabled() {
  const response = await fetch(`${API_BASE}/auth/dev/users`).catch((error) => {
    throw new Error(`API not reachable at ${API_BASE}: ${error.message}`);
  });
  assert.equal(response.status, 200, `GET ${API_BASE}/auth/dev/users answered ${response.status}: start the API with AUTH_DEV_LOGIN=true`);
}
