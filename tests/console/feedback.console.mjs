/**
 * 投诉建议 in the console: a worker of 大市口 sends a complaint asking to be called back (through the API, as
 * the mini-program does); 李干事 finds it in the queue with its due time and the masked phone, answers it,
 * and the worker reads the reply. 陈干事 (another street) never sees it.
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
  withFailureScreenshot,
} from './support/console.mjs';

const REPLY = '感谢反馈，已约谈服务站负责人，本周内整改。';

test('staff answer a complaint from their street; another street never sees it', async (t) => {
  const page = await openConsole(t);
  const text = `服务站下午经常不开门（控制台 ${RUN}）`;
  await withFailureScreenshot(page, 'feedback', async () => {
    const worker = await newWorker('feedback', { orgName: DEMO.dashikouEnterprise, realName: '投诉测试' });
    const sent = await apiCall('POST', '/feedback', {
      token: worker.token,
      body: { category: 'complaint', text, wantsContact: true },
    });
    assert.equal(sent.status, 'open');

    const { accessToken: otherStreet } = await apiLogin(DEMO.devzoneStaff.openid);
    const theirs = await apiCall('GET', '/feedback?pageSize=100', { token: otherStreet });
    assert.ok(!theirs.items.some((f) => f.id === sent.id), 'not in another street’s queue');
    await apiCall('GET', `/feedback/${sent.id}`, { token: otherStreet, expect: 404 });

    await loginAsStaff(page);
    await openPage(page, '/feedback', '投诉建议');
    const item = row(page, text);
    await item.getByText('投诉', { exact: true }).waitFor();
    await item.getByText('投诉测试', { exact: true }).waitFor();
    await item.getByText(/希望联系/).waitFor();
    await screenshot(page, 'feedback-queue');
    await button(item, '答复').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(text).waitFor();
    await dialog.locator('textarea').fill(REPLY);
    await button(dialog, '发送答复').click();
    await item.waitFor({ state: 'detached' });

    await page.getByText('已答复', { exact: true }).click();
    await row(page, text).getByText(REPLY).waitFor();

    const read = await apiCall('GET', `/feedback/${sent.id}`, { token: worker.token });
    assert.equal(read.reply, REPLY);
    assert.equal(read.status, 'replied');
  });
});
