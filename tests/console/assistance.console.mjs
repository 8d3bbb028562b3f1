/**
 * 困难帮扶 in the console. The review chain: a worker of 京彩科技 (大市口) applies for 子女助学 (through the API, as the
 * mini-program does); 李干事 (大市口, the check and approve level: 京彩科技 has no staff of its own) records the
 * home visit and checks it, then sends it back from the approve step with a reason; the worker corrects it;
 * 李干事 approves; the admin (区总工会) grants it. The worker sees every step. Then wish vetting: the family
 * (on the register once granted) writes two wishes; 李干事 publishes one with a hand-over place and rejects the
 * other; the wall shows the published one with the surname only.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiCall,
  apiLogin,
  button,
  DEMO,
  loginAsStaff,
  newWorker,
  openConsole,
  openPage,
  row,
  RUN,
  screenshot,
  settled,
  withFailureScreenshot,
} from './support/console.mjs';

const NAME = '帮扶测试';
const RETURN_REASON = '请补充孩子的录取通知书';
const PLACE = `大市口街道工会办公室（解放路 1 号，工作日 9:00–17:00）${RUN}`;

test('the review chain: a home visit, a check, a return, the correction, approval and the grant', async (t) => {
  const page = await openConsole(t);
  await withFailureScreenshot(page, 'assistance-review', async () => {
    const worker = await newWorker('assist', { orgName: DEMO.dashikouEnterprise, realName: NAME });
    const applied = await apiCall('POST', '/assistance/applications', {
      token: worker.token,
      body: {
        kind: 'education',
        familySituation: `爱人长期患病在家，孩子今年考上高中，家里只有我一人工作。${RUN}`,
        householdSize: 3,
        monthlyIncomePerMember: 1200,
        reasons: '孩子的学费和住宿费一时凑不齐，希望工会帮助。',
      },
    });
    assert.equal(applied.status, 'submitted');

    await loginAsStaff(page);
    await openPage(page, '/assistance/applications', '帮扶申请');
    await row(page, NAME).first().click();
    const heading = `子女助学申请 · ${NAME}`;
    await page.getByRole('heading', { name: heading }).waitFor();
    await page.getByText('尚未记录入户走访').waitFor();

    // 入户走访, then 审核通过.
    await button(page, '记录入户走访').click();
    const dialog = page.locator('.ant-modal').last();
    await dialog.getByLabel('走访人员').fill('李干事、社区王主任');
    await dialog.getByLabel('走访情况').fill('家中确有病人，收入情况属实，孩子已被高中录取。');
    await button(dialog, '确认').click();
    await page.getByText('家中确有病人，收入情况属实，孩子已被高中录取。').waitFor();
    await button(page, '审核通过').click();
    await page.locator('.ant-modal').last().getByLabel(/审核意见/).fill('走访属实，同意上报');
    await button(page.locator('.ant-modal').last(), '确认').click();
    await page.locator('.ant-tag').getByText('待街道审批', { exact: true }).waitFor();

    // Sent back from the approve step: a reason is required.
    await button(page, '退回').click();
    const back = page.locator('.ant-modal').last();
    await button(back, '确认退回').click();
    await back.getByText('退回必须说明原因').waitFor();
    await back.getByLabel(/退回原因/).fill(RETURN_REASON);
    await button(back, '确认退回').click();
    await page.getByText(`退回原因：${RETURN_REASON}`).waitFor();

    const returned = await apiCall('GET', `/assistance/applications/mine/${applied.id}`, { token: worker.token });
    assert.equal(returned.status, 'returned');
    assert.equal(returned.returnReason, RETURN_REASON);
    assert.ok(!JSON.stringify(returned).includes('走访属实，同意上报'), 'the worker never reads the internal note');
    await apiCall('PATCH', `/assistance/applications/${applied.id}`, {
      token: worker.token,
      body: { reasons: '孩子的学费和住宿费一时凑不齐，已补充录取通知书。' },
    });

    await page.reload();
    await page.getByRole('heading', { name: heading }).waitFor();
    await settled(page);
    await button(page, '街道审批通过').click();
    await button(page.locator('.ant-modal').last(), '确认').click();
    await page.locator('.ant-tag').getByText('待区总工会发放', { exact: true }).waitFor();
    await screenshot(page, 'assistance-review');

    // The district grants it.
    await button(page, '退出登录').click();
    await loginAsStaff(page, DEMO.admin);
    await openPage(page, `/assistance/applications/${applied.id}`, heading);
    await button(page, '发放帮扶').click();
    const grant = page.locator('.ant-modal').last();
    await grant.locator('.ant-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '助学金' }).click();
    await grant.getByLabel('金额（元）').fill('3000');
    await button(grant, '确认').click();
    await page.locator('.ant-tag').getByText('已发放', { exact: true }).waitFor();

    const granted = await apiCall('GET', `/assistance/applications/mine/${applied.id}`, { token: worker.token });
    assert.equal(granted.status, 'granted');
    assert.deepEqual(
      granted.steps.map((s) => s.state),
      ['done', 'done', 'done'],
    );
    assert.equal(granted.grant.amount, 3000);
    assert.equal(granted.grant.kind, 'tuition');

    // 查看记录 (admins): 李干事 (李娜) opened it.
    await button(page, '查看记录').click();
    await page.locator('.ant-drawer').getByText('李娜').first().waitFor();
  });
});

test('wish vetting: one wish published with a hand-over place, one rejected; the wall names nobody', async (t) => {
  const page = await openConsole(t);
  await withFailureScreenshot(page, 'assistance-wishes', async () => {
    const family = await newWorker('wish', { orgName: DEMO.dashikouEnterprise, realName: '许愿测试' });
    const { accessToken: staff } = await apiLogin(DEMO.staff.openid);
    await apiCall('POST', '/assistance/register', { token: staff, body: { userId: family.id } });
    const title = `一个新书包${RUN}`.slice(0, 30);
    const kept = await apiCall('POST', '/assistance/wishes', {
      token: family.token,
      body: { title, story: '孩子的书包背了四年，拉链坏了，想要一个新书包迎接新学期。', amountYuan: 120 },
    });
    // Another family: a family has one wish on the go at a time.
    const other = await newWorker('wish2', { orgName: DEMO.dashikouEnterprise, realName: '心愿测试' });
    await apiCall('POST', '/assistance/register', { token: staff, body: { userId: other.id } });
    const refused = await apiCall('POST', '/assistance/wishes', {
      token: other.token,
      body: { title: `一台电饭煲${RUN}`.slice(0, 30), story: '家里的电饭煲坏了，想要一台新的电饭煲给家人做饭。', amountYuan: 300 },
    });

    await loginAsStaff(page);
    await openPage(page, '/assistance/wishes', '微心愿');
    await row(page, title).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('许愿测试（京彩科技有限公司工会）').waitFor();
    await button(drawer, '审核通过并发布').click();
    const publish = page.locator('.ant-modal').last();
    await publish.getByLabel(/交接地点/).fill(PLACE);
    await button(publish, '确认').click();
    await drawer.locator('.ant-tag').getByText('待认领', { exact: true }).waitFor();
    await screenshot(page, 'assistance-wish');

    await openPage(page, '/assistance/wishes', '微心愿');
    await row(page, refused.title).click();
    await button(page.locator('.ant-drawer'), '不予发布').click();
    const reject = page.locator('.ant-modal').last();
    await reject.getByLabel(/原因/).fill('请写明是给谁使用，工会核实后再发布');
    await button(reject, '确认').click();
    await page.locator('.ant-drawer .ant-tag').getByText('未通过', { exact: true }).waitFor();
    const mine = await apiCall('GET', '/assistance/wishes/mine?pageSize=100', { token: other.token });
    assert.equal(mine.items.find((w) => w.id === refused.id)?.status, 'rejected');

    const wall = await apiCall('GET', '/assistance/wishes?pageSize=100', { token: family.token });
    const shown = wall.items.find((w) => w.id === kept.id);
    assert.ok(shown, 'the published wish is on the wall');
    assert.equal(shown.maskedName, '许*');
    assert.equal(shown.streetName, DEMO.staff.org);
    assert.ok(!JSON.stringify(shown).includes('许愿测试'), 'no full name on the wall');
    assert.ok(!JSON.stringify(shown).includes('京彩科技'), 'no org below the street on the wall');
  });
});
