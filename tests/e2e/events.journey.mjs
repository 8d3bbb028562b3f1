/**
 * Browser journeys on the mini-program's H5 build for 活动报名 (events). An admin first creates this run's own
 * first-come event through the API, with a session starting soon (check-in opens 30 minutes before a session)
 * and a sign-up form. Then, on the phone: 职工 张伟 → 服务 → 活动报名 → the event → 我要报名 → picks the session,
 * answers the form → 提交报名 → the ticket with its QR and code. On a second phone the admin opens 签到核验 and
 * types the ticket code: 签到成功, once; the worker's ticket, loaded again, says 已签到. A second journey has
 * another worker cancel a sign-up from the ticket (confirm dialog first).
 *
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/events.journey.mjs
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { apiCall, apiLogin, ARTIFACTS, button, cell, H5_URL, openPhone, tab, visible, withFailureScreenshot } from './support/browser.mjs';

const WORKER_LABEL = '职工 张伟（京彩科技）';
const ADMIN_LABEL = '区总工会管理员 王主席';
const COURIER_OPENID = 'demo-courier';
const ADMIN_OPENID = 'demo-admin';
const OWNER_ORG = '京口区总工会';
const MINUTE_MS = 60_000;

test('a worker signs up for an event, sees the ticket, and venue staff check it in by its typed code', async (t) => {
  const event = await createJourneyEvent('旅程体检');
  const page = await openPhone(t);

  await withFailureScreenshot(page, 'events-journey', async () => {
    await page.goto(H5_URL);
    await cell(page, WORKER_LABEL).click();
    await visible(page.getByText('你好，张伟', { exact: true })).waitFor();
    await tab(page, '服务').click();
    await cell(page, '活动报名').click();

    const card = visible(page.locator('.event-card').filter({ hasText: event.title }));
    await card.waitFor();
    await card.getByText('剩余 3/3 个名额').waitFor();
    await card.click();

    await visible(page.locator('.event-detail__title').getByText(event.title, { exact: true })).waitFor();
    await visible(page.getByText('场次与名额', { exact: true })).waitFor();
    await button(page, '我要报名').click();

    // The one session is chosen already; the staff's questions are answered.
    await visible(page.getByRole('radio', { name: /上午场/ })).waitFor();
    await visible(page.getByRole('button', { name: 'L', exact: true })).click();
    await visible(page.locator('input[placeholder="请填写紧急联系人"]')).fill('李梅');
    await button(page, '提交报名').click();

    // The ticket: status, QR image and the code as text.
    await visible(page.locator('.event-ticket__title').getByText(event.title, { exact: true })).waitFor();
    await visible(page.locator('.events-status').getByText('报名成功', { exact: true })).waitFor();
    const codeText = visible(page.locator('.ticket-qr .events-code'));
    await codeText.waitFor();
    const code = (await codeText.textContent())?.trim() ?? '';
    assert.match(code, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/, `a ticket code on the page, got "${code}"`);
    const qr = visible(page.locator('.ticket-qr img'));
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml/);
    await visible(page.getByText('衣服尺码', { exact: true })).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'events-ticket.png') });

    // At the venue: the admin, on their own phone, types the code on 签到核验.
    const staffPage = await openPhone(t);
    await staffPage.goto(H5_URL);
    await cell(staffPage, ADMIN_LABEL).click();
    await visible(staffPage.getByText(/^你好，/)).waitFor();
    await staffPage.goto(new URL('#/packages/events/pages/checkin/index', H5_URL).href);
    await visible(staffPage.getByText('输入票码', { exact: true })).waitFor();
    const typed = `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`;
    await visible(staffPage.locator('input[placeholder="请输入 10 位票码"]')).fill(typed);
    await button(staffPage, '确认签到').click();
    await visible(staffPage.getByText('签到成功', { exact: true })).waitFor();
    await visible(staffPage.getByText('张*', { exact: true })).waitFor();
    await visible(staffPage.getByText('本次签到（1）', { exact: true })).waitFor();

    // Once only: the same code again is refused with the API's reason.
    await visible(staffPage.locator('input[placeholder="请输入 10 位票码"]')).fill(code);
    await button(staffPage, '确认签到').click();
    await visible(staffPage.getByText('该票已签到，请勿重复签到', { exact: true })).waitFor();
    await staffPage.screenshot({ path: path.join(ARTIFACTS, 'events-checkin.png') });

    // Back on the worker's phone: the ticket, loaded again, is checked in.
    await page.reload();
    await visible(page.locator('.events-status').getByText('已签到', { exact: true })).waitFor();
    await visible(page.getByText(/^签到时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)).waitFor();
  });
});

test('another worker cancels a sign-up after confirming, and the place is free again', async (t) => {
  const event = await createJourneyEvent('旅程取消');
  const courier = await apiLogin(COURIER_OPENID);
  const signup = await apiCall('POST', `/events/${event.id}/signups`, {
    token: courier.accessToken,
    body: { sessionId: event.sessions[0].id, answers: [{ key: 'size', value: 'M' }, { key: 'contact', value: '赵敏' }] },
  });
  const page = await openPhone(t);

  await withFailureScreenshot(page, 'events-cancel-journey', async () => {
    await page.goto(H5_URL);
    await cell(page, '快递员 赵强').click();
    await visible(page.getByText('你好，赵强', { exact: true })).waitFor();
    await page.goto(new URL(`#/packages/events/pages/ticket/index?id=${signup.id}`, H5_URL).href);
    await visible(page.locator('.events-status').getByText('报名成功', { exact: true })).waitFor();

    await button(page, '取消报名').click();
    await visible(page.getByText('再想想', { exact: true })).click();
    await visible(page.locator('.events-status').getByText('报名成功', { exact: true })).waitFor();

    await button(page, '取消报名').click();
    await visible(page.getByText('确定取消', { exact: true })).click();
    await visible(page.locator('.events-status').getByText('已取消', { exact: true })).waitFor();
    assert.equal(await visible(page.locator('.ticket-qr')).count(), 0, 'a cancelled sign-up no longer shows its QR');

    const after = await apiCall('GET', `/events/${event.id}`, { token: courier.accessToken });
    assert.equal(after.sessions[0].remaining, 3, 'the place is free again');
  });
});

let adminSession;

/** One admin login shared by both journeys: the API allows 20 logins a minute per address. */
async function adminLogin() {
  adminSession ??= apiLogin(ADMIN_OPENID);
  return (await adminSession).accessToken;
}

