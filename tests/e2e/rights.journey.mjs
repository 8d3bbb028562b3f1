/**
 * Browser journeys on the H5 build for a worker's rights (issue 19).
 * 1. A new worker opens 我的 → 个人信息, sees a summary of their data, downloads the copy (an .xlsx), then
 *    deletes the account (注销): types 确认注销, confirms, and lands on the login page. The token the browser
 *    held is refused at once, and the same WeChat (openid) signing in again is a brand-new account.
 * 2. A worker opens 我的 → 投诉建议, sends a suggestion, and reads the union's reply (posted through the API,
 *    as the console would) on its page.
 *
 * Needs a running API with dev login enabled and the seeded demo district (demo-admin), the fake WeChat server
 * (content checks) and the H5 build served:
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/rights.journey.mjs
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import {
  API_BASE,
  apiCall,
  apiLogin,
  button,
  cell,
  devLoginInBrowser,
  openPhone,
  tab,
  visible,
  withFailureScreenshot,
} from './support/browser.mjs';

const ADMIN_OPENID = 'demo-admin';
const REPLY = '感谢建议！服务站下月起周末也开放。';

/** A fresh worker: consent, then the profile's name and category, and on to 我的. */
async function signUpInBrowser(page, openid, realName) {
  await devLoginInBrowser(page, openid);
  await visible(page.getByText('京彩职工隐私政策', { exact: true })).waitFor();
  await button(page, '同意并继续').click();
  await visible(page.locator('input[placeholder="请输入真实姓名"]')).fill(realName);
  await visible(page.locator('.profile__chip').getByText('快递员', { exact: true })).click();
  await button(page, '保存').click();
  await visible(page.locator('.me__name')).waitFor();
}

/** The access token the H5 build keeps (Taro's storage wraps values in `{ data }`). */
async function browserToken(page) {
  const stored = await page.evaluate(() => localStorage.getItem('jingcai.tokens'));
  return JSON.parse(stored).data.accessToken;
}

/** The OK button of the open Taro modal (H5 draws showModal itself). */
function modalConfirm(page, label) {
  return visible(page.locator('.taro-model__confirm').filter({ hasText: label }));
}

test('a worker downloads a copy of their data, then deletes the account', async (t) => {
  const openid = `rights-journey-${Date.now()}`;
  const page = await openPhone(t);
  await withFailureScreenshot(page, 'rights-delete', async () => {
    await signUpInBrowser(page, openid, '注销测试');
    await tab(page, '我的').click();
    const token = await browserToken(page);
    const me = await apiCall('GET', '/me', { token });

    await cell(page, '个人信息').click();
    await visible(page.locator('.personal-data__row').filter({ hasText: '个人资料' })).waitFor();
    await visible(page.locator('.personal-data__row').filter({ hasText: '投诉建议' })).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '下载数据副本（Excel）').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await readFile(await download.path()));
    const profile = workbook.getWorksheet('个人资料');
    assert.ok(profile, 'a sheet for the profile');
    assert.ok(profile.getRow(2).values.includes('注销测试'), 'the profile sheet holds my name');
    assert.ok(workbook.getWorksheet('投诉建议'), 'a sheet for every section, empty ones too');

    await visible(page.getByText('原因：库存和发放台账需要对得上')).waitFor();
    await visible(page.locator('input[placeholder="确认注销"]')).fill('确认注销');
    await button(page, '注销账号').click();
    await modalConfirm(page, '注销').click();
    await visible(page.locator('.taro-modal__title').filter({ hasText: '账号已注销' })).waitFor();
    await modalConfirm(page, '确定').click();
    await visible(page.getByText('其他 openid', { exact: true })).waitFor();

    // The token the browser held is refused at once; the same WeChat signs in as someone new.
    const refused = await fetch(`${API_BASE}/me`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(refused.status, 401);
    assert.equal((await refused.json()).code, 'ACCOUNT_DELETED');
    const again = await apiLogin(openid);
    assert.notEqual(again.user.id, me.id, 'a new account, not the deleted one');
    assert.equal(again.user.realName, null);
  });
});

test('a worker sends a suggestion and reads the reply', async (t) => {
  const openid = `feedback-journey-${Date.now()}`;
  const text = `建议服务站周末也开放（旅程 ${Date.now()}）`;
  const page = await openPhone(t);
  await withFailureScreenshot(page, 'rights-feedback', async () => {
    await signUpInBrowser(page, openid, '建议测试');
    await tab(page, '我的').click();
    await cell(page, '投诉建议').click();
    await visible(page.getByText('还没有提交过投诉建议', { exact: true })).waitFor();
    await button(page, '我要投诉建议').click();

    await visible(page.locator('.feedback-chip--active').getByText('建议', { exact: true })).waitFor();
    await visible(page.locator('.feedback-textarea textarea')).fill(text);
    await button(page, '提交').click();
    await visible(page.locator('.feedback-detail__text').getByText(text, { exact: true })).waitFor();
    await visible(page.locator('.feedback-status').getByText('待答复', { exact: true })).waitFor();

    // The union replies (the console; here the API, as the admin, who sees every item).
    const { accessToken: admin } = await apiLogin(ADMIN_OPENID);
    const queue = await apiCall('GET', '/feedback?status=open&pageSize=100', { token: admin });
    const item = queue.items.find((f) => f.text === text);
    assert.ok(item, 'the suggestion is in the union’s queue');
    await apiCall('POST', `/feedback/${item.id}/reply`, { token: admin, body: { text: REPLY } });

    // Back to the list and into it again: the reply is there.
    await page.goBack();
    await visible(page.locator('.feedback-row').filter({ hasText: text }).getByText('已答复', { exact: true })).waitFor();
    await visible(page.locator('.feedback-row').filter({ hasText: text })).click();
    await visible(page.locator('.feedback-reply').getByText(REPLY, { exact: true })).waitFor();
  });
});
