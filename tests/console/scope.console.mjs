/**
 * Org scope: the development zone's staff (京口经济开发区工会) get records of their own in every section —
 * a pending application and an approved member, a bank, a live campaign, a reading season, a benefit with a
 * redemption today, a legal question, a case draft, an aid application, a nickname under review. Then, page
 * by page, the street's staff (大市口街道工会) see none of it — not its titles, not the zone's org or
 * station names — and the zone's staff see each record on the same page (so a page that never loaded, or a
 * marker that is never shown, cannot pass). Opening a zone record by its URL reads "不存在或无权查看". The
 * member directory finds the zone's workers by name for the zone's staff, never for the street's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiCall,
  apiLogin,
  button,
  consoleUrl,
  createBank,
  createCampaignDraft,
  DEMO,
  loginAsStaff,
  newWorker,
  openConsole,
  orgId,
  phoneNumber,
  RUN,
  screenshot,
  settled,
  stationId,
  withFailureScreenshot,
} from './support/console.mjs';

const HOUR = 3600_000;
const ZONE_ORG = DEMO.devzoneStaff.org;
const ZONE_ENTERPRISE = DEMO.devzoneEnterprise;

/** Everything the zone's staff own for this run; titles double as the markers looked for on each page. */
async function seedZone() {
  const { accessToken: zone } = await apiLogin(DEMO.devzoneStaff.openid);
  const zoneOrg = await orgId(ZONE_ORG);
  const m = {
    applicant: '开发区申请人',
    member: '开发区会员',
    bank: `开发区题库-${RUN}`,
    campaign: `开发区活动-${RUN}`,
    season: `开发区读书季-${RUN}`,
    benefit: `开发区礼包-${RUN}`,
    question: `开发区咨询：加班费怎么算-${RUN}`,
    caseTitle: `开发区案例：加班费争议-${RUN}`,
    employer: `开发区用人单位-${RUN}`,
    nickname: `开发区昵称${RUN}[review]`,
  };

  const apply = async (key, realName) => {
    const worker = await newWorker(key, { orgName: ZONE_ENTERPRISE, realName });
    const application = await apiCall('POST', '/membership/applications', {
      token: worker.token,
      body: { realName, phone: phoneNumber(key.length * 13), orgId: await orgId(ZONE_ENTERPRISE), category: 'regular' },
    });
    return { worker, application };
  };
  await apply('zone-pending', m.applicant);
  const member = await apply('zone-member', m.member);
  await apiCall('POST', `/membership/applications/${member.application.id}/approve`, { token: zone });

  const bank = await createBank(DEMO.devzoneStaff, ZONE_ORG, m.bank, 3);
  const campaign = await createCampaignDraft(DEMO.devzoneStaff, ZONE_ORG, bank, m.campaign);
  await apiCall('POST', `/quiz/campaigns/${campaign.id}/publish`, { token: zone });

  const today = new Date().toISOString().slice(0, 10);
  const season = await apiCall('POST', '/reading/seasons', {
    token: zone,
    body: {
      theme: m.season,
      description: '开发区职工读书季（控制台测试）',
      startsOn: today,
      endsOn: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10),
      books: [{ title: '大国工匠', author: '节目组', blurb: '匠心' }],
      minNoteLength: 10,
      makeUpAllowance: 2,
      badgeThresholds: [7, 21],
      audienceOrgId: zoneOrg,
      ownerOrgId: zoneOrg,
    },
  });

  const now = Date.now();
  const zoneStation = await stationId(DEMO.devzoneStation);
  const benefit = await apiCall('POST', '/care/benefits', {
    token: zone,
    body: {
      title: m.benefit,
      description: '开发区职工专享礼包（控制台测试）。',
      kind: 'pack',
      stock: 10,
      perPersonLimit: 1,
      claimStartsAt: new Date(now - HOUR).toISOString(),
      claimEndsAt: new Date(now + 72 * HOUR).toISOString(),
      pickupDeadline: new Date(now + 96 * HOUR).toISOString(),
      eligibility: { categories: [], gigVerifiedRequired: false, tags: [], membersOnly: false, orgId: zoneOrg },
      stationIds: [zoneStation],
      ownerOrgId: zoneOrg,
    },
  });
  const claimer = await newWorker('zone-claim', { orgName: ZONE_ENTERPRISE, realName: '开发区领取人' });
  const claim = await apiCall('POST', `/care/benefits/${benefit.id}/claims`, { token: claimer.token, body: { stationId: zoneStation } });
  await apiCall('POST', '/care/redemptions', { token: zone, body: { code: claim.code } });

  const asker = await newWorker('zone-legal', { orgName: ZONE_ENTERPRISE, realName: '开发区提问人' });
  const question = await apiCall('POST', '/legal/questions', {
    token: asker.token,
    body: { category: 'overtime_leave', title: m.question, body: '每周加班二十小时，公司只按基本工资算加班费，这样合法吗？', publicAllowed: false },
  });
  await apiCall('POST', '/legal/cases', {
    token: zone,
    body: { title: m.caseTitle, category: 'overtime_leave', facts: '某制造企业职工长期加班，企业按最低工资标准计发加班费。', outcome: '经调解，企业按实际工资补足差额。', law: '《劳动法》第四十四条' },
  });
  await apiCall('POST', '/legal/aid-applications', {
    token: asker.token,
    body: { kind: 'mediation', facts: '加班费计算基数争议，申请工会调解。', employer: m.employer, amountInDispute: 3600 },
  });
  await apiCall('PATCH', '/me', { token: asker.token, body: { nickname: m.nickname } });

  return {
    m,
    ids: { bank: bank.id, campaign: campaign.id, season: season.id, benefit: benefit.id, question: question.id },
    claimer,
  };
}