/**
 * This run's own first-come event for everyone in the district: one session of 3 places starting in 20 minutes
 * (so check-in is open now), the sign-up window open until then, and a form with a choice and a text question.
 */
async function createJourneyEvent(prefix) {
  const token = await adminLogin();
  const orgs = await apiCall('GET', `/orgs?q=${encodeURIComponent(OWNER_ORG)}`, { token });
  const owner = orgs.items.find((org) => org.name === OWNER_ORG);
  assert.ok(owner, `the seeded org ${OWNER_ORG}`);
  const now = Date.now();
  const starts = now + 20 * MINUTE_MS;
  return apiCall('POST', '/events', {
    token,
    body: {
      title: `${prefix}-${now}`,
      kind: 'health_check',
      description: '浏览器旅程专用：职工免费体检，请按时段到场。',
      coverId: null,
      venue: '区人民医院体检中心',
      latitude: 32.2044,
      longitude: 119.4549,
      ownerOrgId: owner.id,
      eligibility: { categories: [], gigVerifiedRequired: false, tags: [], membersOnly: false, orgId: null },
      allocation: 'first_come',
      signupStartsAt: new Date(now - 60 * MINUTE_MS).toISOString(),
      signupEndsAt: new Date(starts - MINUTE_MS).toISOString(),
      cancelDeadline: new Date(starts - MINUTE_MS).toISOString(),
      perPersonLimit: 1,
      noShowRule: false,
      offerHours: 24,
      form: [
        { key: 'size', label: '衣服尺码', type: 'choice', required: true, options: ['M', 'L', 'XL'] },
        { key: 'contact', label: '紧急联系人', type: 'text', required: true },
      ],
      sessions: [{ label: '上午场', startsAt: new Date(starts).toISOString(), endsAt: new Date(starts + 180 * MINUTE_MS).toISOString(), capacity: 3 }],
    },
  });
}
