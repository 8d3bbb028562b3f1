#!/usr/bin/env node
// `pnpm dev`: the API (rebuilt and restarted on change, embedded SQLite), the fake WeChat server, and
// Taro's H5 dev server with hot reload.
import { run, start, stopAll } from './lib.mjs';

await run('pnpm', ['--filter', '@jingcai/shared', '--filter', '@jingcai/fake-wechat', 'run', 'build']);
await run('pnpm', ['--filter', '@jingcai/api', 'run', 'build']);
const children = [
  start('wechat', 'node', ['packages/fake-wechat/dist/cli.js'], {
    env: { FAKE_WECHAT_PUSH_URL: 'http://127.0.0.1:3000/api/wechat/events' },
  }),
  start('tsc', 'pnpm', [
    '--filter',
    '@jingcai/api',
    'exec',
    'tsc',
    '-p',
    'tsconfig.build.json',
    '--watch',
    '--preserveWatchOutput',
  ]),
  start('api', 'pnpm', ['--filter', '@jingcai/api', 'run', 'dev'], {
    env: { WECHAT_API_BASE: 'http://127.0.0.1:9400' },
  }),
  start('h5', 'pnpm', ['--filter', '@jingcai/miniapp', 'run', 'dev:h5'], {
    env: { TARO_APP_API_BASE: 'http://127.0.0.1:3000/api' },
  }),
];
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopAll(children), process.exit(0)));
