/**
 * Care in the console: staff top up a benefit of their street (made through the API for this run) and see
 * the new stock; a withdrawal larger than what is left is refused with the API's reason; the street's
 * stations list shows their coordinates, and a new station can be added with its own. The claims of a
 * benefit (one picked up, one waiting) download as an .xlsx from the benefit's page.
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
  phoneNumber,
  row,
  RUN,
  RUN_LETTERS,
  readWorkbook,
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

test('staff export a benefit’s claims as an .xlsx', async (t) => {
  const page = await openConsole(t);
  const title = `控制台领取导出-${RUN}`;
  await withFailureScreenshot(page, 'care-claims-export', async () => {
    const benefit = await createBenefit(title, 10);
    const station = await stationId(DEMO.dashikouStation);
    const { accessToken: staff } = await apiLogin(DEMO.staff.openid);

    // Two workers of the street claim it; one is a member with a phone on file, and picks it up at once.
    const pickedName = `领取职工${RUN_LETTERS}`;
    const waitingName = `待领职工${RUN_LETTERS}`;
    const picked = await newWorker('claim-picked', { orgName: DEMO.dashikouEnterprise, realName: pickedName });
    const application = await apiCall('POST', '/membership/applications', {
      token: picked.token,
      body: { realName: pickedName, phone: phoneNumber(31), orgId: await orgId(DEMO.dashikouEnterprise), category: 'regular' },
    });
    await apiCall('POST', `/membership/applications/${application.id}/approve`, { token: staff });
    const waiting = await newWorker('claim-waiting', { orgName: DEMO.dashikouEnterprise, realName: waitingName });
    const first = await apiCall('POST', `/care/benefits/${benefit.id}/claims`, { token: picked.token, body: { stationId: station } });
    const second = await apiCall('POST', `/care/benefits/${benefit.id}/claims`, { token: waiting.token, body: { stationId: station } });
    await apiCall('POST', '/care/redemptions', { token: staff, body: { code: first.code } });

    await loginAsStaff(page);
    await openPage(page, `/care/benefits/${benefit.id}`, title);
    const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出领取记录').click()]);
    assert.match(download.suggestedFilename(), /领取记录\.xlsx$/);
    const file = path.join(ARTIFACTS, `care-claims-${RUN}.xlsx`);
    await download.saveAs(file);
    await page.getByText(/已下载/).waitFor();

    const [header, ...rows] = await readWorkbook(file);
    assert.deepEqual(header, ['领取码', '职工', '手机号', '服务站', '状态', '领取时间', '核销时间']);
    assert.equal(rows.length, 2, 'every claim of the benefit, and only those');
    const byCode = new Map(rows.map((r) => [r[0], r]));
    const done = byCode.get(first.code);
    const open = byCode.get(second.code);
    assert.ok(done && open, 'both pickup codes are listed');
    assert.deepEqual([done[1], done[3], done[4]], [pickedName, DEMO.dashikouStation, '已领取']);
    assert.deepEqual([open[1], open[3], open[4]], [waitingName, DEMO.dashikouStation, '待领取']);
    assert.match(String(done[2]), /^1\d{2}\*{4}\d{4}$/, 'the member’s phone, masked');
    assert.ok(done[5] && done[6], 'claimed and redeemed times');
    assert.ok(open[5] && !open[6], 'claimed, not redeemed');
    for (const r of rows) for (const cell of r) assert.doesNotMatch(String(cell ?? ''), /1\d{10}/, 'no full phone number anywhere');
  });
});
