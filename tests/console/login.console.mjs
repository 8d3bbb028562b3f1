/**
 * Signing in to the console: staff through the demo's user list and through the one-time code the
 * mini-program shows (POST /auth/console-code → typed into the login page); a worker is told the console
 * is not for them; signing out returns to the login page and forgets the session.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiCall,
  apiLogin,
  button,
  consoleUrl,
  DEMO,
  loginAsStaff,
  loginInBrowser,
  openConsole,
  screenshot,
  withFailureScreenshot,
} from './support/console.mjs';

test('staff sign in with a demo user and land on their own dashboard', async (t) => {
  const page = await openConsole(t);
  await withFailureScreenshot(page, 'login-demo', async () => {
    await page.goto(consoleUrl('/quiz/campaigns'));
    // Not signed in: the login page, which comes back to where the staff member was going.
    await page.getByRole('heading', { name: '京彩职工 · 工会管理后台' }).waitFor();
    await screenshot(page, 'login-page');
    await loginInBrowser(page, DEMO.staff.label);
    await page.getByRole('heading', { name: '答题活动', level: 3 }).waitFor();
    await page.getByText(`管理范围：${DEMO.staff.org}`).waitFor();

    await page.getByRole('link', { name: '工作台', exact: true }).click();
    await page.getByRole('heading', { name: '工作台', level: 3 }).waitFor();
    await page.getByText(`${DEMO.staff.org}及下级组织`).waitFor();
    await page.getByText('待审核入会申请').waitFor();
    await screenshot(page, 'dashboard');

    // The session is the tab's: a reload keeps it, signing out forgets it.
    await page.reload();
    await page.getByRole('heading', { name: '工作台', level: 3 }).waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '京彩职工 · 工会管理后台' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'no tokens left behind');
    await page.goto(consoleUrl('/'));
    await page.getByRole('heading', { name: '京彩职工 · 工会管理后台' }).waitFor();
  });
});

test('staff sign in with the one-time code from the mini-program; a used or wrong code is refused', async (t) => {
  const page = await openConsole(t);
  await withFailureScreenshot(page, 'login-code', async () => {
    // The mini-program side: the signed-in staff member asks for a code.
    const { accessToken } = await apiLogin(DEMO.staff.openid);
    const { code } = await apiCall('POST', '/auth/console-code', { token: accessToken });
    assert.match(code, /^\d{8}$/);

    await page.goto(consoleUrl('/login'));
    await page.getByRole('tab', { name: '登录码登录' }).click();
    const input = page.getByPlaceholder('8 位数字');
    await input.fill('1234');
    await button(page, '登录').click();
    await page.getByText('登录码为 8 位数字').waitFor();

    await input.fill(code);
    await button(page, '登录').click();
    await page.getByRole('heading', { name: '工作台', level: 3 }).waitFor();
    await page.getByText(`管理范围：${DEMO.staff.org}`).waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { name: '京彩职工 · 工会管理后台' }).waitFor();
    // The dashboard's requests (a full district's figures) may still be landing after sign-out, and a late
    // 401 redirect would show the login page afresh under the test's hands: start from a fresh load instead.
    await page.goto(consoleUrl('/login'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: '京彩职工 · 工会管理后台' }).waitFor();

    // The same code a second time: refused, with the API's reason on the page.
    await page.getByRole('tab', { name: '登录码登录' }).click();
    await input.fill(code);
    await button(page, '登录').click();
    await page.locator('.ant-alert-error').waitFor();
    assert.equal(await page.getByRole('button', { name: '退出登录' }).count(), 0, 'still signed out');
    await screenshot(page, 'login-code-refused');
  });
});

test('a plain worker who signs in is told they have no access', async (t) => {
  const page = await openConsole(t);
  await withFailureScreenshot(page, 'login-worker', async () => {
    await loginInBrowser(page, DEMO.worker.label);
    await page.getByText('没有管理权限').waitFor();
    assert.equal(await page.getByRole('menu').count(), 0, 'no console menu for a worker');
    await screenshot(page, 'login-no-access');
    await page.getByRole('button', { name: '换个账号登录' }).click();
    await page.getByRole('heading', { name: '京彩职工 · 工会管理后台' }).waitFor();
  });
});

test('an expired access token is refreshed once and the request retried', async (t) => {
  const page = await openConsole(t);
  await withFailureScreenshot(page, 'login-refresh', async () => {
    await loginAsStaff(page);
    const before = await page.evaluate(() => JSON.parse(sessionStorage.getItem('jingcai.console.session')));
    // The next list request answers as the API does for an expired token; the console refreshes and retries.
    let expired = 0;
    let refreshed = 0;
    await page.route('**/api/membership/applications?**', async (route) => {
      if (expired === 0) {
        expired += 1;
        await route.fulfill({
          status: 401,
          contentType: 'application/json',
          headers: { 'access-control-allow-origin': new URL(page.url()).origin },
          body: JSON.stringify({ code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' }),
        });
      } else {
        await route.continue();
      }
    });
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/auth/refresh')) refreshed += 1;
    });
    await page.getByRole('menuitem', { name: '入会审核' }).click();
    await page.getByRole('heading', { name: '入会审核', level: 3 }).waitFor();
    await page.locator('.ant-table').waitFor();
    // The table shows its placeholder while loading too: wait for the rotated session, then the rows.
    await page.waitForFunction(
      (previous) => JSON.parse(sessionStorage.getItem('jingcai.console.session') ?? 'null')?.refreshToken !== previous,
      before.refreshToken,
    );
    await page.locator('.ant-table-placeholder, .ant-table-row').first().waitFor();
    assert.equal(expired, 1, 'the list met an expired token once');
    assert.equal(refreshed, 1, 'one refresh');
    assert.equal(await page.locator('.ant-alert-error').count(), 0, 'no error shown');
  });
});
