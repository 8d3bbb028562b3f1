/**
 * Browser journeys on the mini-program's H5 build for 活动报名 (events), issue 23. Staff act through the API with
 * the demo admin's token, as the console would; workers act on the phone.
 *
 * 1. A health check by appointment: the admin creates a first-come 体检 with ten half-hour slots (8:00–8:30 …
 *    12:30–13:00, 10 places each) three days ahead. 职工 张伟 → 服务 → 活动报名 → 体检 → the event → 我要报名 →
 *    picks 8:30–9:00 → 提交报名 → the ticket with its QR, code and slot time; back on the event that slot has 9
 *    places left; 查看我的报名 lists the ticket with its slot time and opens it again.
 * 2. 暑托班 by lottery: the admin creates a childcare lottery whose sign-up window closes a minute later, with a
 *    morning session starting in 20 minutes (check-in opens 30 minutes before a session). 外卖骑手 孙磊 enrols
 *    his child (name, age, guardian — the ticket shows them masked) and waits for the draw; once the window has
 *    closed the admin runs the lottery (2 places, 2 entries); the ticket says 已中签 with its QR; on a second
 *    phone the admin types the code on 签到核验: 签到成功, once; the parent's ticket, loaded again, says 已签到.
 * 3. Another worker cancels a sign-up from the ticket (confirm dialog first) and the place is free again.
 *
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/events.journey.mjs
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { apiCall, apiLogin, ARTIFACTS, button, cell, H5_URL, openPhone, tab, visible, withFailureScreenshot } from './support/browser.mjs';

const ADMIN_LABEL = '区总工会管理员 王主席';
const ADMIN_OPENID = 'demo-admin';
const COURIER_OPENID = 'demo-courier';
const OWNER_ORG = '京口区总工会';
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const TICKET_CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/;

test('a worker books a health-check slot and sees the ticket with its QR and slot time in 我的报名', async (t) => {
  const day = shanghaiDay(3);
  const slots = Array.from({ length: 10 }, (_, i) => halfHourSlot(day, 8 * 60 + 30 * i));
  const chosen = slots[1];
  assert.equal(chosen.label, '8:30–9:00');
  const event = await createJourneyEvent('旅程体检', {
    kind: 'health_check',
    description: '浏览器旅程专用：职工免费体检，按预约时段到院，请空腹。',
    venue: '区人民医院体检中心',
    signupEndsAt: new Date(day.midnight - HOUR_MS).toISOString(),
    cancelDeadline: new Date(day.midnight - HOUR_MS).toISOString(),
    form: [{ key: 'package', label: '体检套餐', type: 'choice', required: true, options: ['基础套餐', '心脑血管套餐'] }],
    sessions: slots.map(({ label, startsAt, endsAt }) => ({ label, startsAt, endsAt, capacity: 10 })),
  });
  const page = await openPhone(t);

  await withFailureScreenshot(page, 'events-health-check', async () => {
    await signIn(page, '职工 张伟（京彩科技）', '张伟');
    await openEvent(page, event.title, { kind: '体检', places: '剩余 100/100 个名额' });
    await visible(page.getByText('场次与名额', { exact: true })).waitFor();
    await sessionRow(page, chosen.label).getByText('剩余 10/10', { exact: true }).waitFor();
    await button(page, '我要报名').click();

    // Ten slots to choose from; the worker takes the second one and answers the staff's question.
    const radios = visible(page.getByRole('radio'));
    await radios.first().waitFor();
    assert.equal(await radios.count(), 10, 'every half-hour slot is offered');
    const slot = visible(page.getByRole('radio', { name: new RegExp(`^${chosen.label}`) }));
    await slot.click();
    assert.equal(await slot.getAttribute('aria-checked'), 'true', 'the tapped slot is the chosen one');
    await visible(page.getByRole('button', { name: '基础套餐', exact: true })).click();
    await button(page, '提交报名').click();

    // The ticket: status, QR and code, and the slot with its time.
    await ticketShows(page, event.title, '报名成功');
    const code = await ticketCode(page);
    await infoRow(page, '场次', chosen.label).waitFor();
    await infoRow(page, '时间', chosen.span).waitFor();
    await infoRow(page, '体检套餐', '基础套餐').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'events-health-check-ticket.png') });

    // Back on the event the slot has one place fewer; 我的报名 lists the ticket with its slot time.
    await page.goBack();
    await sessionRow(page, chosen.label).getByText('剩余 9/10', { exact: true }).waitFor();
    await button(page, '查看我的报名').click();
    const item = visible(page.locator('.events-mine__item').filter({ hasText: event.title }));
    await item.waitFor();
    await item.locator('.events-status').getByText('报名成功', { exact: true }).waitFor();
    await item.getByText(`${chosen.label} · ${chosen.span}`, { exact: true }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'events-mine.png') });
    await item.click();
    await ticketShows(page, event.title, '报名成功');
    assert.equal(await ticketCode(page), code, 'the same ticket opens from 我的报名');
  });
});

test('a parent enrols a child in 暑托班, wins the lottery and is checked in by typed code', async (t) => {
  const page = await openPhone(t);
  await withFailureScreenshot(page, 'events-childcare', async () => {
    await signIn(page, '外卖骑手 孙磊', '孙磊');

    // Created once the parent is on the phone: the window gives them a minute to enrol, then the draw runs.
    const now = Date.now();
    const windowEnds = now + MINUTE_MS;
    const starts = now + 20 * MINUTE_MS;
    const event = await createJourneyEvent('旅程暑托班', {
      kind: 'childcare',
      description: '浏览器旅程专用：暖“新”一夏爱心暑托班，新就业形态劳动者子女优先，名额有限，公开抽签。',
      allocation: 'lottery',
      signupEndsAt: new Date(windowEnds).toISOString(),
      cancelDeadline: new Date(windowEnds).toISOString(),
      sessions: [{ label: '上午班', startsAt: new Date(starts).toISOString(), endsAt: new Date(starts + 3 * HOUR_MS).toISOString(), capacity: 2 }],
    });
    assert.match(event.lotterySeed, /^[0-9a-f]{64}$/, 'the seed is published before anyone signs up');
    const courier = await apiLogin(COURIER_OPENID);
    await apiCall('POST', `/events/${event.id}/signups`, {
      token: courier.accessToken,
      body: { sessionId: event.sessions[0].id, answers: [], child: { name: '赵小川', age: 9, guardian: '赵强' } },
    });

    await openEvent(page, event.title, { kind: '暑托班', places: '共 2 个名额，报名截止后抽签' });
    await visible(page.locator('.event-lottery__seed').getByText(`种子：${event.lotterySeed}`, { exact: true })).waitFor();
    await button(page, '报名参加抽签').click();
    await visible(page.getByRole('radio', { name: /^上午班/ })).waitFor();
    await visible(page.getByText(/^孩子信息加密保存/)).waitFor();
    await visible(page.locator('input[placeholder="请填写孩子姓名"]')).fill('孙小雨');
    await visible(page.locator('input[placeholder="请填写孩子年龄"]')).fill('8');
    await visible(page.locator('input[placeholder="请填写监护人姓名"]')).fill('孙磊');
    await button(page, '提交报名').click();

    // Entered in the draw: no QR yet; the child is shown masked, never in full.
    await ticketShows(page, event.title, '待抽签');
    await visible(page.getByText('报名截止后公开抽签，请留意结果通知', { exact: true })).waitFor();
    assert.equal(await visible(page.locator('.ticket-qr')).count(), 0, 'no ticket QR before the draw');
    await infoRow(page, '孩子', '孙**（8 岁），监护人 孙*').waitFor();
    assert.equal(await visible(page.getByText(/孙小雨/)).count(), 0, "the child's full name is not shown");
    const publicNo = (await infoRow(page, '报名号').locator('.events-row__value').textContent())?.trim() ?? '';
    await page.screenshot({ path: path.join(ARTIFACTS, 'events-childcare-entered.png') });

    // The window closes; the admin runs the published draw. Two places, two entries: the parent wins.
    const wait = windowEnds + 1000 - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    const draw = await apiCall('POST', `/events/${event.id}/lottery`, { token: await adminLogin() });
    assert.equal(draw.seed, event.lotterySeed, 'the draw used the seed published at creation');
    assert.ok(draw.sessions[0].winners.includes(publicNo), `the parent's number ${publicNo} is among the winners`);

    await page.reload();
    await ticketShows(page, event.title, '报名成功');
    await visible(page.getByText(/^已中签！/)).waitFor();
    const code = await ticketCode(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'events-childcare-won.png') });

    // At the door: the admin types the code on 签到核验; the child shows masked there too; once only.
    const staffPage = await checkInByTypedCode(t, code);
    await infoRow(staffPage, '报名人', '孙*').waitFor();
    await infoRow(staffPage, '孩子', '孙**（8 岁）').waitFor();
    await visible(staffPage.locator('input[placeholder="请输入 10 位票码"]')).fill(code);
    await button(staffPage, '确认签到').click();
    await visible(staffPage.getByText('该票已签到，请勿重复签到', { exact: true })).waitFor();
    await staffPage.screenshot({ path: path.join(ARTIFACTS, 'events-checkin.png') });

    // Back on the parent's phone: the ticket, loaded again, is checked in.
    await page.reload();
    await ticketShows(page, event.title, '已签到');
    await visible(page.getByText(/^签到时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)).waitFor();
  });
});

test('another worker cancels a sign-up after confirming, and the place is free again', async (t) => {
  const starts = Date.now() + 20 * MINUTE_MS;
  const event = await createJourneyEvent('旅程取消', {
    sessions: [{ label: '上午场', startsAt: new Date(starts).toISOString(), endsAt: new Date(starts + 3 * HOUR_MS).toISOString(), capacity: 3 }],
  });
  const courier = await apiLogin(COURIER_OPENID);
  const signup = await apiCall('POST', `/events/${event.id}/signups`, {
    token: courier.accessToken,
    body: { sessionId: event.sessions[0].id, answers: [] },
  });
  const page = await openPhone(t);

  await withFailureScreenshot(page, 'events-cancel-journey', async () => {
    await signIn(page, '快递员 赵强', '赵强');
    await page.goto(new URL(`#/packages/events/pages/ticket/index?id=${signup.id}`, H5_URL).href);
    await ticketShows(page, event.title, '报名成功');

    await button(page, '取消报名').click();
    await visible(page.getByText('再想想', { exact: true })).click();
    await ticketShows(page, event.title, '报名成功');

    await button(page, '取消报名').click();
    await visible(page.getByText('确定取消', { exact: true })).click();
    await ticketShows(page, event.title, '已取消');
    assert.equal(await visible(page.locator('.ticket-qr')).count(), 0, 'a cancelled sign-up no longer shows its QR');

    const after = await apiCall('GET', `/events/${event.id}`, { token: courier.accessToken });
    assert.equal(after.sessions[0].remaining, 3, 'the place is free again');
  });
});

/** Dev login on the phone as a demo account, by its row on the login page. */
async function signIn(page, label, name) {
  await page.goto(H5_URL);
  await cell(page, label).click();
  await visible(page.getByText(`你好，${name}`, { exact: true })).waitFor();
}