/** Each console list, and the zone record that must (zone staff) or must not (street staff) be on it. */
function pages(m) {
  return [
    { path: '/', title: '工作台', marker: m.benefit },
    { path: '/members/applications', title: '入会审核', marker: m.applicant },
    { path: '/members/roster', title: '会员名册', marker: m.member },
    { path: '/members/orgs', title: '组织架构', marker: ZONE_ENTERPRISE },
    { path: '/quiz/banks', title: '题库', marker: m.bank },
    { path: '/quiz/campaigns', title: '答题活动', marker: m.campaign },
    { path: '/reading/seasons', title: '读书季', marker: m.season },
    { path: '/care/benefits', title: '福利发放', marker: m.benefit },
    { path: '/care/stations', title: '服务站点', marker: DEMO.devzoneStation },
    { path: '/care/redemptions', title: '今日核销', marker: m.benefit },
    { path: '/legal/inbox', title: '咨询工作台', marker: m.question },
    { path: '/legal/cases', title: '典型案例', marker: m.caseTitle },
    { path: '/legal/aid', title: '法律援助与调解', marker: m.employer },
    { path: '/moderation', title: '内容审核', marker: m.nickname },
  ];
}

/** Opens a list and waits until it has loaded: rows, or the empty state, and no spinner. */
async function openList(page, { path, title }) {
  await page.goto(consoleUrl(path));
  await page.getByRole('heading', { name: title, level: 3 }).first().waitFor();
  await page.locator('.ant-table-row, .ant-table-placeholder, .ant-empty, .ant-list-item, .ant-statistic').first().waitFor();
  await settled(page);
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'));
}

const bodyText = (page) => page.evaluate(() => document.body.textContent ?? '');

/** The member directory searched by a name, as staff type it. */
async function searchMembers(page, name) {
  await page.goto(consoleUrl('/members/roster'));
  await page.getByRole('heading', { name: '会员名册', level: 3 }).first().waitFor();
  const box = page.getByLabel('姓名或完整手机号');
  await box.fill(name);
  // This search's own answer: the unfiltered first page is already on screen.
  const answered = page.waitForResponse(
    (response) => response.url().includes('/api/members?') && new URL(response.url()).searchParams.get('q') === name,
  );
  await box.press('Enter');
  await answered;
  await page.locator('.ant-table-row, .ant-table-placeholder').first().waitFor();
  await settled(page);
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
}

