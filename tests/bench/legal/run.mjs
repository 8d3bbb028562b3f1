#!/usr/bin/env node
// Case-library benchmark (issue: legal help). Seeds 5,000 published cases of Chinese text on a fresh
// MariaDB database, then measures case search (a Chinese substring over title and text, one category or
// all, first page) through one API instance, p95, beside the same query run through raw mysql2 in this
// process, at 1 reader and at 20 concurrent readers. Target: p95 ≤ 50 ms.
// Usage: pnpm bench:legal   (needs MariaDB/MySQL at TEST_DATABASE_SERVER; builds the API first)
import { createPool } from 'mysql2/promise';
import { createDatabase, dropDatabase } from '../claims/fixtures.mjs';
import {
  apiClient,
  benchPort,
  buildApi,
  measure,
  reportRow,
  seedOrgTree,
  seedWorkersIn,
  startApi,
  stopped,
} from '../support.mjs';

const CASES = Number(process.env.BENCH_CASES ?? 5_000);
const READS = Number(process.env.BENCH_READS ?? 2_000);
const PORT = benchPort(41);
const dbName = `jingcai_legalbench_${Date.now()}`;
let api;

const CATEGORIES = [
  'wage_arrears',
  'labour_contract',
  'social_insurance',
  'work_injury',
  'dismissal',
  'overtime_leave',
  'other',
];
const WHO = [
  '外卖骑手',
  '快递员',
  '网约车司机',
  '建筑工人',
  '餐馆服务员',
  '保洁员',
  '货车司机',
  '家政服务员',
  '工厂操作工',
  '保安',
];
const WHAT = [
  '被拖欠工资',
  '未签劳动合同',
  '未缴社会保险',
  '送件途中摔伤',
  '被违法辞退',
  '加班不给加班费',
  '年休假被取消',
  '试用期被无故解除',
];
const HOW = [
  '工会协助协商解决',
  '经劳动仲裁获得支持',
  '劳动监察责令整改',
  '法院判决支持职工诉求',
  '调解达成协议',
];
/** What workers type into the search box. */
const QUERIES = [
  '欠薪',
  '工伤',
  '加班费',
  '劳动合同',
  '外卖骑手',
  '社会保险',
  '辞退',
  '仲裁',
  '摔伤',
  '调解',
];

async function seed(pool) {
  const { districtId } = await seedOrgTree(pool);
  const admin = await seedWorkersIn(pool, [{ id: districtId }], 1, 'legalbench-admin');
  for (let i = 0; i < CASES; i += 1000) {
    const rows = [];
    for (let j = i; j < Math.min(CASES, i + 1000); j++) {
      const who = WHO[j % WHO.length];
      const what = WHAT[(j * 7) % WHAT.length];
      const how = HOW[(j * 3) % HOW.length];
      const facts = `${who}${what}。${'职工反映：'.repeat(1 + (j % 3))}单位以各种理由拖延处理，职工通过京彩职工小程序向工会求助，提交了考勤、工资流水等证据。案例编号 ${j}。`;
      rows.push([
        `${who}${what} ${how}`,
        CATEGORIES[j % CATEGORIES.length],
        facts,
        `${how}。工会律师全程跟进，${j % 2 ? '欠薪' : '补偿'}已足额到位。`,
        '《劳动合同法》；《劳动争议调解仲裁法》',
        'published',
        districtId,
        admin,
        new Date(Date.now() - j * 60_000),
      ]);
    }
    await pool.query(
      'INSERT INTO legal_cases (title, category, facts, outcome, law, status, owner_org_id, created_by, published_at) VALUES ?',
      [rows],
    );
  }
  return { reader: admin };
}

/** The search as LegalCasesService issues it: one page and the total, LIKE with '!' as the escape. */
async function rawSearch(pool, q, category) {
  const pattern = `%${q.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  const where =
    "c.status = 'published'" +
    (category ? ' AND c.category = ?' : '') +
    " AND (c.title LIKE ? ESCAPE '!' OR c.facts LIKE ? ESCAPE '!' OR c.outcome LIKE ? ESCAPE '!' OR c.law LIKE ? ESCAPE '!')";
  const params = [...(category ? [category] : []), pattern, pattern, pattern, pattern];
  await Promise.all([
    pool.query(
      `SELECT * FROM legal_cases c WHERE ${where} ORDER BY c.published_at DESC, c.id DESC LIMIT 20`,
      params,
    ),
    pool.query(`SELECT COUNT(DISTINCT c.id) AS total FROM legal_cases c WHERE ${where}`, params),
  ]);
  return true;
}

let exitCode = 0;
try {
  console.log('Building the API…');
  await buildApi();
  const url = await createDatabase(dbName);
  api = await startApi(url, PORT);
  const pool = createPool({ uri: url, connectionLimit: 20, timezone: 'Z' });
  const seededAt = performance.now();
  const { reader } = await seed(pool);
  console.log(`Seeded ${CASES} published cases in ${((performance.now() - seededAt) / 1000).toFixed(1)} s.`);
  const client = apiClient(PORT);
  const query = (i) => ({
    q: QUERIES[i % QUERIES.length],
    category: i % 3 === 0 ? CATEGORIES[i % CATEGORIES.length] : undefined,
  });
  const path = ({ q, category }) =>
    `/legal/cases?q=${encodeURIComponent(q)}${category ? `&category=${category}` : ''}`;
  await measure(10, 200, async (i) => (await client.get(path(query(i)), reader)).ok);

  const results = [];
  for (const concurrency of [1, 20]) {
    const reads = concurrency === 1 ? Math.min(READS, 500) : READS;
    const apiRun = await measure(
      concurrency,
      reads,
      async (i) => (await client.get(path(query(i)), reader)).ok,
    );
    const rawRun = await measure(concurrency, reads, (i) => rawSearch(pool, query(i).q, query(i).category));
    results.push({
      label: `case search p95 (≤ 50 ms), ${concurrency} reader${concurrency > 1 ? 's' : ''}`,
      apiRun,
      rawRun,
    });
  }
  await pool.end();
  console.log('');
  for (const { label, apiRun, rawRun } of results) reportRow(label, apiRun, rawRun, 'ms', 'p95');
  console.log('  (ratio: raw ÷ API; 1.0 means no overhead over the bare queries)');
  if (results.some((r) => r.apiRun.failures)) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await stopped(api);
  await dropDatabase(dbName).catch(() => undefined);
}
process.exit(exitCode);
