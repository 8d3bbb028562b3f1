/**
 * Browser journey on the mini-program's H5 build: a new delivery rider joins the union (入会) with gig-worker
 * verification. Dev login with a fresh openid → privacy consent → 我的 → 加入工会 → the form (name, phone,
 * category 外卖骑手, org picked by search, platform 美团, proof photo) → 提交申请 → 待审核. Then an admin
 * approves it through the API, as the staff console would, and the rider sees 已通过 with a member number
 * and opens the member card.
 *
 * Needs a running API with dev login enabled (and the seeded demo district: 京口区外卖骑手工会, demo-admin)
 * and the H5 build (built against that API) being served:
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/
 * A screenshot of the member card lands in tests/e2e/artifacts/ (a failure one too, when it fails).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  apiCall,
  apiLogin,
  ARTIFACTS,
  button,
  cell,
  devLoginInBrowser,
  H5_URL,
  openPhone,
  visible,
  withFailureScreenshot,
} from './support/browser.mjs';

const REAL_NAME = '骑手测试';
const PHONE = '13712345678';
const CATEGORY_LABEL = '外卖骑手';
const ORG_QUERY = '外卖骑手';
const ORG_NAME = '京口区外卖骑手工会';
const PLATFORM = '美团';
const ADMIN_OPENID = 'demo-admin';

test('a delivery rider applies to join the union, is approved and opens the member card', async (t) => {
  const page = await openPhone(t);
  const photoDir = await mkdtemp(path.join(tmpdir(), 'jingcai-journey-'));
  t.after(() => rm(photoDir, { recursive: true, force: true }));

  await withFailureScreenshot(page, 'membership-journey', async () => {
    const openid = `rider-journey-${Date.now()}`;
    await devLoginInBrowser(page, openid);
    await visible(page.getByText('京彩职工隐私政策', { exact: true })).waitFor();
    await button(page, '同意并继续').click();

    // A new worker is sent on to the profile; this one skips it and opens 我的 straight away.
    await visible(page.locator('input[placeholder="请输入真实姓名"]')).waitFor();
    await page.goto(new URL('#/pages/me/index', H5_URL).href);
    await cell(page, '加入工会').click();

    // The form, empty but for what the profile held (nothing yet for a new worker).
    await visible(page.locator('.apply__form input[placeholder="请输入真实姓名"]')).fill(REAL_NAME);
    await visible(page.locator('input[placeholder="请输入 11 位手机号"]')).fill(PHONE);
    await visible(page.locator('.apply__category').getByText(CATEGORY_LABEL, { exact: true })).click();
    await visible(page.locator('.apply__form .org-picker__search input')).fill(ORG_QUERY);
    await visible(page.locator('.org-picker__result').filter({ has: page.getByText(ORG_NAME, { exact: true }) }))
      .first()
      .click();
    await visible(page.locator('.org-picker__current').getByText(ORG_NAME, { exact: true })).waitFor();
    await visible(page.locator('.apply__platform').getByText(PLATFORM, { exact: true })).click();

    // The proof photo: a real JPEG drawn by the browser, given to the file chooser Taro opens on H5.
    const photo = path.join(photoDir, 'rider-card.jpg');
    await writeFile(photo, await drawJpeg(page));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page.locator('.photo-picker__add')).click()]);
    await chooser.setFiles(photo);
    await visible(page.locator('.photo-picker__image')).waitFor();

    await button(page, '提交申请').click();
    await visible(page.locator('.application-status__label').getByText('待审核', { exact: true })).waitFor();

    // Staff approve it (here an admin, through the API as the console would).
    const { user: rider } = await apiLogin(openid);
    const { accessToken: adminToken } = await apiLogin(ADMIN_OPENID);
    const application = await findPendingApplication(adminToken, rider.id);
    assert.equal(application.platform, PLATFORM);
    assert.equal(application.org?.name, ORG_NAME);
    assert.equal(application.phone, `${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`, 'the phone comes back masked');
    const approved = await apiCall('POST', `/membership/applications/${application.id}/approve`, { token: adminToken });
    assert.equal(approved.status, 'approved');
    assert.ok(approved.memberNo, 'approval gives a member number');

    // Back on the phone: the page shows the decision once it loads again.
    await page.reload();
    await visible(page.locator('.application-status__label').getByText('已通过', { exact: true })).waitFor();
    await visible(page.getByText(`会员编号：${approved.memberNo}`, { exact: true })).waitFor();

    await button(page, '查看会员证').click();
    const name = visible(page.locator('.member-card__name'));
    await name.waitFor();
    assert.equal((await name.textContent())?.trim(), REAL_NAME);
    await visible(page.locator('.member-card').getByText(approved.memberNo, { exact: true })).waitFor();
    await visible(page.locator('.member-card').getByText(ORG_NAME, { exact: true })).waitFor();
    await visible(page.locator('.member-card').getByText('已认证', { exact: true })).waitFor();

    // Let the page transition settle so the screenshot shows the finished card.
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ARTIFACTS, 'membership-journey.png') });
  });
});

/** A small JPEG (a red card with white text), encoded by Chromium's canvas: no image library needed. */
async function drawJpeg(page) {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 200;
    const context = canvas.getContext('2d');
    context.fillStyle = '#c8102e';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#ffffff';
    context.font = '32px sans-serif';
    context.fillText('骑手工作证', 60, 110);
    return canvas.toDataURL('image/jpeg', 0.8);
  });
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** The rider's pending application in the review list, wherever it falls in the pages. */
async function findPendingApplication(token, applicantId) {
  const pageSize = 20;
  for (let pageNo = 1; ; pageNo += 1) {
    const page = await apiCall('GET', `/membership/applications?status=pending&page=${pageNo}&pageSize=${pageSize}`, { token });
    const mine = page.items.find((item) => item.applicantId === applicantId && item.realName === REAL_NAME);
    if (mine) return mine;
    assert.ok(pageNo * pageSize < page.total, `no pending application of ${REAL_NAME} (user ${applicantId}) among ${page.total}`);
  }
}