/** 服务 → 活动报名 → the kind's chip → the event's card (saying its places) → its detail page. */
async function openEvent(page, title, { kind, places }) {
  await tab(page, '服务').click();
  await cell(page, '活动报名').click();
  await visible(page.getByRole('button', { name: kind, exact: true })).click();
  await visible(page.getByRole('button', { name: kind, exact: true, pressed: true })).waitFor();
  const card = visible(page.locator('.event-card').filter({ hasText: title }));
  await card.getByText(places, { exact: true }).waitFor();
  await card.click();
  await visible(page.locator('.event-detail__title').getByText(title, { exact: true })).waitFor();
}

/** A session on the event's detail page, by its label. */
function sessionRow(page, label) {
  return visible(page.locator('.event-session').filter({ has: page.getByText(label, { exact: true }) }));
}

/** A label-and-value row (ticket details, check-in result); with `value`, only the row saying exactly that. */
function infoRow(page, label, value) {
  const row = visible(page.locator('.events-row').filter({ has: page.locator('.events-row__label').getByText(label, { exact: true }) }));
  return value === undefined ? row : row.filter({ has: page.locator('.events-row__value').getByText(value, { exact: true }) });
}

/** Waits for the ticket page of `title` in `status`. */
async function ticketShows(page, title, status) {
  await visible(page.locator('.event-ticket__title').getByText(title, { exact: true })).waitFor();
  await visible(page.locator('.events-status').getByText(status, { exact: true })).waitFor();
}

