/**
 * Browser journey on the mini-program's H5 build: a donor claims a 微心愿 and marks it handed over.
 * Through the API as the console and her phone would: 李干事 (大市口) puts 刘芳 (人民医院, in 大市口) on the register,
 * she writes a wish, 李干事 publishes it with a hand-over place. On the phone, 赵强 (demo-courier) → 服务 → 困难帮扶 →
 * 心愿墙 → the wish (the surname only) → 我来认领 (confirm) → 我的心愿 with the hand-over place → 已送达 →
 * 已送达待确认. 李干事 confirms; the wall shows 已圆梦.
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/wishes.journey.mjs
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { apiCall, apiLogin, ARTIFACTS, button, cell, H5_URL, openPhone, tab, visible, withFailureScreenshot } from './support/browser.mjs';

const DONOR_LABEL = '快递员 赵强';
const FAMILY_OPENID = 'demo-model-worker';
const STAFF_OPENID = 'demo-staff';

test('a donor claims a wish, is told where to hand it over, and marks it handed over', async (t) => {
  const stamp = Date.now().toString(36);
  const title = `一个新书包 ${stamp}`;
  const place = `大市口街道工会办公室（解放路 1 号）${stamp}`;
  const { accessToken: staff } = await apiLogin(STAFF_OPENID);
  const { accessToken: familyToken, user: family } = await apiLogin(FAMILY_OPENID);
  await apiCall('POST', '/assistance/register', { token: staff, body: { userId: family.id } });
  // The family writes it (staff who write one for a family may not vet it themselves).
  const wish = await apiCall('POST', '/assistance/wishes', {
    token: familyToken,
    body: { title, story: '孩子的书包背了四年，拉链坏了，想要一个新书包迎接新学期。', amountYuan: 120 },
  });
  await apiCall('POST', `/assistance/wishes/${wish.id}/publish`, {
    token: staff,
    body: { handOverKind: 'union_office', handOverPlace: place },
  });

  const page = await openPhone(t);
  await withFailureScreenshot(page, 'wishes-journey', async () => {
    await page.goto(H5_URL);
    await cell(page, DONOR_LABEL).click();
    await visible(page.getByText('你好，赵强', { exact: true })).waitFor();
    await tab(page, '服务').click();
    await cell(page, '困难帮扶').click();
    await visible(page.locator('.assistance-entry').filter({ hasText: '心愿墙' })).click();

    // The wall: the surname and the street, never the name.
    const card = visible(page.locator('.assistance-wish').filter({ hasText: title }));
    await card.waitFor();
    await card.getByText(/刘\* · 大市口街道工会/).waitFor();
    assert.equal(await card.getByText('刘芳').count(), 0, 'no full name on the wall');
    await card.locator('.assistance-badge').getByText('待认领', { exact: true }).waitFor();
    await card.click();

    // 我来认领, confirmed in WeChat's modal (drawn by Taro on H5).
    await button(page, '我来认领').click();
    await visible(page.locator('.taro-model__confirm').filter({ hasText: '确定认领' })).click();

    // 我的心愿: where to hand it over, and 已送达.
    const mine = visible(page.locator('.assistance-my-wish').filter({ hasText: title }));
    await mine.waitFor();
    await mine.getByText(place, { exact: false }).waitFor();
    await mine.locator('.assistance-status').getByText('已认领', { exact: true }).waitFor();
    await mine.locator('.nut-button').filter({ hasText: '已送达' }).click();
    await visible(page.locator('.taro-model__confirm').filter({ hasText: '已送达' })).click();
    await mine.locator('.assistance-status').getByText('已送达待确认', { exact: true }).waitFor();

    // 李干事 confirms: 已圆梦 on the donor's list and on the wall.
    await apiCall('POST', `/assistance/wishes/${wish.id}/confirm`, { token: staff, body: {} });
    await page.reload();
    await visible(page.locator('.assistance-my-wish').filter({ hasText: title }).locator('.assistance-status').getByText('已圆梦', { exact: true })).waitFor();
    const wall = await apiCall('GET', '/assistance/wishes?status=fulfilled&pageSize=100', { token: staff });
    assert.ok(wall.items.some((w) => w.id === wish.id), 'the wall shows it as 已圆梦');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wishes-journey.png') });
  });
});
