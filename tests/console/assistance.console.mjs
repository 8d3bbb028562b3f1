/**
 * 困难帮扶 in the console. The review chain: a worker of 京彩科技 (大市口) applies for 子女助学 (through the API, as the
 * mini-program does); 李干事 (大市口, the check and approve level: 京彩科技 has no staff of its own) records the
 * home visit and checks it, then sends it back from the approve step with a reason; the worker corrects it;
 * 李干事 approves; the admin (区总工会) grants it. The worker sees every step. Then wish vetting: the family
 * (on the register once granted) writes two wishes; 李干事 publishes one with a hand-over place and rejects the
 * other; the wall shows the published one with the surname only. Then staff acting for families: 代为申请 for a
 * worker (refused until the consent box is ticked), 新增建档 for another, and 代写心愿 for that family, which
 * the writer may not vet and the admin does.
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
  RUN_LETTERS,
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

/** Types into a searchable select (a worker or family picker) by its label and picks the option naming `name`. */
async function pickPerson(page, dialog, label, name) {
  await dialog.getByLabel(label).fill(name);
  await page.locator('.ant-select-item-option').filter({ hasText: name }).click();
}

test('staff act for families: apply on a worker’s behalf with consent, add a family to the register, write a wish for it', async (t) => {
  const page = await openConsole(t);
  await withFailureScreenshot(page, 'assistance-on-behalf', async () => {
    const applicant = `代办测试${RUN_LETTERS}`;
    const worker = await newWorker('behalf', { orgName: DEMO.dashikouEnterprise, realName: applicant });
    await loginAsStaff(page);

    // 代为申请: nothing is sent until the worker's consent is ticked.
    await openPage(page, '/assistance/applications', '帮扶申请');
    await button(page, '代为申请').click();
    const apply = page.locator('.ant-modal').last();
    await pickPerson(page, apply, '申请职工', applicant);
    await apply.getByLabel('医疗救助').check();
    await apply.getByLabel('家庭情况').fill('爱人做完手术在家休养，两个孩子都在上学，家里只有一份收入。');
    await apply.getByLabel('家庭人口（人）').fill('4');
    await apply.getByLabel('家庭人均月收入（元）').fill('650');
    await apply.getByLabel('申请理由').fill('手术和后续治疗自付部分约两万元，家里一时拿不出来。');
    await button(apply, '提交申请').click();
    await apply.getByText('代为申请前须征得职工本人同意，请确认后勾选').waitFor();
    await apply.getByLabel('已征得职工本人同意').check();
    await button(apply, '提交申请').click();
    await row(page, applicant).filter({ hasText: '医疗救助' }).waitFor();
    await screenshot(page, 'assistance-on-behalf');

    const mine = await apiCall('GET', '/assistance/applications/mine', { token: worker.token });
    assert.deepEqual(
      mine.items.map((a) => [a.kind, a.status, a.filedByStaff]),
      [['medical', 'submitted', true]],
    );
    const inbox = await apiCall('GET', '/notifications', { token: worker.token });
    assert.ok(
      inbox.items.some((n) => n.title === '工会已代你提交帮扶申请'),
      'the worker is told staff applied in their name',
    );

    // 新增建档.
    const familyName = `建档测试${RUN_LETTERS}`;
    const family = await newWorker('register', { orgName: DEMO.dashikouEnterprise, realName: familyName });
    await openPage(page, '/assistance/register', '困难职工档案');
    await button(page, '新增建档').click();
    const add = page.locator('.ant-modal').last();
    await button(add, '确认建档').click();
    await add.getByText('请选择建档的职工').waitFor();
    await pickPerson(page, add, '建档职工', familyName);
    await add.getByLabel(/建档说明/).fill('因病致困，每年春节前慰问');
    await button(add, '确认建档').click();
    await page.getByText(`已为 ${familyName} 建档，一年后复核`).waitFor();

    // 代写心愿 for the family just registered: the writer may not vet it.
    const title = `一台洗衣机${RUN}`.slice(0, 30);
    await openPage(page, '/assistance/wishes', '微心愿');
    await button(page, '代写心愿').click();
    const write = page.locator('.ant-modal').last();
    await pickPerson(page, write, '建档职工', familyName);
    await write.getByLabel('心愿', { exact: true }).fill(title);
    await write.getByLabel('心愿故事').fill('家里的洗衣机坏了修不好，冬天手洗衣服很辛苦，想要一台新的洗衣机。');
    await write.getByLabel(/价值/).fill('450');
    await button(write, '提交审核').click();
    await row(page, title).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(`${familyName}（${DEMO.dashikouEnterprise}）`).waitFor();
    // The writer is told why there is nothing to press (the API would refuse it: OWN_RECORD).
    await drawer.getByText('这条心愿由你代写，须由其他工作人员审核').waitFor();
    assert.equal(await drawer.getByRole('button', { name: '审核通过并发布' }).count(), 0);
    assert.equal(await drawer.getByRole('button', { name: '不予发布' }).count(), 0);

    // Another staff member (here the admin) vets it; the family sees their wish published.
    const [written] = (await apiCall('GET', '/assistance/wishes/mine', { token: family.token })).items;
    assert.equal(written.title, title);
    const { accessToken: admin } = await apiLogin(DEMO.admin.openid);
    await apiCall('POST', `/assistance/wishes/${written.id}/publish`, {
      token: admin,
      body: { handOverKind: 'union_office', handOverPlace: PLACE },
    });
    const published = await apiCall('GET', `/assistance/wishes/mine/${written.id}`, { token: family.token });
    assert.equal(published.status, 'open');
  });
});
