/**
 * Care in the console: staff top up a benefit of their street (made through the API for this run) and see
 * the new stock; a withdrawal larger than what is left is refused with the API's reason; the street's
 * stations list shows their coordinates, and a new station can be added with its own.
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
  openConsole,
  openPage,
  orgId,
  row,
  RUN,
  screenshot,
  stationId,
  withFailureScreenshot,
} from './support/console.mjs';

const HOUR = 3600_000;

async function createBenefit(title, stock) {
  const { accessToken: token } = await apiLogin(DEMO.staff.openid);
  const now = Date.now();
  return apiCall('POST', '/care/benefits', {
    token,
    body: {
      title,
      description: '控制台测试用的夏送清凉礼包。',
      kind: 'pack',
      stock,
      perPersonLimit: 1,
      claimStartsAt: new Date(now - HOUR).toISOString(),
      claimEndsAt: new Date(now + 72 * HOUR).toISOString(),
      pickupDeadline: new Date(now + 96 * HOUR).toISOString(),
      eligibility: { categories: [], gigVerifiedRequired: false, tags: [], membersOnly: false, orgId: await orgId(DEMO.staff.org) },
      stationIds: [await stationId(DEMO.dashikouStation)],
      ownerOrgId: await orgId(DEMO.staff.org),
    },
  });
}

test('staff top up a benefit’s stock and see it at once', async (t) => {
  const page = await openConsole(t);
  const title = `控制台清凉包-${RUN}`;
  await withFailureScreenshot(page, 'care-stock', async () => {
    const benefit = await createBenefit(title, 20);
    await loginAsStaff(page);
    await openPage(page, '/care/benefits', '福利发放');
    const benefitRow = row(page, title);
    await benefitRow.getByText('20 / 20').waitFor();
    await button(benefitRow, '调整库存').click();

    const dialog = page.getByRole('dialog', { name: `调整库存 · ${title}` });
    await dialog.getByLabel('数量').fill('50');
    await button(dialog, '确定').click();
    await benefitRow.getByText('70 / 70').waitFor();
    const { accessToken } = await apiLogin(DEMO.staff.openid);
    const after = await apiCall('GET', `/care/managed-benefits/${benefit.id}`, { token: accessToken });
    assert.deepEqual([after.totalStock, after.remainingStock], [70, 70]);

    // Withdrawing more than is left: asked to confirm, then refused by the API with its reason.
    await benefitRow.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    await button(page, '调整库存').click();
    await dialog.getByText('减少库存').click();
    await dialog.getByLabel('数量').fill('100');
    await button(dialog, '确定').click();
    await confirm(page, '确认减少');
    await page.getByText('减少的数量超过了剩余库存').waitFor();
    const unchanged = await apiCall('GET', `/care/managed-benefits/${benefit.id}`, { token: accessToken });
    assert.equal(unchanged.remainingStock, 70);
    await screenshot(page, 'care-benefit');
  });
});

test('staff see their stations with coordinates and add one', async (t) => {
  const page = await openConsole(t);
  const name = `控制台驿站-${RUN}`;
  await withFailureScreenshot(page, 'care-stations', async () => {
    await loginAsStaff(page);
    await openPage(page, '/care/stations', '服务站点');
    await row(page, DEMO.dashikouStation).getByText('32.2047, 119.4551').waitFor();
    await button(page, '新增站点').click();
    const dialog = page.getByRole('dialog', { name: '新增站点' });
    await dialog.getByLabel('名称').fill(name);
    await dialog.getByLabel('地址').fill('中山东路 100 号');
    await dialog.getByLabel('纬度').fill('32.2051');
    await dialog.getByLabel('经度').fill('119.4560');
    await button(dialog, '保存').click();
    await row(page, name).getByText('32.2051, 119.4560').waitFor();
    await screenshot(page, 'care-stations');
  });
});