/** The ticket's QR (an SVG image) and the code printed under it, which it returns. */
async function ticketCode(page) {
  const codeText = visible(page.locator('.ticket-qr .events-code'));
  await codeText.waitFor();
  const code = (await codeText.textContent())?.trim() ?? '';
  assert.match(code, TICKET_CODE, `a ticket code on the page, got "${code}"`);
  const qr = visible(page.locator('.ticket-qr img'));
  assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml/);
  return code;
}

/**
 * Venue staff, on their own phone: the admin opens 签到核验 and types `code` the way people do (lower case, a
 * space) and sees 签到成功 in this visit's log. Returns the staff page for further checks.
 */
async function checkInByTypedCode(t, code) {
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
  await visible(staffPage.getByText('本次签到（1）', { exact: true })).waitFor();
  return staffPage;
}

/** A Shanghai calendar day `days` from today: the instant of its midnight there and its `2026年12月10日` wording. */
function shanghaiDay(days) {
  const local = new Date(Date.now() + 8 * HOUR_MS + days * DAY_MS);
  const [year, month, date] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  return { midnight: Date.UTC(year, month, date) - 8 * HOUR_MS, words: `${year}年${month + 1}月${date}日` };
}

/** The half-hour slot starting `minutes` after midnight on `day`: its label (`8:30–9:00`) and how pages word it. */
function halfHourSlot(day, minutes) {
  const clock = (m) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
  const padded = (m) => clock(m).padStart(5, '0');
  const startsAt = day.midnight + minutes * MINUTE_MS;
  return {
    label: `${clock(minutes)}–${clock(minutes + 30)}`,
    span: `${day.words} ${padded(minutes)}–${padded(minutes + 30)}`,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 30 * MINUTE_MS).toISOString(),
  };
}

