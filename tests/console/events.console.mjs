/**
 * 活动报名 in the console: staff of 大市口街道 create an event with a session and a sign-up form in the editor,
 * and find it in their list; for a lottery event of theirs (made through the API, its short sign-up window
 * filled with sign-ups by workers through the API), they run the draw once the window closed and see the
 * published seed and the winners; and they export the sign-ups as an .xlsx (masked).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  apiCall,
  apiLogin,
  ARTIFACTS,
  button,
  confirm,
  DEMO,
  loginAsStaff,
  newWorker,
  openConsole,
  openPage,
  orgId,
  row,
  RUN,
  readWorkbook,
  screenshot,
  withFailureScreenshot,
} from './support/console.mjs';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** `2026-12-24 09:00` as antd's pickers take it typed, in the browser's (Shanghai) time. */
function typed(ms) {
  const d = new Date(ms + 8 * 3600_000);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Types a date-time into an antd picker input and confirms it. */
async function pick(input, ms) {
  await input.click();
  await input.fill(typed(ms));
  await input.press('Enter');
}

test('staff create an event with a session and a sign-up form', async (t) => {
  const page = await openConsole(t);
  const title = `控制台乒乓球赛-${RUN}`;
  await withFailureScreenshot(page, 'events-create', async () => {
    await loginAsStaff(page);
    await openPage(page, '/events/new', '新建活动');
    await page.getByLabel('活动名称').fill(title);
    await page.getByLabel('活动说明').fill('街道职工乒乓球赛，单打，自带球拍。');
    await page.getByLabel('活动地点').fill('大市口街道文体中心');

    await button(page, '添加报名问题').click();
    await page.getByLabel('问题', { exact: true }).fill('参赛组别');
    // The select's input sits under its shown value: click the select itself.
    await page.locator('.ant-select').filter({ has: page.locator('#fields_0_type') }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '单选' }).click();
    const options = page.getByLabel('选项（输入后回车）');
    await options.fill('男子单打');
    await options.press('Enter');
    await options.fill('女子单打');
    await options.press('Enter');

    const day = Math.ceil((Date.now() + 10 * DAY) / DAY) * DAY;
    await button(page, '添加场次').click();
    await page.getByLabel('场次 1 名称').fill('小组赛');
    const sessionTimes = page.locator('.ant-picker-range').first().locator('input');
    await pick(sessionTimes.nth(0), day + 1 * 3600_000);
    await pick(sessionTimes.nth(1), day + 4 * 3600_000);

    const windowTimes = page.locator('#window').locator('xpath=ancestor::div[contains(@class,"ant-picker-range")]').locator('input');
    await pick(windowTimes.nth(0), Date.now() + DAY);
    await pick(windowTimes.nth(1), day - DAY);
    // A single picker with a time is confirmed with its 确定 (Enter there would also submit the form).
    await page.locator('#cancelDeadline').click();
    await page.locator('#cancelDeadline').fill(typed(day - DAY));
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button').click();

    await button(page, '保存').click();
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByText('参赛组别（单选，必填）').waitFor();
    await page.getByText('小组赛').first().waitFor();

    const { accessToken } = await apiLogin(DEMO.staff.openid);
    const list = await apiCall('GET', '/events/manage?pageSize=100', { token: accessToken });
    const saved = list.items.find((e) => e.title === title);
    assert.ok(saved, 'the event is saved in the staff member’s scope');
    assert.equal(saved.sessions.length, 1);
    assert.equal(saved.sessions[0].capacity, 10);
    assert.deepEqual(saved.form.map((f) => [f.label, f.type, f.options]), [['参赛组别', 'choice', ['男子单打', '女子单打']]]);

    await openPage(page, '/events', '活动报名');
    await row(page, title).waitFor();
    await screenshot(page, 'events-list');
  });
});

test('staff run a lottery after the window closed, see the seed and the winners, and export the sign-ups', async (t) => {
  const page = await openConsole(t);
  const title = `控制台疗休养抽签-${RUN}`;
  await withFailureScreenshot(page, 'events-lottery', async () => {
    const { accessToken: staff } = await apiLogin(DEMO.staff.openid);
    const owner = await orgId(DEMO.staff.org);
    const workers = await Promise.all(
      ['a', 'b', 'c', 'd'].map((key) => newWorker(`lottery-${key}`, { orgName: DEMO.dashikouEnterprise, realName: '抽签职工' })),
    );
    const now = Date.now();
    // The window closes in 45 s: long enough for the sign-ups below, short enough to wait for.
    const windowEnds = now + 45_000;
    const event = await apiCall('POST', '/events', {
      token: staff,
      body: {
        title,
        kind: 'recuperation',
        description: '劳模疗休养，名额 2 个，公开抽签。',
        coverId: null,
        venue: '茅山疗休养基地',
        latitude: 31.7,
        longitude: 119.3,
        ownerOrgId: owner,
        eligibility: { categories: [], gigVerifiedRequired: false, tags: [], membersOnly: false, orgId: owner },
        allocation: 'lottery',
        signupStartsAt: new Date(now - MINUTE).toISOString(),
        signupEndsAt: new Date(windowEnds).toISOString(),
        cancelDeadline: new Date(windowEnds).toISOString(),
        perPersonLimit: 1,
        noShowRule: false,
        offerHours: 24,
        form: [],
        sessions: [{ label: '第一期', startsAt: new Date(now + 5 * DAY).toISOString(), endsAt: new Date(now + 8 * DAY).toISOString(), capacity: 2 }],
      },
    });
    assert.match(event.lotterySeed, /^[0-9a-f]{64}$/, 'the seed is published at creation');

    const signups = [];
    for (const worker of workers) {
      signups.push(await apiCall('POST', `/events/${event.id}/signups`, { token: worker.token, body: { sessionId: event.sessions[0].id, answers: [] } }));
    }
    assert.ok(signups.every((s) => s.status === 'entered'));

    await loginAsStaff(page);
    await openPage(page, `/events/${event.id}`, title);
    await page.getByText(event.lotterySeed).waitFor();
    await page.getByText('尚未抽签').waitFor();

    const wait = windowEnds + 1000 - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    await page.reload();
    await page.getByRole('heading', { name: title }).waitFor();
    await button(page, '开始抽签').click();
    await confirm(page, '开始抽签');
    await page.getByText('抽签完成，结果已公布').waitFor();

    const result = await apiCall('GET', `/events/${event.id}/lottery`, { token: staff });
    assert.equal(result.seed, event.lotterySeed);
    assert.equal(result.sessions[0].winners.length, 2);
    const winners = page.locator('.lottery-winners');
    await winners.getByText(result.sessions[0].winners.join('、')).waitFor();
    await page.getByText('4 个报名号').waitFor();
    await screenshot(page, 'events-lottery');

    await button(page, '导出报名名单').click();
    const dialog = page.getByRole('dialog', { name: '导出报名名单' });
    await dialog.getByText(/仅区总工会管理员可以导出未打码的敏感信息/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button(dialog, '导出（已打码）').click()]);
    assert.match(download.suggestedFilename(), /报名名单\.xlsx$/);
    const file = path.join(ARTIFACTS, `events-signups-${RUN}.xlsx`);
    await download.saveAs(file);
    const [, ...rows] = await readWorkbook(file);
    assert.equal(rows.length, 4, 'every sign-up of the event');
  });
});
