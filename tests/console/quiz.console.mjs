/**
 * Quiz in the console: a staff member creates a bank, imports a good spreadsheet (all rows in) and a bad
 * one (every bad row listed, nothing imported), downloads the template; publishes a campaign, watches a
 * worker's attempt arrive, edits it, and exports the results, whose rows are read back from the .xlsx.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import {
  apiCall,
  ARTIFACTS,
  button,
  createBank,
  createCampaignDraft,
  DEMO,
  loginAsStaff,
  newWorker,
  openConsole,
  openPage,
  readWorkbook,
  row,
  RUN,
  screenshot,
  confirm,
  withFailureScreenshot,
  writeWorkbook,
} from './support/console.mjs';

const HEADER = ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '答案', '解析', '难度', '标签'];

test('staff import a question bank: a good file goes in whole, a bad one is reported row by row', async (t) => {
  const page = await openConsole(t);
  const bankName = `控制台导入题库-${RUN}`;
  await withFailureScreenshot(page, 'quiz-import', async () => {
    await loginAsStaff(page);
    await openPage(page, '/quiz/banks', '题库');
    await button(page, '新建题库').click();
    const dialog = page.getByRole('dialog', { name: '新建题库' });
    await dialog.getByLabel('题库名称').fill(bankName);
    await button(dialog, '创建').click();
    await page.getByRole('heading', { name: bankName, level: 3 }).waitFor();
    await page.getByText('题库还没有题目').waitFor();

    const good = path.join(ARTIFACTS, `good-${RUN}.xlsx`);
    await writeWorkbook(good, [
      HEADER,
      ['单选', '工会会员的会费一般按本人工资收入的多少缴纳？', '0.5%', '1%', '2%', '5%', '', '', 'A', '按本人工资收入的 0.5% 缴纳。', 2, '会费'],
      ['多选', '下列哪些属于职工的劳动权利？', '取得劳动报酬', '休息休假', '获得劳动安全卫生保护', '无故旷工', '', '', 'ABC', '《劳动法》第三条。', 3, '劳动法'],
      ['判断', '用人单位可以扣押劳动者的居民身份证。', '', '', '', '', '', '', '错误', '《劳动合同法》第九条禁止扣押证件。', 1, ''],
    ]);
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByText(`导入成功：${path.basename(good)} 共导入 3 道题`).waitFor();
    await page.locator('.ant-table-row').nth(2).waitFor();
    assert.equal(await page.locator('.ant-card').filter({ hasText: '题目' }).locator('.ant-table-row').count(), 3, 'three questions listed');
    await screenshot(page, 'quiz-import-ok');

    const bad = path.join(ARTIFACTS, `bad-${RUN}.csv`);
    await writeFile(
      bad,
      '\uFEFF' +
        [
          HEADER.join(','),
          '单选,职工每周工作时间不超过多少小时？,40,44,48,50,,,A,《国务院关于职工工作时间的规定》。,2,',
          '单选,带薪年休假最少几天？,3,5,7,10,,,Z,答案不是选项。,2,',
          '判断,,,,,,,,正确,题干为空。,1,',
        ].join('\n'),
    );
    await page.locator('input[type=file]').setInputFiles(bad);
    const report = page.getByRole('table').filter({ hasText: '错误说明' });
    await page.getByText(`导入未完成：${path.basename(bad)} 有 2 处错误，本次没有导入任何题目`).waitFor();
    await report.waitFor();
    const rows = await page.locator('.ant-table-row').filter({ has: page.locator('td') }).evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
    );
    const errors = rows.filter((cells) => cells.length === 2);
    assert.deepEqual(errors.map(([rowNo]) => rowNo), ['3', '4'], 'rows 3 and 4 reported, as the spreadsheet numbers them');
    for (const [, message] of errors) assert.ok(message.length > 2, `a reason for each row: ${message}`);
    assert.equal(await page.locator('.ant-card').filter({ hasText: '题目' }).last().locator('.ant-table-row').count(), 3, 'nothing of the bad file imported');
    await screenshot(page, 'quiz-import-errors');

    // The template, as staff download it before filling it in.
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '下载模板').click()]);
    const template = path.join(ARTIFACTS, `template-${RUN}.xlsx`);
    await download.saveAs(template);
    const [header] = await readWorkbook(template);
    for (const column of ['题型', '题干', '答案']) assert.ok(header.includes(column), `template has ${column}`);
  });
});

test('staff publish a campaign, see a worker take part, and export the results', async (t) => {
  const page = await openConsole(t);
  const title = `控制台答题活动-${RUN}`;
  await withFailureScreenshot(page, 'quiz-campaign', async () => {
    const bank = await createBank(DEMO.staff, DEMO.staff.org, `控制台活动题库-${RUN}`, 3);
    const draft = await createCampaignDraft(DEMO.staff, DEMO.staff.org, bank, title);

    await loginAsStaff(page);
    await openPage(page, '/quiz/campaigns', '答题活动');
    const campaignRow = row(page, title);
    await campaignRow.getByText('草稿', { exact: true }).waitFor();
    await button(campaignRow, '发布').click();
    await confirm(page, '发布');
    await campaignRow.getByText('已发布 · 进行中').waitFor();

    // A worker of the street now sees it, takes it and gets everything right.
    const worker = await newWorker('quiz', { orgName: DEMO.dashikouEnterprise, realName: '答题职工' });
    const open = await apiCall('GET', '/quiz/campaigns', { token: worker.token });
    assert.ok(open.some((c) => c.id === draft.id), 'the published campaign is open to the worker');
    const attempt = await apiCall('POST', `/quiz/campaigns/${draft.id}/attempts`, { token: worker.token });
    const result = await apiCall('POST', `/quiz/attempts/${attempt.attemptId}/submit`, {
      token: worker.token,
      body: { answers: attempt.questions.map((q) => ({ questionId: q.id, choice: ['A'] })) },
    });
    assert.equal(result.score, 100);

    await campaignRow.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    const participants = page.locator('.ant-statistic').filter({ hasText: '参与人数' }).locator('.ant-statistic-content-value');
    await participants.filter({ hasText: /^1$/ }).waitFor();
    const leader = page.locator('.ant-table-row').filter({ hasText: DEMO.dashikouEnterprise }).first();
    await leader.waitFor();
    assert.match(await leader.textContent(), /100/);
    await screenshot(page, 'quiz-campaign-live');

    // The results, downloaded as staff do and read back.
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出成绩').click()]);
    const file = path.join(ARTIFACTS, `results-${RUN}.xlsx`);
    await download.saveAs(file);
    await page.getByText(/已下载/).waitFor();
    const [header, ...results] = await readWorkbook(file);
    assert.deepEqual(header, ['名次', '姓名', '所属工会', '最好成绩', '用时（秒）', '达到时间', '是否及格']);
    assert.equal(results.length, 1, 'one participant');
    const [rank, name, org, best, seconds, , passed] = results[0];
    assert.deepEqual([rank, name, org, best, passed], [1, '答题职工', DEMO.dashikouEnterprise, 100, '是']);
    assert.ok(Number(seconds) >= 0);

    // Edit after publishing: the rules text changes; the draw is locked.
    await button(page, '编辑').click();
    await page.getByRole('heading', { name: '编辑答题活动' }).waitFor();
    await page.getByText('活动已发布：抽题规则、答题时长和及格分不能再修改。').waitFor();
    assert.ok(await page.getByLabel('每次答题时长（秒）').isDisabled(), 'time limit locked');
    await page.getByLabel('活动规则').fill('控制台修改后的规则：每人每天可答 3 次。');
    await button(page, '保存').click();
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByText('控制台修改后的规则：每人每天可答 3 次。').waitFor();
  });
});
