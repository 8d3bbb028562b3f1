/**
 * The dashboard's charts, on data this test makes through the API (its own street, enterprise, staff
 * member and workers, so it depends on no seeded story): a quiz campaign, a reading season, a benefit and
 * legal questions, each with activity today. The staff member of the new street opens 工作台: every chart
 * draws with figures, its summary names them, the table toggle shows them, and the 数据大屏 draws them too.
 * Screenshots: dashboard.png, dashboard-table.png, dashboard-screen.png in the artifacts folder.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  apiCall,
  apiLogin,
  ARTIFACTS,
  consoleUrl,
  DEMO,
  newWorker,
  openConsole,
  PRIVACY_POLICY_VERSION,
  RUN,
  screenshot,
  settled,
  withFailureScreenshot,
} from './support/console.mjs';

const shanghaiDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);
const hoursFromNow = (hours) => new Date(Date.now() + hours * 3600_000).toISOString();

/** Every chart the dashboard draws, by its title. */
const CHARTS = ['每日答题人数与次数', '各组织答题参与率', '每日打卡人数', '各组织读书参与率', '每日领取与核销数量', '每周新咨询与已答复'];

/** A new street with one enterprise under the district, and a staff member who manages the street. */
async function newStreet(admin) {
  const orgs = await apiCall('GET', '/orgs?pageSize=100', { token: admin });
  const district = orgs.items.find((o) => o.parentId === null);
  assert.ok(district, 'a district at the root of the org tree');
  const street = await apiCall('POST', '/orgs', {
    token: admin,
    body: { name: `看板街道工会-${RUN}`, kind: 'street', parentId: district.id, memberCount: 20 },
  });
  const enterprise = await apiCall('POST', '/orgs', {
    token: admin,
    body: { name: `看板科技公司工会-${RUN}`, kind: 'enterprise', parentId: street.id, memberCount: 8 },
  });
  const first = await apiLogin(`console-dashboard-staff-${RUN}`);
  await apiCall('POST', '/me/consent', { token: first.accessToken, body: { version: PRIVACY_POLICY_VERSION } });
  await apiCall('POST', `/admin/users/${first.user.id}/roles`, { token: admin, body: { role: 'staff', orgId: street.id } });
  // A fresh token carries the new grant.
  const staff = await apiCall('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
  return { street, enterprise, staff };
}

async function quizActivity(staff, street, workers) {
  const bank = await apiCall('POST', '/quiz/banks', { token: staff, body: { name: `看板题库-${RUN}`, ownerOrgId: street.id } });
  await apiCall('POST', `/quiz/banks/${bank.id}/questions`, {
    token: staff,
    body: {
      type: 'judge',
      stem: '职工依法享有参加和组织工会的权利。',
      options: [
        { key: 'A', text: '正确' },
        { key: 'B', text: '错误' },
      ],
      answer: ['A'],
      explanation: '《工会法》第三条。',
      tags: [],
      difficulty: 1,
    },
  });
  const draft = await apiCall('POST', '/quiz/campaigns', {
    token: staff,
    body: {
      title: `看板答题-${RUN}`,
      rules: '看板测试活动。',
      startsAt: hoursFromNow(-1),
      endsAt: hoursFromNow(7 * 24),
      audienceOrgId: street.id,
      membersOnly: false,
      draw: [{ bankId: bank.id, type: 'judge', count: 1 }],
      shuffleOptions: false,
      secondsPerAttempt: 300,
      attemptsPerDay: 3,
      passScore: 60,
      ownerOrgId: street.id,
    },
  });
  await apiCall('POST', `/quiz/campaigns/${draft.id}/publish`, { token: staff });
  for (const [i, w] of workers.entries()) {
    for (let n = 0; n <= i; n += 1) {
      const attempt = await apiCall('POST', `/quiz/campaigns/${draft.id}/attempts`, { token: w.token });
      const answers = attempt.questions.map((q) => ({ questionId: q.id, choice: ['A'] }));
      await apiCall('POST', `/quiz/attempts/${attempt.attemptId}/submit`, { token: w.token, body: { answers } });
    }
  }
}

async function readingActivity(staff, street, workers) {
  const draft = await apiCall('POST', '/reading/seasons', {
    token: staff,
    body: {
      theme: `看板读书季-${RUN}`,
      description: '看板测试读书季',
      startsOn: shanghaiDay(-2),
      endsOn: shanghaiDay(30),
      books: [{ title: '平凡的世界', author: '路遥', blurb: '孙少安、孙少平兄弟的奋斗。' }],
      minNoteLength: 0,
      makeUpAllowance: 2,
      badgeThresholds: [7],
      audienceOrgId: street.id,
      ownerOrgId: street.id,
    },
  });
  const season = await apiCall('POST', `/reading/seasons/${draft.id}/publish`, { token: staff });
  for (const [i, w] of workers.slice(0, 2).entries()) {
    await apiCall('POST', `/reading/seasons/${season.id}/checkins`, {
      token: w.token,
      body: { bookId: season.books[0].id, minutes: 20 + i * 10, note: `今天读了一章，很受鼓舞。${RUN}-${i}` },
    });
  }
}

async function careActivity(staff, street, workers) {
  const station = await apiCall('POST', '/care/stations', {
    token: staff,
    body: { name: `看板驿站-${RUN}`, address: '中山东路 1 号', latitude: 32.2, longitude: 119.45, hours: '08:00-20:00', amenities: [], orgId: street.id },
  });
  const benefit = await apiCall('POST', '/care/benefits', {
    token: staff,
    body: {
      title: `看板礼包-${RUN}`,
      description: '保温杯、防晒袖套。',
      kind: 'pack',
      stock: 20,
      perPersonLimit: 1,
      claimStartsAt: hoursFromNow(-1),
      claimEndsAt: hoursFromNow(48),
      pickupDeadline: hoursFromNow(24 * 7),
      eligibility: { categories: [], gigVerifiedRequired: false, tags: [], membersOnly: false, orgId: street.id },
      stationIds: [station.id],
      ownerOrgId: street.id,
    },
  });
  const claims = [];
  for (const w of workers) {
    claims.push(await apiCall('POST', `/care/benefits/${benefit.id}/claims`, { token: w.token, body: { stationId: station.id } }));
  }
  await apiCall('POST', '/care/redemptions', { token: staff, body: { code: claims[0].code } });
}

async function legalActivity(staff, workers) {
  const asked = [];
  for (const w of workers.slice(0, 2)) {
    asked.push(
      await apiCall('POST', '/legal/questions', {
        token: w.token,
        body: { category: 'wage_arrears', title: '加班费怎么算', body: '周末加班公司只给调休，可以要求加班费吗？', publicAllowed: false },
      }),
    );
  }
  await apiCall('POST', `/legal/questions/${asked[0].id}/messages`, { token: staff, body: { body: '休息日加班不能安排补休的，应支付不低于工资 200% 的加班费。' } });
}

/** Waits for a chart's drawing and answers its accessible summary. */
async function drawnChart(page, title) {
  const chart = page.locator(`figure[data-chart="${title}"] [role="img"]`);
  await chart.waitFor();
  // ECharts' SVG renderer: bars are paths, lines are paths; a chart with figures has drawn some.
  await page.waitForFunction((t) => document.querySelector(`figure[data-chart="${t}"] [role="img"] svg path`) !== null, title);
  return chart.getAttribute('aria-label');
}

test('the dashboard draws every trend and org comparison of the staff member’s street, and the 数据大屏 too', async (t) => {
  const page = await openConsole(t);
  await withFailureScreenshot(page, 'dashboard', async () => {
    const { accessToken: admin } = await apiLogin(DEMO.admin.openid);
    const { street, enterprise, staff } = await newStreet(admin);
    const workers = [];
    for (const key of ['a', 'b', 'c']) {
      workers.push(await newWorker(`dashboard-${key}`, { orgName: enterprise.name, realName: '看板职工' }));
    }
    await quizActivity(staff.accessToken, street, workers);
    await readingActivity(staff.accessToken, street, workers);
    await careActivity(staff.accessToken, street, workers);
    await legalActivity(staff.accessToken, workers);

    // Signed in as the new street's staff member (the demo accounts are the seed's; this one is ours).
    await page.addInitScript((session) => {
      if (!sessionStorage.getItem('jingcai.console.session')) sessionStorage.setItem('jingcai.console.session', session);
    }, JSON.stringify({ accessToken: staff.accessToken, refreshToken: staff.refreshToken, user: staff.user }));
    await page.goto(consoleUrl('/'));
    await page.getByRole('heading', { name: '工作台', level: 3 }).waitFor();
    await settled(page);

    const summaries = {};
    for (const title of CHARTS) summaries[title] = await drawnChart(page, title);
    assert.match(summaries['每日答题人数与次数'], /参与人数合计 3，.*答题次数合计 6/);
    assert.match(summaries['各组织答题参与率'], new RegExp(`参与率最高 37\\.5%（${enterprise.name}）`));
    assert.match(summaries['每日打卡人数'], /打卡人数合计 2/);
    assert.match(summaries['各组织读书参与率'], /参与率最高 25\.0%/);
    assert.match(summaries['每日领取与核销数量'], /领取合计 3，.*核销合计 1/);
    assert.match(summaries['每周新咨询与已答复'], /新咨询合计 2，.*已答复合计 1/);
    await screenshot(page, 'dashboard');

    // The same figures as a table: the chart's text alternative for anyone who wants exact numbers.
    const quizFigure = page.locator('figure[data-chart="每日答题人数与次数"]');
    await quizFigure.getByText('表格', { exact: true }).click();
    const today = shanghaiDay();
    const todayLabel = `${Number(today.slice(5, 7))}/${Number(today.slice(8, 10))}`;
    const todayRow = quizFigure.locator('.ant-table-row').filter({ hasText: todayLabel });
    assert.deepEqual(await todayRow.locator('td').allInnerTexts(), [todayLabel, '3', '6']);
    await screenshot(page, 'dashboard-table');

    // 数据大屏: the same charts on the dark full-window screen.
    await page.getByRole('link', { name: /数据大屏/ }).click();
    await page.getByRole('heading', { name: '京彩职工 · 数据大屏' }).waitFor();
    for (const title of CHARTS) await drawnChart(page, title);
    // The screen covers the window (and scrolls inside it): a window-sized shot, not the page behind it.
    await settled(page);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-screen.png') });
  });
});
