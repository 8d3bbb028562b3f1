/**
 * Browser journey on the mini-program's H5 build: a gig-verified courier claims a care package (暖新关爱) and
 * has it redeemed at the station. An admin first creates this run's own benefit through the API (so reruns
 * against the same database start fresh). Then, on the phone: dev login as 快递员 赵强 → 服务 → 暖新关爱 →
 * the benefit → stations nearest first (the browser is placed at 大市口) → 确认领取 → the claim page shows the
 * QR image and the pickup code. Station staff (here the admin, through the API) redeem the code, and the
 * claim page, loaded again, says 已领取. A second journey cancels a claim from its page (confirm dialog, DELETE).
 *
 * Needs a running API with dev login enabled and the seeded demo district (demo-courier, demo-admin, the
 * stations), and the H5 build (built against that API) being served:
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/
 * A screenshot of the redeemed claim lands in tests/e2e/artifacts/ (a failure one too, when it fails).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  API_BASE,
  apiCall,
  apiLogin,
  ARTIFACTS,
  button,
  cell,
  H5_URL,
  openPhone,
  tab,
  visible,
  withFailureScreenshot,
} from './support/browser.mjs';

const COURIER_LABEL = '快递员 赵强';
const COURIER_OPENID = 'demo-courier';
const ADMIN_OPENID = 'demo-admin';
const OWNER_ORG = '京口区总工会';
const NEAREST_STATION = '大市口户外劳动者服务站';
/** Where the browser says the worker stands: at 大市口. */
const HERE = { latitude: 32.2047, longitude: 119.4551 };
const HOUR_MS = 3600_000;

test('a courier claims a care package, shows the code at the station and sees it redeemed', async (t) => {
  const adminToken = await adminLogin();
  const benefit = await createJourneyBenefit(adminToken);

  const page = await openPhone(t, { permissions: ['geolocation'], geolocation: HERE });

  await withFailureScreenshot(page, 'care-journey', async () => {
    await page.goto(H5_URL);
    await cell(page, COURIER_LABEL).click();

    // A seeded worker who consented long ago lands on 首页; the programmes are under 服务.
    await visible(page.getByText('你好，赵强', { exact: true })).waitFor();
    await tab(page, '服务').click();
    await cell(page, '暖新关爱').click();

    const card = visible(page.locator('.care-benefit').filter({ hasText: benefit.title }));
    await card.waitFor();
    await card.getByText('剩余 5/5 份', { exact: false }).waitFor();
    await card.locator('.nut-button').filter({ hasText: '立即领取' }).click();

    // Stations nearest first, the nearest one proposed.
    await visible(page.getByText('按离你的距离由近到远排列', { exact: true })).waitFor();
    const names = visible(page.locator('.benefit-station__name'));
    assert.equal((await names.first().textContent())?.trim(), NEAREST_STATION);
    assert.equal(await names.count(), benefit.stations.length);
    await visible(page.locator('.benefit-station').filter({ hasText: NEAREST_STATION })).click();
    await visible(page.locator('.benefit-station--selected').filter({ hasText: NEAREST_STATION })).waitFor();
    await button(page, '确认领取').click();

    // The claim: QR image (fetched with the token, shown as a data URI) and the code as text.
    const codeText = visible(page.locator('.claim__code'));
    await codeText.waitFor();
    const code = (await codeText.textContent())?.trim() ?? '';
    assert.match(code, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/, `a pickup code on the page, got "${code}"`);
    await visible(page.locator('.claim__status').getByText('待领取', { exact: true })).waitFor();
    await visible(page.locator('.claim__station-name').getByText(NEAREST_STATION, { exact: true })).waitFor();
    await visible(page.getByText(/^剩余 \d+天\d+小时\d+分$/)).waitFor();
    const qr = visible(page.locator('.claim__qr img'));
    await qr.waitFor();
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/png;base64,/);
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await qr.elementHandle());
    // Measured in one go: the page may still be sliding in.
    const inFrame = await qr.evaluate((img) => {
      const frame = img.closest('.claim__qr').getBoundingClientRect();
      const image = img.getBoundingClientRect();
      return image.left >= frame.left - 1 && image.right <= frame.right + 1;
    });
    assert.ok(inFrame, 'the QR image sits in its frame');

    // At the station: staff redeem the code (here the admin, through the API as the console would).
    const response = await fetch(`${API_BASE}/care/redemptions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ code }),
    });
    const redemption = await response.json();
    assert.equal(response.status, 201, `POST /care/redemptions answered ${response.status}: ${JSON.stringify(redemption)}`);
    assert.equal(redemption.benefit.title, benefit.title);
    assert.equal(redemption.station.name, NEAREST_STATION);
    assert.equal(redemption.workerName, '赵*', 'the worker name comes back masked');

    // Back on the phone: the claim page, loaded again, shows the redemption.
    await page.reload();
    await visible(page.locator('.claim__status').getByText('已领取', { exact: true })).waitFor();
    await visible(page.getByText(/^领取时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)).waitFor();
    assert.equal(await visible(page.locator('.claim__code')).count(), 0, 'a redeemed claim no longer shows its code');

    // Let the page settle so the screenshot shows the finished page.
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ARTIFACTS, 'care-journey.png') });
  });
});

test('a courier cancels a claim after confirming, and the pack goes back to the stock', async (t) => {
  const adminToken = await adminLogin();
  const benefit = await createJourneyBenefit(adminToken, '旅程取消');
  const courier = await apiLogin(COURIER_OPENID);
  const claim = await apiCall('POST', `/care/benefits/${benefit.id}/claims`, {
    token: courier.accessToken,
    body: { stationId: benefit.stations[0].id },
  });

  const page = await openPhone(t);

  await withFailureScreenshot(page, 'care-cancel-journey', async () => {
    await page.goto(H5_URL);
    await cell(page, COURIER_LABEL).click();
    await visible(page.getByText('你好，赵强', { exact: true })).waitFor();
    await page.goto(new URL(`#/packages/care/pages/claim/index?id=${claim.claimId}`, H5_URL).href);
    await visible(page.locator('.claim__code').getByText(claim.code, { exact: true })).waitFor();

    // The confirm dialog first: 再想想 keeps the claim.
    await button(page, '取消领取').click();
    await visible(page.getByText('再想想', { exact: true })).click();
    await visible(page.locator('.claim__status').getByText('待领取', { exact: true })).waitFor();

    await button(page, '取消领取').click();
    await visible(page.getByText('确定取消', { exact: true })).click();
    await visible(page.locator('.claim__status').getByText('已取消', { exact: true })).waitFor();
    assert.equal(await visible(page.locator('.claim__code')).count(), 0, 'a cancelled claim no longer shows its code');

    const benefits = await apiCall('GET', '/care/benefits', { token: courier.accessToken });
    assert.equal(benefits.find((open) => open.id === benefit.id)?.remainingStock, 5, 'the pack is back in the stock');
  });
});

