/**
 * What every console test needs: the environment (API_BASE, CONSOLE_URL), desktop Chromium, logins in the
 * browser and over the API, the people and records a test makes for itself, and locators for the antd
 * widgets staff click. Not a test itself (console.test.mjs loads `*.console.mjs` only).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { openAuditedPage } from '../../support/chromium.mjs';

export const { API_BASE, CONSOLE_URL } = process.env;
export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');
const STEP_TIMEOUT_MS = 15_000;

// The privacy-notice version workers consent to, from the shared package the demo has just built.
const require = createRequire(import.meta.url);
export const { PRIVACY_POLICY_VERSION } = require('../../../packages/shared/dist/index.js');

/** Demo users and orgs the tests rely on (apps/api/src/database/seeds/demo-data.ts). */
export const DEMO = {
  staff: { openid: 'demo-staff', label: '工作人员 李干事（大市口街道）', org: '大市口街道工会' },
  devzoneStaff: { openid: 'demo-staff-devzone', label: '工作人员 陈干事（开发区）', org: '京口经济开发区工会' },
  admin: { openid: 'demo-admin', label: '区总工会管理员 王主席' },
  worker: { openid: 'demo-worker', label: '职工 张伟（京彩科技）' },
  dashikouEnterprise: '京彩科技有限公司工会',
  devzoneEnterprise: '京口智能制造有限公司工会',
  dashikouStation: '大市口户外劳动者服务站',
  devzoneStation: '开发区快递小哥驿站',
};

/** A suffix that keeps this run's records apart from earlier runs against the same database. */
export const RUN = `${Date.now().toString(36)}`;
/** The same, in letters only: real names allow Chinese and Latin letters, not digits. */
export const RUN_LETTERS = RUN.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);

/** Checks the environment and the API, then opens a desktop-sized page audited by axe; the browser closes when the test ends. */
export async function openConsole(t) {
  assert.ok(API_BASE && CONSOLE_URL, 'set API_BASE (e.g. http://127.0.0.1:3000/api) and CONSOLE_URL (e.g. http://127.0.0.1:10300/)');
  const response = await fetch(`${API_BASE}/auth/dev/users`).catch((error) => {
    throw new Error(`API not reachable at ${API_BASE}: ${error.message}`);
  });
  assert.equal(response.status, 200, `GET ${API_BASE}/auth/dev/users answered ${response.status}: start the API with AUTH_DEV_LOGIN=true`);
  const page = await openAuditedPage(t, {
    artifacts: ARTIFACTS,
    context: { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true },
  });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return page;
}

