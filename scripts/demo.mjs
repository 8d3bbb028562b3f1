#!/usr/bin/env node
// `pnpm demo`: builds and runs the product locally with no configuration — the API on embedded SQLite
// with demo data, a fake WeChat server, the H5 build of the mini-program and the staff console — then
// prints the URLs. The browser journeys and console tests in `pnpm test` run against exactly this (ports
// via PORT, H5_PORT, FAKE_WECHAT_PORT, CONSOLE_PORT).
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { root, run, start, stopAll, waitFor } from './lib.mjs';

const apiPort = Number(process.env.PORT ?? 3000);
const h5Port = Number(process.env.H5_PORT ?? 10086);
const wechatPort = Number(process.env.FAKE_WECHAT_PORT ?? 9400);
const consolePort = Number(process.env.CONSOLE_PORT ?? 10300);
const apiBase = `http://127.0.0.1:${apiPort}/api`;

console.log('Building shared packages, API, the H5 mini-program and the staff console…');
await run('pnpm', ['--filter', '@jingcai/shared', '--filter', '@jingcai/fake-wechat', 'run', 'build']);
await run('pnpm', ['--filter', '@jingcai/api', 'run', 'build']);
await run('pnpm', ['--filter', '@jingcai/miniapp', 'run', 'build:h5'], {
  env: { TARO_APP_API_BASE: apiBase },
});
await run('pnpm', ['--filter', '@jingcai/console', 'run', 'build'], { env: { VITE_API_BASE: apiBase } });

const wechat = start('wechat', 'node', ['packages/fake-wechat/dist/cli.js'], {
  // The fake pushes media-check verdicts back, so photos and avatars clear review as they would in WeChat.
  env: { FAKE_WECHAT_PORT: String(wechatPort), FAKE_WECHAT_PUSH_URL: `${apiBase}/wechat/events` },
});
const api = start('api', 'node', ['dist/main.js'], {
  cwd: `${root}apps/api`,
  env: {
    PORT: String(apiPort),
    WECHAT_API_BASE: `http://127.0.0.1:${wechatPort}`,
    CORS_ORIGINS: [h5Port, consolePort]
      .map((port) => `http://127.0.0.1:${port},http://localhost:${port}`)
      .join(','),
    // The fake WeChat accepts any template id; this makes the demo send every subscribe message too.
    WECHAT_SUBSCRIBE_TEMPLATES: [
      'application_reviewed=demo-application-reviewed',
      'claim_ready=demo-claim-ready',
      'claim_expiring=demo-claim-expiring',
      'question_answered=demo-question-answered',
    ].join(','),
    // Everyone at a demo shares one IP address.
    RATE_LIMIT_LOGIN_PER_MINUTE: '300',
    // Readable lines for the person watching (production logs stay JSON); the seeding time is one of them.
    LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
  },
});
// The API logs the seed's outcome once, whatever LOG_LEVEL says (app.factory.ts), before it listens.
const seeding = new Promise((resolve) =>
  createInterface({ input: api.stdout }).on('line', (line) => {
    const seeded = /seeded the demo district in (\d+) ms/.exec(line);
    if (seeded) resolve(`Demo district seeded in ${seeded[1]} ms`);
    else if (line.includes('demo district already present'))
      resolve('Demo district already present: not seeded again');
  }),
);
const children = [
  wechat,
  api,
  start('h5', 'node', ['tests/e2e/serve-h5.mjs', String(h5Port)]),
  start('console', 'node', ['apps/console/scripts/serve.mjs', String(consolePort)]),
];
function shutdown(code = 0) {
  stopAll(children);
  process.exit(code);
}
process.on('SIGINT', () => shutdown());
process.on('SIGTERM', () => shutdown());
for (const child of children) child.on('exit', (code) => code && shutdown(1));

// The API must answer health within 15 s of being started (seeding included), or the demo counts as broken.
// DEMO_HEALTH_TIMEOUT_MS lends more to a machine shared by many (docs/demo.md has the figures).
const ms = await waitFor(`${apiBase}/health`, Number(process.env.DEMO_HEALTH_TIMEOUT_MS ?? 15_000)).catch(
  (error) => {
    console.error(error.message);
    shutdown(1);
  },
);
// test-all.mjs reads this line for CI's log.
console.log(
  `${await Promise.race([seeding, sleep(2000, 'Seeding time not reported')])}; API healthy after ${ms} ms`,
);
await waitFor(`http://127.0.0.1:${h5Port}/`);
await waitFor(`http://127.0.0.1:${consolePort}/`);
console.log(`
  京彩职工 is running (API healthy after ${ms} ms)
    Mini-program (H5):  http://127.0.0.1:${h5Port}/
    Staff console:      http://127.0.0.1:${consolePort}/
    API:                ${apiBase}
    API docs:           ${apiBase}/docs
    Fake WeChat:        http://127.0.0.1:${wechatPort}
  Log in on H5 with any demo user (dev login); in the console as 工作人员 李干事 or 区总工会管理员.
  Ctrl-C stops everything.
`);
