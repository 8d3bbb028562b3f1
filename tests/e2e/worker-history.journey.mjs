/**
 * Browser journey on the mini-program's H5 build: a worker looks back on what they did (issue 21). Everything
 * this run needs is made through the API first, so it depends on no seeded story: an admin (demo-admin)
 * creates a bank, a campaign the worker takes twice (fails, then passes and earns the certificate) against a
 * rival, then ends; and a reading season the worker checks in to (today and a make-up for yesterday). Then,
 * on the phone: dev login → consent → profile → 我的 → 我的答题 (the certificate and both attempts) → 查看证书
 * → back → 我的读书笔记 (both notes, the make-up marked) → 服务 → 学习答题 → 往期活动 → the ended campaign's
 * final figures → 排行榜 (me first, the rival second).
 *
 * Needs a running API with dev login enabled (and demo-admin), and the H5 build served:
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/
 * Screenshots land in tests/e2e/artifacts/ (a failure one too, when it fails).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  apiCall,
  apiLogin,
  ARTIFACTS,
  button,
  cell,
  devLoginInBrowser,
  openPhone,
  tab,
  visible,
  withFailureScreenshot,
} from './support/browser.mjs';

const ADMIN_OPENID = 'demo-admin';
const REAL_NAME = '往期测试';
const CATEGORY_LABEL = '快递员';
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

test('a worker opens their attempts and certificate, their reading notes, and a finished campaign’s leaderboard', async (t) => {
  const run = Date.now();
  const story = await createHistory(run);
  const page = await openPhone(t);

  await withFailureScreenshot(page, 'history-journey', async () => {
    await devLoginInBrowser(page, story.openid);
    await visible(page.getByText('京彩职工隐私政策', { exact: true })).waitFor();
    await button(page, '同意并继续').click();
    await visible(page.locator('input[placeholder="请输入真实姓名"]')).fill(REAL_NAME);
    await visible(page.locator('.profile__chip').getByText(CATEGORY_LABEL, { exact: true })).click();
    await button(page, '保存').click();
    await visible(page.locator('.me__name')).waitFor();

    // 我的 → 我的答题: the certificate first, then both attempts, newest first.
    await cell(page, '我的答题').click();
    const certificate = visible(page.locator('.quiz-mine__certificate').filter({ hasText: story.ended.title }));
    await certificate.waitFor();
    await certificate.getByText(/^100 分 · .+ 颁发$/).waitFor();
    const attempts = visible(page.locator('.quiz-mine__attempt'));
    await attempts.first().waitFor();
    assert.equal(await attempts.count(), 2);
    await attempts.nth(0).getByText(/^及格 · 答对 2\/2 题/).waitFor();
    await attempts.nth(1).getByText(/^未及格 · 答对 0\/2 题/).waitFor();
    await visible(page.getByText('没有更多记录了', { exact: true })).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'history-attempts.png') });

    await certificate.locator('.nut-button').filter({ hasText: '查看证书' }).click();
    const image = visible(page.locator('.quiz-certificate__image img'));
    await image.waitFor();
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
    await visible(page.getByText('成绩：100 分', { exact: true })).waitFor();
    await visible(page.getByText(`证书编号：${story.serial}`, { exact: true })).waitFor();
    await page.goBack();
    await attempts.first().waitFor();
    await page.goBack();

    // 我的 → 我的读书笔记: the season open today, both notes, latest day first.
    await cell(page, '我的读书笔记').click();
    const notes = visible(page.locator('.reading-notes__card'));
    await notes.first().waitFor();
    assert.equal(await notes.count(), 2);
    await notes.nth(0).getByText(story.notes.today, { exact: true }).waitFor();
    await notes.nth(1).getByText(story.notes.yesterday, { exact: true }).waitFor();
    await notes.nth(1).getByText('补卡', { exact: true }).waitFor();
    await visible(page.getByText('共 2 篇', { exact: true })).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'history-notes.png') });
    await page.goBack();

    // 服务 → 学习答题 → 往期活动: the ended campaign, its final figures and mine, then its leaderboard.
    await tab(page, '服务').click();
    await cell(page, '学习答题').click();
    await visible(page.locator('.quiz__entry').filter({ hasText: '往期活动' })).click();
    const card = visible(page.locator('.quiz-past__card').filter({ hasText: story.ended.title }));
    await card.waitFor();
    await card.getByText('共 2 题 · 及格 60 分 · 2 人参加', { exact: true }).waitFor();
    await card.getByText('我的最好成绩 100 分（及格）', { exact: true }).waitFor();
    assert.equal(await visible(page.locator('.quiz-past__card').filter({ hasText: story.open.title })).count(), 0, 'an open campaign is not past');
    await card.locator('.nut-button').filter({ hasText: '排行榜' }).click();

    const rows = visible(page.locator('.leaderboard__list .rank-row'));
    await rows.first().waitFor();
    assert.equal(await rows.count(), 2);
    await rows.nth(0).getByText('100 分', { exact: true }).waitFor();
    await rows.nth(1).getByText('0 分', { exact: true }).waitFor();
    const mine = visible(page.locator('.leaderboard__me'));
    await mine.getByText('我的排名 第 1 名', { exact: true }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'history-past-leaderboard.png') });
  });
});

/**
 * This run's own story, through the API: a campaign the worker took twice against a rival and that staff
 * then ended, an open campaign beside it, and a season with two check-ins. Open to everyone (no audience
 * org), so nothing depends on the seeded district. Being the newest season open to everyone, it becomes every
 * worker's current season: this file is named to run after the reading journey, which expects the demo's.
 */