/** Runs the steps; on failure leaves `<name>-failure.png` in the artifacts folder. */
export async function withFailureScreenshot(page, name, steps) {
  try {
    await steps();
  } catch (error) {
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-failure.png`), fullPage: true }).catch(() => undefined);
    throw error;
  }
}

/** A screenshot once the page has settled (spinners gone, antd's transitions over). */
export async function screenshot(page, name) {
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export function consoleUrl(pathname = '/') {
  return new URL(pathname.replace(/^\//, ''), CONSOLE_URL).href;
}

/** Signs in through the login page's 演示账号 tab, as a staff member would pick themselves. */
export async function loginInBrowser(page, label) {
  await page.goto(consoleUrl('/login'));
  await page.getByRole('tab', { name: '演示账号' }).click();
  await page.getByRole('button', { name: label, exact: true }).click();
}

/** Signed in and the console shell up (the header's 退出登录). */
export async function loginAsStaff(page, who = DEMO.staff) {
  await loginInBrowser(page, who.label);
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** Opens a console page and waits for its title. */
export async function openPage(page, pathname, title) {
  await page.goto(consoleUrl(pathname));
  await page.getByRole('heading', { name: title, level: 3 }).first().waitFor();
  await settled(page);
}

/** Tables and lists done loading. */
export async function settled(page) {
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
}

/** A row of the (first visible) antd table that contains `text`. */
export function row(page, text) {
  return page.locator('.ant-table-row').filter({ hasText: text });
}

/**
 * A button's accessible name: antd puts a space between the two characters of a two-character Chinese
 * label (通过 → 通 过), so match both; an icon in the button adds its own name in front.
 */
export function label(text) {
  const escaped = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // An antd icon before the text names itself (aria-label "plus", "download"…).
  return new RegExp(`^\\s*(?:[a-z-]+\\s+)?${escaped.join('\\s?')}\\s*$`);
}

/** A button by its label, optionally inside `scope`. */
export function button(scope, text) {
  return scope.getByRole('button', { name: label(text) });
}

/** The OK button of the open Popconfirm (or confirm modal), by its label. */
export async function confirm(page, okLabel) {
  const pop = page.locator('.ant-popconfirm:not(.ant-popover-hidden), .ant-modal-confirm').last();
  await pop.waitFor();
  await button(pop, okLabel).click();
}

// ---- the API, as the people around the staff member act ----

const sessions = new Map();

/** One login per openid for the whole run: the API rate-limits logins per address. */
export async function apiLogin(openid) {
  if (!sessions.has(openid)) sessions.set(openid, apiCall('POST', '/auth/dev/login', { body: { openid } }));
  return sessions.get(openid);
}

export async function apiCall(method, pathAndQuery, { token, body, expect } = {}) {
  const response = await fetch(`${API_BASE}${pathAndQuery}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (expect) assert.equal(response.status, expect, `${method} ${pathAndQuery} answered ${response.status}: ${text}`);
  else assert.ok(response.ok, `${method} ${pathAndQuery} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

export async function orgId(name) {
  const { accessToken } = await apiLogin(DEMO.admin.openid);
  const page = await apiCall('GET', `/orgs?q=${encodeURIComponent(name)}`, { token: accessToken });
  const org = page.items.find((o) => o.name === name);
  assert.ok(org, `the seeded org ${name}`);
  return org.id;
}

export async function stationId(name) {
  const { accessToken } = await apiLogin(DEMO.admin.openid);
  const page = await apiCall('GET', '/care/stations?pageSize=100', { token: accessToken });
  const station = page.items.find((s) => s.name === name);
  assert.ok(station, `the seeded station ${name}`);
  return station.id;
}

/** A brand-new worker who consented and belongs to `orgName`. */
export async function newWorker(key, { orgName, realName = '测试职工', category = 'regular' } = {}) {
  const openid = `console-${key}-${RUN}`;
  const session = await apiLogin(openid);
  const token = session.accessToken;
  await apiCall('POST', '/me/consent', { token, body: { version: PRIVACY_POLICY_VERSION } });
  await apiCall('PATCH', '/me', { token, body: { realName, category, ...(orgName ? { orgId: await orgId(orgName) } : {}) } });
  if (orgName) {
    // A chosen org is a request until staff of that org approve it (as joining is): approve it as an admin.
    const { accessToken: admin } = await apiLogin(DEMO.admin.openid);
    await apiCall('POST', `/membership/org-requests/${session.user.id}/approve`, { token: admin });
  }
  return { openid, token, id: session.user.id };
}

/** A unique, valid mainland mobile number for this run. */
export function phoneNumber(n) {
  return `139${String((Date.now() + n * 7919) % 100_000_000).padStart(8, '0')}`;
}

/** A small, valid PNG made here (sharp decodes it on the API side): a red square with a white band. */
function makePng(size = 64) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const at = y * (1 + size * 3) + 1 + x * 3;
      const band = y > size / 3 && y < (2 * size) / 3;
      raw[at] = band ? 255 : 196;
      raw[at + 1] = band ? 255 : 22;
      raw[at + 2] = band ? 255 : 28;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PNG = makePng();

export async function uploadPhoto(token, purpose) {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'proof.png');
  const response = await fetch(`${API_BASE}/uploads`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  const text = await response.text();
  assert.ok(response.ok, `POST /uploads answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** A bank of `questions` (all judge, answer 正确) owned by `orgName`, created by `staff`. */
export async function createBank(staff, orgName, name, count = 3) {
  const { accessToken: token } = await apiLogin(staff.openid);
  const bank = await apiCall('POST', '/quiz/banks', { token, body: { name, ownerOrgId: await orgId(orgName) } });
  for (let i = 1; i <= count; i += 1) {
    await apiCall('POST', `/quiz/banks/${bank.id}/questions`, {
      token,
      body: {
        type: 'judge',
        stem: `${name} 第 ${i} 题：职工依法享有参加和组织工会的权利。`,
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
  }
  return bank;
}

export async function createCampaignDraft(staff, orgName, bank, title, count = 3) {
  const { accessToken: token } = await apiLogin(staff.openid);
  const owner = await orgId(orgName);
  const now = Date.now();
  return apiCall('POST', '/quiz/campaigns', {
    token,
    body: {
      title,
      rules: '控制台测试活动：每题判断对错。',
      startsAt: new Date(now - 3600_000).toISOString(),
      endsAt: new Date(now + 7 * 86400_000).toISOString(),
      audienceOrgId: owner,
      membersOnly: false,
      draw: [{ bankId: bank.id, type: 'judge', count }],
      shuffleOptions: false,
      secondsPerAttempt: 300,
      attemptsPerDay: 3,
      passScore: 60,
      ownerOrgId: owner,
    },
  });
}

/** Reads the first sheet of an .xlsx into rows of cell values (1-based columns dropped). */
export async function readWorkbook(file) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await readFile(file));
  const rows = [];
  workbook.worksheets[0].eachRow((r) => rows.push(r.values.slice(1)));
  return rows;
}

export async function writeWorkbook(file, rows) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题库');
  for (const r of rows) sheet.addRow(r);
  await workbook.xlsx.writeFile(file);
}
