/**
 * Reading season in the console: staff add and remove a book on their street's season and publish it; a
 * worker checks in (through the API, as the mini-program does); staff see the note in the feed and hide it
 * with a reason, find the worker in the rankings, and export the check-ins, whose rows are read back.
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
  readWorkbook,
  row,
  RUN,
  screenshot,
  withFailureScreenshot,
} from './support/console.mjs';

const shanghaiDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);

test('staff run a reading season: books, publishing, hiding a note, rankings and the export', async (t) => {
  const page = await openConsole(t);
  const theme = `控制台读书季-${RUN}`;
  const note = `读了《平凡的世界》，孙少平在煤矿里坚持读书的样子让我很感动。${RUN}`;
  await withFailureScreenshot(page, 'reading', async () => {
    const { accessToken } = await apiLogin(DEMO.staff.openid);
    const street = await orgId(DEMO.staff.org);
    const season = await apiCall('POST', '/reading/seasons', {
      token: accessToken,
      body: {
        theme,
        description: '街道职工读书季（控制台测试）',
        startsOn: shanghaiDay(-3),
        endsOn: shanghaiDay(30),
        books: [{ title: '平凡的世界', author: '路遥', blurb: '孙少安、孙少平兄弟的奋斗。' }],
        minNoteLength: 10,
        makeUpAllowance: 2,
        badgeThresholds: [7, 21],
        audienceOrgId: street,
        ownerOrgId: street,
      },
    });

    await loginAsStaff(page);
    await openPage(page, '/reading/seasons', '读书季');
    await row(page, theme).getByRole('link', { name: theme }).click();
    await page.getByRole('heading', { name: theme }).waitFor();

    // Books: add one, remove it again (after confirming).
    await button(page, '添加书目').click();
    const dialog = page.getByRole('dialog', { name: '添加书目' });
    await dialog.getByLabel('书名').fill('红岩');
    await dialog.getByLabel('作者').fill('罗广斌、杨益言');
    await button(dialog, '添加').click();
    const added = row(page, '罗广斌、杨益言');
    await added.waitFor();
    await button(added, '移除').click();
    await confirm(page, '移除');
    await added.waitFor({ state: 'detached' });

    await button(page, '发布').click();
    await confirm(page, '发布');
    await page.locator('h3 .ant-tag').getByText('已发布').waitFor();

    // A worker of the street checks in.
    const worker = await newWorker('reading', { orgName: DEMO.dashikouEnterprise, realName: '读书职工' });
    const { checkin } = await apiCall('POST', `/reading/seasons/${season.id}/checkins`, {
      token: worker.token,
      body: { bookId: season.books[0].id, minutes: 45, note },
    });
    assert.equal(checkin.status, 'published');

    await page.getByRole('tab', { name: '读后感' }).click();
    const item = page.locator('.ant-list-item').filter({ hasText: note });
    await item.waitFor();
    await button(item, '隐藏').click();
    const hide = page.getByRole('dialog', { name: '隐藏这篇读后感' });
    await hide.getByLabel('原因（作者可见）').fill('含有与读书无关的内容');
    await button(hide, '隐藏').click();
    await item.getByText('已隐藏').waitFor();
    const { items: [mine] } = await apiCall('GET', `/reading/seasons/${season.id}/checkins/mine`, { token: worker.token });
    assert.equal(mine.status, 'hidden', 'the note is hidden for everyone');

    await page.getByRole('tab', { name: '排行榜' }).click();
    await page.locator('.ant-table-row').filter({ hasText: DEMO.dashikouEnterprise }).first().waitFor();
    await screenshot(page, 'reading-rankings');

    await page.getByRole('tab', { name: '导出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出打卡记录（checkins.xlsx）').click()]);
    const file = path.join(ARTIFACTS, `checkins-${RUN}.xlsx`);
    await download.saveAs(file);
    const [header, ...rows] = await readWorkbook(file);
    assert.deepEqual(header.slice(0, 4), ['日期', '姓名', '所属工会', '书目']);
    assert.equal(rows.length, 1, 'one check-in');
    assert.equal(rows[0][1], '读书职工');
    assert.equal(rows[0][2], DEMO.dashikouEnterprise);
    assert.equal(rows[0][3], '平凡的世界');
  });
});