let adminSession;

/** One admin login shared by the journeys: the API allows 20 logins a minute per address. */
async function adminLogin() {
  adminSession ??= apiLogin(ADMIN_OPENID);
  return (await adminSession).accessToken;
}

/**
 * This run's own event for everyone in the district, owned by the district union, sign-ups open since an hour
 * ago: first come with no form unless `overrides` say otherwise; `sessions` and the window's end are the caller's.
 */
async function createJourneyEvent(prefix, overrides) {
  const token = await adminLogin();
  const orgs = await apiCall('GET', `/orgs?q=${encodeURIComponent(OWNER_ORG)}`, { token });
  const owner = orgs.items.find((org) => org.name === OWNER_ORG);
  assert.ok(owner, `the seeded org ${OWNER_ORG}`);
  const firstSession = Date.parse(overrides.sessions[0].startsAt);
  return apiCall('POST', '/events', {
    token,
    body: {
      title: `${prefix}-${Date.now()}`,
      kind: 'other',
      description: '浏览器旅程专用活动。',
      coverId: null,
      venue: '京口区职工服务中心',
      latitude: 32.2044,
      longitude: 119.4549,
      ownerOrgId: owner.id,
      eligibility: { categories: [], gigVerifiedRequired: false, tags: [], membersOnly: false, orgId: null },
      allocation: 'first_come',
      signupStartsAt: new Date(Date.now() - HOUR_MS).toISOString(),
      signupEndsAt: new Date(firstSession - MINUTE_MS).toISOString(),
      cancelDeadline: new Date(firstSession - MINUTE_MS).toISOString(),
      perPersonLimit: 1,
      noShowRule: false,
      offerHours: 24,
      form: [],
      ...overrides,
    },
  });
}
