/**
 * Browser journey on the mini-program's H5 build: a worker applies for 子女助学 and follows it to 已发放.
 * 张伟 (demo-worker, 京彩科技 under 大市口) → 服务 → 困难帮扶 → 申请帮扶 → the form → the application (待审核).
 * Then, through the API as the console would: 李干事 (大市口: 京彩科技 has no staff, so the street checks)
 * records the home visit and checks it, then sends it back from the approve step with a reason. On the phone:
 * 已退回待修改 with the reason → 修改后重新提交 → 待街道审批. 李干事 approves, the admin grants; the phone shows
 * 已发放 with every step done.
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/assistance.journey.mjs
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { apiCall, apiLogin, ARTIFACTS, button, cell, H5_URL, openPhone, tab, visible, withFailureScreenshot } from './support/browser.mjs';

const WORKER_LABEL = '职工 张伟（京彩科技）';
const STAFF_OPENID = 'demo-staff';
const ADMIN_OPENID = 'demo-admin';
const RETURN_REASON = '请补充孩子的录取通知书照片';

/** Today as an Asia/Shanghai day, `YYYY-MM-DD`. */
const shanghaiToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

test('a worker applies for 子女助学, corrects it once sent back, and follows it to 已发放', async (t) => {
  const stamp = Date.now();
  const situation = `爱人长期患病在家，孩子今年考上高中，家里只有我一人工作（旅程 ${stamp}）。`;
  const page = await openPhone(t);
  await withFailureScreenshot(page, 'assistance-journey', async () => {
    await page.goto(H5_URL);
    await cell(page, WORKER_LABEL).click();
    await visible(page.getByText('你好，张伟', { exact: true })).waitFor();
    await tab(page, '服务').click();
    await cell(page, '困难帮扶').click();
    await button(page, '申请帮扶').click();

    // The form: the kind, the family, household and income, the reasons.
    await visible(page.locator('.assistance-chip').filter({ hasText: '子女助学' })).click();
    await visible(page.locator('.assistance-chip--active').filter({ hasText: '子女助学' })).waitFor();
    await visible(page.locator('.assistance-textarea textarea')).nth(0).fill(situation);
    await visible(page.locator('.assistance-apply__household input')).fill('3');
    await visible(page.locator('.assistance-apply__income input')).fill('1200');
    await visible(page.locator('.assistance-textarea textarea')).nth(1).fill('孩子的学费和住宿费一时凑不齐，希望工会帮助。');
    await button(page, '提交申请').click();

    // The application, waiting for the check.
    await status(page, '待审核');
    await step(page, '所在工会审核与入户走访：办理中');
    const id = Number(new URL(page.url().replace('#', '')).searchParams.get('id'));
    assert.ok(id > 0, `the application's page carries its id (${page.url()})`);

    // 李干事 visits and checks, then sends it back from the approve step.
    const { accessToken: staff } = await apiLogin(STAFF_OPENID);
    await apiCall('POST', `/assistance/applications/${id}/visit`, {
      token: staff,
      body: { date: shanghaiToday(), visitors: '李干事、社区王主任', notes: '家中确有病人，收入情况属实。' },
    });
    await apiCall('POST', `/assistance/applications/${id}/check`, { token: staff, body: { note: '走访属实' } });
    await apiCall('POST', `/assistance/applications/${id}/return`, { token: staff, body: { reason: RETURN_REASON } });

    await page.reload();
    await status(page, '已退回待修改');
    await visible(page.getByText(`退回原因：${RETURN_REASON}`, { exact: true })).waitFor();
    assert.equal(await visible(page.getByText('走访属实')).count(), 0, 'the internal note stays internal');
    await button(page, '修改后重新提交').click();
    await visible(page.getByText(`退回原因：${RETURN_REASON}`, { exact: true })).waitFor();
    await visible(page.locator('.assistance-textarea textarea')).nth(1).fill('孩子的学费和住宿费一时凑不齐，录取通知书已补充。');
    await button(page, '修改后重新提交').click();
    await status(page, '待街道审批');

    // 李干事 approves; the district grants.
    await apiCall('POST', `/assistance/applications/${id}/approve`, { token: staff, body: {} });
    const { accessToken: admin } = await apiLogin(ADMIN_OPENID);
    await apiCall('POST', `/assistance/applications/${id}/grant`, {
      token: admin,
      body: { amount: 3000, kind: 'tuition', date: shanghaiToday() },
    });

    await page.reload();
    await status(page, '已发放');
    for (const done of ['提交申请', '所在工会审核与入户走访', '街道工会审批', '区总工会发放']) await step(page, `${done}：已完成`);
    await visible(page.getByText(/助学金：3,000\.00 元/)).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'assistance-journey.png') });
  });
});


async function status(page, label) {
  await visible(page.locator('.assistance-status').getByText(label, { exact: true })).first().waitFor();
}

async function step(page, label) {
  await visible(page.locator(`.assistance-step[aria-label="${label}"]`)).waitFor();
}
