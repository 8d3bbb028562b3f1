/**
 * Browser journey on the mini-program's H5 build, as a brand-new worker would go: dev login with a fresh
 * openid → privacy consent → profile (name, category, org) → 我的 shows what was saved (the org as a request
 * awaiting review).
 *
 * Needs a running API with dev login enabled and the H5 build (built against that API) being served:
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/
 * A screenshot of the final screen lands in tests/e2e/artifacts/ (a failure one too, when it fails).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, button, devLoginInBrowser, openPhone, visible, withFailureScreenshot } from './support/browser.mjs';

const REAL_NAME = '测试职工';
const CATEGORY_LABEL = '快递员';
const ORG_QUERY = '大市口';
const ORG_NAME = '大市口街道工会';

test('a new worker logs in, consents to the privacy notice and fills in the profile', async (t) => {
  const page = await openPhone(t);

  await withFailureScreenshot(page, 'profile-journey', async () => {
    // A fresh openid makes the API create a new worker, who has neither consented nor filled anything in.
    await devLoginInBrowser(page, `journey-${Date.now()}`);

    await visible(page.getByText('京彩职工隐私政策', { exact: true })).waitFor();
    await button(page, '同意并继续').click();

    const nameInput = visible(page.locator('input[placeholder="请输入真实姓名"]'));
    await nameInput.fill(REAL_NAME);
    await visible(page.locator('.profile__chip').getByText(CATEGORY_LABEL, { exact: true })).click();
    await visible(page.locator('.org-picker__search input')).fill(ORG_QUERY);
    const match = visible(page.locator('.org-picker__result').filter({ has: page.getByText(ORG_NAME, { exact: true }) }));
    await match.first().click();
    await visible(page.locator('.org-picker__current').getByText(ORG_NAME, { exact: true })).waitFor();
    await button(page, '保存').click();

    // Saving lands on 我的, which reloads the worker from the API.
    const name = visible(page.locator('.me__name'));
    await name.waitFor();
    assert.equal((await name.textContent())?.trim(), REAL_NAME);
    // The org is a request until staff of that org approve it: 我的 says so, and grants nothing meanwhile.
    await visible(page.locator('.me').getByText(`待审核：${ORG_NAME}`, { exact: true })).waitFor();
    await visible(page.locator('.me').getByText(CATEGORY_LABEL, { exact: true })).waitFor();

    // Let the tab switch animation settle so the screenshot shows the finished page.
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ARTIFACTS, 'profile-journey.png') });
  });
});
