/**
 * Browser journey on the mini-program's H5 build: a station's staff member redeems a courier's pickup code on
 * the redeem page (核销), typed, since a camera cannot scan in a test (issue 21: the courier's pack). Everything is made through the API first,
 * so it depends on no seeded story: an admin (demo-admin) creates this run's own union, its station, a benefit
 * picked up there, and grants a fresh person staff of that union; a fresh worker claims a pack. Then, on the
 * staff member's phone: dev login → consent → the redeem page → 输入领取码 → 下一步 → 确认核销 → 核销成功 with
 * what and where, and 今日核销 lists it → the same code again → 已于 … 核销, refused. The worker's claim reads
 * redeemed.
 *
 * Needs a running API with dev login enabled (and demo-admin), and the H5 build served:
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/
 * A screenshot of the redemption lands in tests/e2e/artifacts/ (a failure one too, when it fails).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  apiCall,
  apiLogin,
  ARTIFACTS,
  button,
  devLoginInBrowser,
  H5_URL,
  openPhone,
  visible,
  withFailureScreenshot,
} from './support/browser.mjs';

const ADMIN_OPENID = 'demo-admin';
const HOUR_MS = 3600_000;

test('station staff type a worker’s pickup code on the redeem page and redeem it, once', async (t) => {
  const run = Date.now();
  const story = await createPickup(run);
  const page = await openPhone(t);

  await withFailureScreenshot(page, 'redeem-journey', async () => {
    await devLoginInBrowser(page, story.staffOpenid);
    await visible(page.getByText('京彩职工隐私政策', { exact: true })).waitFor();
    await button(page, '同意并继续').click();
    // The staff member opens 核销 (in WeChat, by scanning a claim's code; here by its address).
    await visible(page.locator('input[placeholder="请输入真实姓名"]')).waitFor();
    await page.goto(new URL('#/packages/care/pages/redeem/index', H5_URL).href);

    await visible(page.getByText('今天还没有核销记录', { exact: true })).waitFor();
    await visible(page.getByText('输入领取码', { exact: true })).waitFor();
    // Typed as a person might read it out: lower case, with a space.
    const typed = `${story.code.slice(0, 4).toLowerCase()} ${story.code.slice(4)}`;
    await visible(page.locator('input[placeholder="请输入 8 位领取码"]')).fill(typed);
    await button(page, '下一步').click();
    await visible(page.locator('.redeem__code').getByText(story.code, { exact: true })).waitFor();
    await button(page, '确认核销').click();

    await visible(page.getByText('核销成功', { exact: true })).waitFor();
    const row = (label) => visible(page.locator('.redeem__row').filter({ has: page.getByText(label, { exact: true }) }));
    await row('领取内容').getByText(story.benefit.title, { exact: true }).waitFor();
    await row('服务站').getByText(story.station.name, { exact: true }).waitFor();
    await visible(page.getByText('今日核销（1）', { exact: true })).waitFor();
    await visible(page.locator('.redeem__item').filter({ hasText: story.benefit.title })).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'redeem-journey.png') });

    // The same code again: refused, saying when and by whom.
    await button(page, '继续核销').click();
    await visible(page.locator('input[placeholder="请输入 8 位领取码"]')).fill(story.code);
    await button(page, '下一步').click();
    await button(page, '确认核销').click();
    await visible(page.locator('.care-refusal').getByText(/^已于 .+ 由 .+ 核销$/)).waitFor();
    await visible(page.getByText('今日核销（1）', { exact: true })).waitFor();
  });

  const claim = await apiCall('GET', `/care/claims/${story.claimId}`, { token: story.courierToken });
  assert.equal(claim.status, 'redeemed', 'the worker’s claim reads redeemed');
});

/** This run's union, station and benefit; a fresh staff member of that union, and a fresh courier's claim. */
async function createPickup(run) {
  const { accessToken: token } = await apiLogin(ADMIN_OPENID);
  const union = await apiCall('POST', '/orgs', {
    token,
    body: { name: `核销旅程工会-${run}`, kind: 'district', parentId: null, memberCount: 100 },
  });
  const station = await apiCall('POST', '/care/stations', {
    token,
    body: {
      name: `核销旅程服务站-${run}`,
      address: '京口区旅程路 1 号',
      latitude: 32.2,
      longitude: 119.45,
      hours: '08:00-20:00',
      amenities: ['water', 'charging'],
      orgId: union.id,
    },
  });
  const benefit = await apiCall('POST', '/care/benefits', {
    token,
    body: {
      title: `核销旅程礼包-${run}`,
      description: '浏览器旅程专用礼包：防暑药品一份。',
      kind: 'pack',
      stock: 3,
      perPersonLimit: 1,
      claimStartsAt: new Date(run - HOUR_MS).toISOString(),
      claimEndsAt: new Date(run + 24 * HOUR_MS).toISOString(),
      pickupDeadline: new Date(run + 48 * HOUR_MS).toISOString(),
      eligibility: { categories: [], gigVerifiedRequired: false, tags: [], membersOnly: false, orgId: null },
      stationIds: [station.id],
      ownerOrgId: union.id,
    },
  });

  const staffOpenid = `redeem-staff-${run}`;
  const staff = await apiLogin(staffOpenid);
  await apiCall('POST', `/admin/users/${staff.user.id}/roles`, { token, body: { role: 'staff', orgId: union.id } });

  const courier = await apiLogin(`redeem-courier-${run}`);
  const claim = await apiCall('POST', `/care/benefits/${benefit.id}/claims`, {
    token: courier.accessToken,
    body: { stationId: station.id },
  });
  assert.match(claim.code, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
  return { staffOpenid, courierToken: courier.accessToken, claimId: claim.claimId, code: claim.code, benefit, station };
}
