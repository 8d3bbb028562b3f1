/**
 * The legal workbench: a worker of the street asks (through the API, as the mini-program does); staff find
 * the question in the inbox, assign it to the volunteer lawyer, answer it themselves in the thread, and —
 * once the worker closed it, allowing publication — turn it into an anonymised case draft they check in
 * the preview and publish. Then a legal-aid application is accepted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiCall,
  apiLogin,
  button,
  confirm,
  DEMO,
  loginAsStaff,
  newWorker,
  openConsole,
  openPage,
  row,
  RUN,
  screenshot,
  withFailureScreenshot,
} from './support/console.mjs';

const ANSWER = '根据《劳动合同法》第三十条，用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。建议先保存考勤和工资记录，可向劳动保障监察投诉，工会也可陪同协商。';

test('staff assign and answer a legal question, then publish it as an anonymised case', async (t) => {
  const page = await openConsole(t);
  const title = `控制台咨询：工资被拖欠两个月怎么办-${RUN}`;
  await withFailureScreenshot(page, 'legal-answer', async () => {
    const worker = await newWorker('legal', { orgName: DEMO.dashikouEnterprise, realName: '咨询职工' });
    const question = await apiCall('POST', '/legal/questions', {
      token: worker.token,
      body: {
        category: 'wage_arrears',
        title,
        body: '我在公司做了半年，老板已经两个月没发工资了，我的电话是 13912345678，请问该怎么维权？',
        publicAllowed: true,
      },
    });

    await loginAsStaff(page);
    await openPage(page, '/legal/inbox', '咨询工作台');
    const inboxRow = row(page, title);
    await inboxRow.getByText('待分配').waitFor();
    await inboxRow.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();

    // Assign it to the volunteer lawyer.
    await page.getByRole('combobox', { name: '处理人' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '律师' }).first().click();
    await button(page, '分配').click();
    await page.locator('h3 .ant-tag').getByText('待解答', { exact: true }).waitFor();
    await page.getByText('已分配，处理人会收到通知').waitFor();

    // Answer in the thread.
    await page.getByLabel('答复').fill(ANSWER);
    await button(page, '发送答复').click();
    await confirm(page, '发送');
    await page.locator('.ant-list-item').filter({ hasText: ANSWER }).locator('.ant-tag').getByText('工会', { exact: true }).waitFor();
    await page.locator('h3 .ant-tag').getByText('已解答', { exact: true }).waitFor();
    await screenshot(page, 'legal-answered');

    const seen = await apiCall('GET', `/legal/questions/${question.id}`, { token: worker.token });
    assert.ok(seen.messages.some((m) => m.body === ANSWER && m.authorRole === 'staff'), 'the worker sees the answer');
    assert.equal(seen.status, 'answered');

    // The worker is satisfied and closes it; the staff member drafts a case from it.
    await apiCall('POST', `/legal/questions/${question.id}/close`, { token: worker.token, body: { rating: 5, comment: '很有帮助' } });
    await page.reload();
    await page.getByText('职工已结束本次咨询，不能再回复。').waitFor();
    await button(page, '生成案例草稿').click();
    await page.getByText(`由咨询 #${question.id} 生成的匿名化草稿`).waitFor();
    const preview = page.locator('.ant-card').filter({ hasText: '预览（职工看到的样子）' });
    await preview.getByText('欠薪讨薪').waitFor();
    const previewText = await preview.textContent();
    assert.ok(!previewText.includes('13912345678'), 'the phone number is gone from the draft');
    assert.ok(!previewText.includes('咨询职工'), 'the asker’s name is gone from the draft');

    const caseTitle = `外卖骑手欠薪两月 工会指导维权-${RUN}`;
    await page.getByLabel('标题').fill(caseTitle);
    await preview.getByText(caseTitle).waitFor();
    await screenshot(page, 'legal-case-draft');
    await button(page, '保存并发布').click();
    await confirm(page, '发布');
    await page.getByText('已发布', { exact: true }).waitFor();

    const search = await apiCall('GET', `/legal/cases?q=${encodeURIComponent(caseTitle)}`, { token: worker.token });
    assert.equal(search.items[0]?.title, caseTitle, 'workers find the published case');
  });
});

test('staff accept a legal-aid application', async (t) => {
  const page = await openConsole(t);
  const employer = `京彩餐饮管理有限公司-${RUN}`;
  await withFailureScreenshot(page, 'legal-aid', async () => {
    const worker = await newWorker('aid', { orgName: DEMO.dashikouEnterprise, realName: '援助职工' });
    const application = await apiCall('POST', '/legal/aid-applications', {
      token: worker.token,
      body: { kind: 'aid', facts: '公司拖欠工资 8000 元，多次讨要未果，申请法律援助。', employer, amountInDispute: 8000 },
    });
    await loginAsStaff(page);
    await openPage(page, '/legal/aid', '法律援助与调解');
    await row(page, employer).click();
    const drawer = page.locator('.ant-drawer-content').filter({ hasText: employer });
    await drawer.locator('.ant-descriptions .ant-tag').getByText('已受理登记', { exact: true }).waitFor();
    await button(drawer, '更新状态').click();
    await confirm(page, '确定');
    await page.getByText('已更新为「已受理」，申请人会收到通知').waitFor();
    await drawer.locator('.ant-descriptions .ant-tag').getByText('已受理', { exact: true }).waitFor();
    const after = await apiCall('GET', `/legal/aid-applications/${application.id}`, { token: (await apiLogin(DEMO.staff.openid)).accessToken });
    assert.equal(after.status, 'accepted');
  });
});
