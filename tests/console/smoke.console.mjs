/**
 * Every page opens cleanly for the district admin (no error banner, no uncaught script error), the admin's
 * user lookup shows a worker's masked phone and tags, and a lawyer's console is the legal inbox only.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { button, consoleUrl, DEMO, loginAsStaff, openConsole, screenshot, settled, withFailureScreenshot } from './support/console.mjs';

const PAGES = [
  ['/', '工作台'],
  ['/members/applications', '入会审核'],
  ['/members/roster', '会员名册'],
  ['/members/orgs', '组织架构'],
  ['/members/users', '用户与权限'],
  ['/quiz/banks', '题库'],
  ['/quiz/campaigns', '答题活动'],
  ['/quiz/campaigns/new', '新建答题活动'],
  ['/reading/seasons', '读书季'],
  ['/reading/seasons/new', '新建读书季'],
  ['/care/benefits', '福利发放'],
  ['/care/benefits/new', '新建福利'],
  ['/care/stations', '服务站点'],
  ['/care/redemptions', '今日核销'],
  ['/legal/inbox', '咨询工作台'],
  ['/legal/cases', '典型案例'],
  ['/legal/cases/new', '新建案例'],
  ['/legal/aid', '法律援助与调解'],
  ['/moderation', '内容审核'],
];

test('every page opens for the district admin without an error', async (t) => {
  const page = await openConsole(t);
  const scriptErrors = [];
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  await withFailureScreenshot(page, 'smoke-admin', async () => {
    await loginAsStaff(page, DEMO.admin);
    await page.getByText('管理范围：全区').waitFor();
    for (const [path, title] of PAGES) {
      await page.goto(consoleUrl(path));
      await page.getByRole('heading', { name: title, level: 3 }).first().waitFor();
      await settled(page);
      assert.equal(await page.locator('.ant-alert-error, .ant-result-warning').count(), 0, `${path} shows an error`);
    }
    assert.deepEqual(scriptErrors, [], 'no uncaught script errors');

    // antd's own words are Chinese: its CommonJS locale entry once reached the bundle as a wrapper, so date
    // pickers read "Start date" and the org tree's expand buttons had no name at all.
    await page.goto(consoleUrl('/quiz/campaigns/new'));
    await page.getByPlaceholder('开始日期').first().waitFor();
    await page.goto(consoleUrl('/members/orgs'));
    await page.getByRole('button', { name: '关闭行' }).first().waitFor();

    // The admin finds a worker by full phone number: masked phone, tags, roles.
    await page.goto(consoleUrl('/members/users'));
    await page.getByPlaceholder('11 位手机号').fill('13800000002');
    await button(page, '查找').click();
    const found = page.locator('.ant-table-row').filter({ hasText: '刘芳' });
    await found.getByText('138****0002').waitFor();
    await found.getByText('劳模').waitFor();
    await screenshot(page, 'admin-users');
  });
});

test('a lawyer’s console is the legal inbox', async (t) => {
  const page = await openConsole(t);
  await withFailureScreenshot(page, 'smoke-lawyer', async () => {
    await loginAsStaff(page, { label: '法律志愿者 黄律师' });
    await page.getByRole('heading', { name: '咨询工作台', level: 3 }).waitFor();
    await page.getByText('分配给你的法律咨询').waitFor();
    assert.equal(await page.getByRole('menuitem', { name: '题库' }).count(), 0, 'no quiz menu');
    await page.goto(consoleUrl('/quiz/banks'));
    await page.getByRole('heading', { name: '咨询工作台', level: 3 }).waitFor();
  });
});