let adminSession;

/** One admin login shared by both journeys: the API allows 20 logins a minute per address. */
async function adminLogin() {
  adminSession ??= apiLogin(ADMIN_OPENID);
  return (await adminSession).accessToken;
}

/** This run's own benefit: 5 packs for gig-verified couriers, open now, at every station. */
async function createJourneyBenefit(token, prefix = '旅程礼包') {
  const stations = await apiCall('GET', '/care/stations?pageSize=100', { token });
  assert.ok(stations.items.some((station) => station.name === NEAREST_STATION), `the seeded station ${NEAREST_STATION}`);
  const orgs = await apiCall('GET', `/orgs?q=${encodeURIComponent(OWNER_ORG)}`, { token });
  const owner = orgs.items.find((org) => org.name === OWNER_ORG);
  assert.ok(owner, `the seeded org ${OWNER_ORG}`);

  const now = Date.now();
  return apiCall('POST', '/care/benefits', {
    token,
    body: {
      title: `${prefix}-${now}`,
      description: '浏览器旅程专用礼包：保温杯一只。',
      kind: 'pack',
      stock: 5,
      perPersonLimit: 1,
      claimStartsAt: new Date(now - HOUR_MS).toISOString(),
      claimEndsAt: new Date(now + 24 * HOUR_MS).toISOString(),
      pickupDeadline: new Date(now + 48 * HOUR_MS).toISOString(),
      eligibility: { categories: ['courier'], gigVerifiedRequired: true, tags: [], membersOnly: false, orgId: null },
      stationIds: stations.items.map((station) => station.id),
      ownerOrgId: owner.id,
    },
  });
}
