#!/usr/bin/env node
// Re-runs a published event lottery (issue 23) from its seed and its sign-up list, and checks the result.
//
//   node scripts/events-draw.mjs result.json
//   node scripts/events-draw.mjs https://host/api/events/12/lottery      (TOKEN=<access token> for the API)
//
// The input is the LotteryResultView the API publishes (GET /api/events/:id/lottery): the seed, every entry
// (public sign-up number, session, whether the no-show rule put it last) and the winners and waitlist per
// session. The draw is `drawLottery` of @jingcai/shared: each entry's key is HMAC-SHA256(seed, public number);
// entries go in (deprioritised last, key, number) order; per session the first `capacity` win. Exits 1 when
// the published result differs from the re-run.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { drawLottery } = require('../packages/shared/dist/index.js');

const source = process.argv[2];
if (!source) {
  console.error('用法：node scripts/events-draw.mjs <抽签结果 JSON 文件或 /api/events/:id/lottery 地址>');
  process.exit(2);
}

const published = /^https?:\/\//.test(source)
  ? await (
      await fetch(source, { headers: process.env.TOKEN ? { authorization: `Bearer ${process.env.TOKEN}` } : {} })
    ).json()
  : JSON.parse(readFileSync(source, 'utf8'));

if (!published.drawnAt) {
  console.log(`尚未抽签。已公布的种子：${published.seed}`);
  process.exit(0);
}

const hmac = (key, message) => createHmac('sha256', key).update(message).digest('hex');
const sessions = published.sessions.map((s) => ({ sessionId: s.sessionId, capacity: s.capacity }));
const rerun = drawLottery(published.seed, sessions, published.entries, hmac);

let same = true;
for (const [i, session] of rerun.entries()) {
  const shown = published.sessions[i];
  const agrees = JSON.stringify(session) === JSON.stringify(shown);
  same &&= agrees;
  console.log(`场次 ${session.sessionId}（名额 ${session.capacity}）${agrees ? '' : '【与公布的结果不一致】'}`);
  console.log(`  中签：${session.winners.join(' ') || '无'}`);
  console.log(`  候补：${session.waitlist.join(' ') || '无'}`);
}
console.log(same ? '重新抽签的结果与公布的结果一致。' : '重新抽签的结果与公布的结果不一致！');
process.exit(same ? 0 : 1);
