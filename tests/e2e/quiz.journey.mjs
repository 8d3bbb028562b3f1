/**
 * Browser journey on the mini-program's H5 build: a new worker takes a quiz and lets the clock hand it in.
 * An admin first sets up this run's own campaign through the API (a bank of three judge questions, all
 * 正确, ten minutes per attempt), so reruns against the same database start fresh. Then, on the phone: dev
 * login with a fresh openid → consent → profile (the name shows on the leaderboard) → 服务 → 学习答题 → the
 * campaign → 开始答题 (rules dialog) → all three answered 正确 and NOT handed in → the countdown runs out
 * and the page hands in by itself → the result says 100 分 / 通过 with the explanations → 排行榜 shows my
 * rank → 查看证书 shows the certificate image.
 *
 * Needs a running API with dev login enabled and the seeded demo district (demo-admin, 京口区总工会,
 * 大市口街道工会), and the H5 build (built against that API) being served:
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/
 * A screenshot of the certificate lands in tests/e2e/artifacts/ (a failure one too, when it fails).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  ARTIFACTS,
  button,
  cell,
  devLoginInBrowser,
  openPhone,
  tab,
  visible,
  withFailureScreenshot,
} from './support/browser.mjs';
import { createJudgeCampaign } from './support/quiz-campaign.mjs';

const REAL_NAME = '答题测试';
const CATEGORY_LABEL = '快递员';
const ORG_QUERY = '大市口';
const ORG_NAME = '大市口街道工会';
// Long enough that a slow machine never runs out while the journey answers; the page's clock is then moved
// on to the deadline (Playwright's clock), so the hand-in does not wait on the wall clock either.
const SECONDS_PER_ATTEMPT = 600;
const QUESTIONS = [
  { stem: '工会会员享有选举权、被选举权和表决权。', explanation: '《工会法》规定会员享有这些民主权利。' },
  { stem: '职工因工作遭受事故伤害，可以申请工伤认定。', explanation: '《工伤保险条例》规定了工伤认定的申请。' },
  { stem: '用人单位应当按时足额支付劳动者工资。', explanation: '《劳动法》规定工资应当以货币形式按月支付。' },
];

test('a worker answers a quiz, the countdown hands it in, and the result, rank and certificate follow', async (t) => {
  const campaign = await createJourneyCampaign();
  const page = await openPhone(t);

  await withFailureScreenshot(page, 'quiz-journey', async () => {
    await page.clock.install();
    // A fresh openid: a new worker, who consents and fills in the profile (names show on the leaderboard).
    await devLoginInBrowser(page, `quiz-journey-${Date.now()}`);
    await visible(page.getByText('京彩职工隐私政策', { exact: true })).waitFor();
    await button(page, '同意并继续').click();
    await visible(page.locator('input[placeholder="请输入真实姓名"]')).fill(REAL_NAME);
    await visible(page.locator('.profile__chip').getByText(CATEGORY_LABEL, { exact: true })).click();
    await visible(page.locator('.org-picker__search input')).fill(ORG_QUERY);
    await visible(page.locator('.org-picker__result').filter({ has: page.getByText(ORG_NAME, { exact: true }) }))
      .first()
      .click();
    await visible(page.locator('.org-picker__current').getByText(ORG_NAME, { exact: true })).waitFor();
    await button(page, '保存').click();
    await visible(page.locator('.me__name')).waitFor();

    await tab(page, '服务').click();
    await cell(page, '学习答题').click();

    const card = visible(page.locator('.quiz-campaign').filter({ hasText: campaign.title }));
    await card.waitFor();
    await card.getByText('共 3 题 · 限时 10分00秒 · 及格 60 分', { exact: true }).waitFor();
    await card.getByText('今日剩余 3 次', { exact: true }).waitFor();
    await card.locator('.nut-button').filter({ hasText: '开始答题' }).click();
    // The rules come first, in a dialog whose confirm starts the attempt.
    await visible(page.locator('.taro-modal__text').filter({ hasText: '时间到自动交卷' })).waitFor();
    await visible(page.locator('.taro-model__confirm')).click();

    // One question per screen, no answer shown; each answered 正确, and 提交 is never pressed.
    for (let position = 1; position <= QUESTIONS.length; position += 1) {
      await visible(page.getByText(`${position} / ${QUESTIONS.length}`, { exact: true })).waitFor();
      await visible(page.locator('.quiz-type').getByText('判断', { exact: true })).waitFor();
      const right = visible(page.locator('.quiz-option').filter({ has: page.getByText('正确', { exact: true }) }));
      await right.click();
      await visible(page.locator('.quiz-option--selected').filter({ hasText: '正确' })).waitFor();
      if (position < QUESTIONS.length) await button(page, '下一题').click();
    }
    await visible(page.getByText(`已答 ${QUESTIONS.length} / ${QUESTIONS.length}`, { exact: true })).waitFor();
    assert.match((await visible(page.locator('.quiz-answer__countdown')).textContent()) ?? '', /^剩余 (0\d|10):\d\d$/);
    assert.equal(await visible(page.getByText('解析', { exact: false })).count(), 0, 'no explanation while answering');

    // The countdown runs out and the page hands in by itself, then shows the result. The page's clock jumps
    // to the deadline; the server, on the real clock, receives the answers well inside the limit.
    await page.clock.fastForward(SECONDS_PER_ATTEMPT * 1000);
    const score = visible(page.locator('.quiz-result__score'));
    await score.waitFor();
    assert.equal((await score.textContent())?.trim(), '100 分');
    await visible(page.locator('.quiz-result__verdict').getByText('通过', { exact: true })).waitFor();
    await visible(page.getByText('答对 3 / 3 题', { exact: true })).waitFor();
    assert.equal(await visible(page.getByText('超时提交，本次计 0 分', { exact: true })).count(), 0, 'handed in on time');
    for (const { explanation } of QUESTIONS) {
      await visible(page.locator('.quiz-explanation').getByText(`解析：${explanation}`, { exact: true })).waitFor();
    }
    assert.equal(await visible(page.locator('.quiz-review--wrong')).count(), 0);

    // 排行榜: my row, pinned, with a rank.
    await button(page, '排行榜').click();
    const mine = visible(page.locator('.leaderboard__me'));
    await mine.waitFor();
    assert.match((await mine.locator('.leaderboard__me-title').textContent())?.trim() ?? '', /^我的排名 第 \d+ 名$/);
    await mine.getByText('100 分', { exact: true }).waitFor();
    await page.goBack();
    await score.waitFor();

    // 查看证书: the certificate image, loaded.
    await button(page, '查看证书').click();
    const image = visible(page.locator('.quiz-certificate__image img'));
    await image.waitFor();
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
    await visible(page.getByText(campaign.title, { exact: true })).waitFor();
    await visible(page.getByText('成绩：100 分', { exact: true })).waitFor();
    await visible(page.getByText(/^证书编号：\S+$/)).waitFor();

    // Let the page settle so the screenshot shows the finished page.
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ARTIFACTS, 'quiz-journey.png') });
  });
});

/** This run's own campaign: three judge questions (answer A = 正确), ten minutes, open to everyone now. */
function createJourneyCampaign() {
  return createJudgeCampaign({
    title: `旅程答题-${Date.now()}`,
    rules: '浏览器旅程专用：三道判断题，时间到自动交卷。',
    questions: QUESTIONS,
    secondsPerAttempt: SECONDS_PER_ATTEMPT,
  });
}