test('a street’s staff see nothing of another street’s data anywhere in the console', async (t) => {
  const { m, ids, claimer } = await seedZone();
  const zoneWorker = `开发区领取人${RUN.replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
  await apiCall('PATCH', '/me', { token: claimer.token, body: { realName: zoneWorker } });
  const everywhereForbidden = [ZONE_ORG, ZONE_ENTERPRISE, DEMO.devzoneStation, ...Object.values(m)];
  const page = await openConsole(t);

  await withFailureScreenshot(page, 'scope-zone', async () => {
    // The control: the zone's staff find each of their records on the page it belongs to.
    await loginAsStaff(page, DEMO.devzoneStaff);
    for (const list of pages(m)) {
      await openList(page, list);
      await page.waitForFunction((marker) => document.body.textContent.includes(marker), list.marker, { timeout: 15_000 }).catch(() => {
        throw new Error(`${DEMO.devzoneStaff.org} staff should see ${list.marker} on ${list.path}`);
      });
    }
    await searchMembers(page, zoneWorker);
    await page.locator('.ant-table-row').filter({ hasText: zoneWorker }).waitFor();
    await button(page, '退出登录').click();
  });

  await withFailureScreenshot(page, 'scope-street', async () => {
    await loginAsStaff(page, DEMO.staff);
    for (const list of pages(m)) {
      await openList(page, list);
      const text = await bodyText(page);
      for (const marker of everywhereForbidden) {
        assert.ok(!text.includes(marker), `${DEMO.staff.org} staff saw “${marker}” on ${list.path}`);
      }
    }
    await screenshot(page, 'scope-street-moderation');

    // The member directory: the zone's worker is not found by name, nor any of the zone's people.
    for (const name of [zoneWorker, '开发区']) {
      await searchMembers(page, name);
      await page.getByText('没有符合条件的职工').waitFor();
      const text = await bodyText(page);
      for (const marker of [zoneWorker, ...everywhereForbidden]) assert.ok(!text.includes(marker), `searching “${name}” showed “${marker}”`);
    }
    const { accessToken: street } = await apiLogin(DEMO.staff.openid);
    const listed = await apiCall('GET', `/members?q=${encodeURIComponent(zoneWorker)}`, { token: street });
    assert.equal(listed.total, 0, 'the API does not list the zone’s worker for the street');
    await apiCall('PUT', `/members/${claimer.id}/tags`, { token: street, body: { tags: ['model_worker'] }, expect: 404 });

    // Every other status of the lists that filter by one.
    await page.goto(consoleUrl('/members/applications'));
    await page.getByText('全部', { exact: true }).click();
    await settled(page);
    await page.locator('.ant-table-row, .ant-table-placeholder').first().waitFor();
    for (const marker of [m.applicant, m.member, ZONE_ENTERPRISE]) assert.ok(!(await bodyText(page)).includes(marker), `all applications: ${marker}`);
    await page.goto(consoleUrl('/legal/cases'));
    await page.getByRole('tab', { name: '已发布' }).click();
    await settled(page);
    assert.ok(!(await bodyText(page)).includes(m.caseTitle), 'published cases');

    // The org pickers offer the street's own orgs only.
    await page.goto(consoleUrl('/quiz/banks'));
    await button(page, '新建题库').click();
    const dialog = page.getByRole('dialog', { name: '新建题库' });
    await dialog.locator('.ant-select').click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.getByText(DEMO.staff.org, { exact: true }).waitFor();
    await dropdown.getByText(DEMO.dashikouEnterprise, { exact: true }).waitFor();
    const offered = await dropdown.textContent();
    for (const name of [ZONE_ORG, ZONE_ENTERPRISE, '京口区总工会', '正东路街道工会']) assert.ok(!offered.includes(name), `the picker offers ${name}`);
    await page.keyboard.press('Escape');

    // The zone's records by their URLs: the same answer as a record that does not exist.
    for (const path of [`/quiz/banks/${ids.bank}`, `/quiz/campaigns/${ids.campaign}`, `/reading/seasons/${ids.season}`, `/care/benefits/${ids.benefit}`, `/legal/questions/${ids.question}`]) {
      await page.goto(consoleUrl(path));
      await page.getByText('不存在或无权查看').waitFor();
      const text = await bodyText(page);
      for (const marker of everywhereForbidden) assert.ok(!text.includes(marker), `${path} showed “${marker}”`);
    }
    await screenshot(page, 'scope-not-found');
  });
});
