/**
 * Browser journey on the mini-program's H5 build, on the demo district's own story (issue 21, docs/demo.md):
 * 张伟 (dev login `demo-worker`) opens 我的答题 — his certificates, the ended campaign's opened, and his three
 * seeded attempts (70 and 90 in the open campaign, 80 in the ended one) — then 我的读书笔记, then 往期活动 → the
 * ended campaign's leaderboard with its 2,400 participants and his own rank. Nothing is created first: this is
 * what a union trying `pnpm demo` sees.
 *
 * Named to run before worker-history.journey.mjs, whose season (open to everyone) becomes every worker's
 * current season. Run on its own:
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/demo-stories.journey.mjs
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS, cell, devLoginInBrowser, openPhone, tab, visible, withFailureScreenshot } from './support/browser.mjs';

const OPEN_CAMPAIGN = '学习贯彻新《工会法》知识竞赛';
const ENDED_CAMPAIGN = '劳动合同法知识答题（第一期）';

test('张伟 opens his attempts and certificates, his reading notes, and the ended campaign’s leaderboard', async (t) => {
  const page = await openPhone(t);

  await withFailureScreenshot(page, 'demo-stories-journey', async () => {
    await devLoginInBrowser(page, 'demo-worker');
    await tab(page, '我的').click();
    await visible(page.locator('.me__name').getByText('张伟')).waitFor();

    // 我的答题: a certificate for each campaign he passed, then his attempts, newest first.
    await cell(page, '我的答题').click();
    const certificates = visible(page.locator('.quiz-mine__certificate'));
    await certificates.first().waitFor();
    for (const title of [OPEN_CAMPAIGN, ENDED_CAMPAIGN]) {
      await certificates.filter({ hasText: title }).waitFor();
    }
    // The ended campaign's certificate opens as an image with its serial, as on the day he passed.
    await certificates.filter({ hasText: ENDED_CAMPAIGN }).locator('.nut-button').filter({ hasText: '查看证书' }).click();
    const image = visible(page.locator('.quiz-certificate__image img'));
    await image.waitFor();
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
    await visible(page.getByText(/^证书编号：\S+$/)).waitFor();
    await page.goBack();
    await certificates.first().waitFor();
    const attempts = visible(page.locator('.quiz-mine__attempt'));
    await visible(page.getByText('没有更多记录了', { exact: true })).waitFor();
    const scores = await attempts.locator('.quiz-mine__score').allInnerTexts();
    assert.deepEqual(scores, ['90 分', '70 分', '80 分']);
    await attempts.nth(0).getByText(OPEN_CAMPAIGN).waitFor();
    await attempts.nth(2).getByText(ENDED_CAMPAIGN).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo-zhangwei-attempts.png') });
    await page.goBack();

    // 我的读书笔记: the season he reads in every day; twelve days of notes at least (his streak).
    await cell(page, '我的读书笔记').click();
    const notes = visible(page.locator('.reading-notes__card'));
    await notes.first().waitFor();
    const total = Number((await visible(page.getByText(/^共 \d+ 篇$/)).innerText()).match(/\d+/)[0]);
    assert.ok(total >= 12, `张伟 has ${total} notes; his streak alone is 12 days`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo-zhangwei-notes.png') });
    await page.goBack();

    // 服务 → 学习答题 → 往期活动: the ended campaign with thousands of participants and his best, then its board.
    await tab(page, '服务').click();
    await cell(page, '学习答题').click();
    await visible(page.locator('.quiz__entry').filter({ hasText: '往期活动' })).click();
    const card = visible(page.locator('.quiz-past__card').filter({ hasText: ENDED_CAMPAIGN }));
    await card.waitFor();
    const participants = Number((await card.getByText(/\d+ 人参加$/).innerText()).match(/(\d+) 人参加$/)[1]);
    assert.ok(participants >= 2000, `the ended campaign has ${participants} participants`);
    await card.getByText('我的最好成绩 80 分（及格）', { exact: true }).waitFor();
    await card.locator('.nut-button').filter({ hasText: '排行榜' }).click();

    const rows = visible(page.locator('.leaderboard__list .rank-row'));
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 10, 'the board shows its top places');
    const rank = Number((await visible(page.locator('.leaderboard__me')).getByText(/^我的排名 第 \d+ 名$/).innerText()).match(/\d+/)[0]);
    assert.ok(rank > 1 && rank <= participants, `张伟 ranks ${rank} of ${participants}`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'demo-zhangwei-past-leaderboard.png') });
  });
});
