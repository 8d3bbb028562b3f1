/**
 * The content-safety queue: a worker of the street picks a nickname WeChat wants a person to check (the
 * fake WeChat answers `review` for text containing "[review]"); staff approve it in the console and the
 * nickname is published.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiCall,
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

test('staff approve a nickname waiting in the moderation queue', async (t) => {
  const page = await openConsole(t);
  const nickname = `书友${RUN}[review]`;
  await withFailureScreenshot(page, 'moderation', async () => {
    const worker = await newWorker('moderation', { orgName: DEMO.dashikouEnterprise, realName: '审核昵称' });
    const me = await apiCall('PATCH', '/me', { token: worker.token, body: { nickname } });
    assert.ok(me.underReview.includes('nickname'), 'the nickname waits for review');

    await loginAsStaff(page);
    await openPage(page, '/moderation', '内容审核');
    const item = row(page, nickname);
    await item.getByText('昵称').waitFor();
    await item.getByText('微信建议人工复核').waitFor();
    await screenshot(page, 'moderation-queue');
    await button(item, '通过').click();
    await confirm(page, '通过');
    await item.waitFor({ state: 'detached' });

    const after = await apiCall('GET', '/me', { token: worker.token });
    assert.equal(after.nickname, nickname, 'published once approved');
    assert.ok(!after.underReview.includes('nickname'));

    await page.getByText('已通过', { exact: true }).click();
    await row(page, nickname).waitFor();
  });
});