async function createHistory(run) {
  const { accessToken: token } = await apiLogin(ADMIN_OPENID);
  const owner = await apiCall('POST', '/orgs', {
    token,
    body: { name: `往期旅程区-${run}`, kind: 'district', parentId: null, memberCount: 100 },
  });
  const bank = await apiCall('POST', '/quiz/banks', { token, body: { name: `往期题库-${run}`, ownerOrgId: owner.id } });
  for (const stem of ['工会会员享有选举权和被选举权。', '用人单位应当按时足额支付工资。']) {
    await apiCall('POST', `/quiz/banks/${bank.id}/questions`, {
      token,
      body: {
        type: 'judge',
        stem,
        options: [
          { key: 'A', text: '正确' },
          { key: 'B', text: '错误' },
        ],
        answer: ['A'],
        explanation: '法律有明确规定。',
        tags: [],
        difficulty: 1,
      },
    });
  }
  const campaign = async (title) => {
    const draft = await apiCall('POST', '/quiz/campaigns', {
      token,
      body: {
        title: `${title}-${run}`,
        coverUrl: null,
        rules: '两道判断题。',
        startsAt: new Date(run - HOUR_MS).toISOString(),
        endsAt: new Date(run + DAY_MS).toISOString(),
        audienceOrgId: null,
        membersOnly: false,
        draw: [{ bankId: bank.id, type: 'judge', count: 2 }],
        shuffleOptions: false,
        secondsPerAttempt: 600,
        attemptsPerDay: 3,
        passScore: 60,
        ownerOrgId: owner.id,
      },
    });
    return apiCall('POST', `/quiz/campaigns/${draft.id}/publish`, { token });
  };
  const ended = await campaign('往期答题');
  const open = await campaign('本期答题');

  const openid = `history-journey-${run}`;
  const worker = (await apiLogin(openid)).accessToken;
  const rival = (await apiLogin(`history-rival-${run}`)).accessToken;
  const take = async (who, right) => {
    const attempt = await apiCall('POST', `/quiz/campaigns/${ended.id}/attempts`, { token: who });
    const answers = attempt.questions.map((q) => ({ questionId: q.id, choice: [right ? 'A' : 'B'] }));
    return apiCall('POST', `/quiz/attempts/${attempt.attemptId}/submit`, { token: who, body: { answers } });
  };
  await take(worker, false);
  const passed = await take(worker, true);
  assert.ok(passed.certificateSerial, 'the passing attempt earned a certificate');
  await take(rival, false);
  await apiCall('POST', `/quiz/campaigns/${ended.id}/end`, { token });

  const day = (offset) => new Date(run + 8 * HOUR_MS + offset * DAY_MS).toISOString().slice(0, 10);
  const draft = await apiCall('POST', '/reading/seasons', {
    token,
    body: {
      theme: `往期旅程读书季-${run}`,
      description: '浏览器旅程专用。',
      // Started yesterday: the season open today that started last is the one 我的读书笔记 opens on, and a
      // seeded season is further in (a journey's own season starting today, in the same database, would win).
      startsOn: day(-1),
      endsOn: day(3),
      books: [{ title: '平凡的世界', author: '路遥', blurb: '' }],
      minNoteLength: 0,
      makeUpAllowance: 2,
      badgeThresholds: [7],
      audienceOrgId: null,
      ownerOrgId: owner.id,
    },
  });
  const season = await apiCall('POST', `/reading/seasons/${draft.id}/publish`, { token });
  const notes = { today: `今天读完了第三章，很受鼓舞。${run}`, yesterday: `补记昨天：孙少平的坚持让人感动。${run}` };
  const checkIn = (note, date) =>
    apiCall('POST', `/reading/seasons/${season.id}/checkins`, {
      token: worker,
      body: { bookId: season.books[0].id, minutes: 25, note, ...(date ? { date } : {}) },
    });
  await checkIn(notes.today);
  await checkIn(notes.yesterday, day(-1));

  return { openid, ended, open, serial: passed.certificateSerial, notes };
}
