/**
 * Browser journey for 长辈模式 (issue 20, MIIT 适老化): an older worker turns care mode on in 我的; the home page
 * becomes big tiles (before that, small buttons, a chip and a calendar arrow already measure ≥ 44×44 px), a
 * sub-page's body text measures ≥ 18 px at 375 px width with tap targets ≥ 60 px (the chip and the arrow too),
 * and a timed quiz gives half as much time again (10 minutes → 15), stated on the campaign card. The worker's
 * consent and profile are set through the API first, so the journey starts on the home page.
 * Screenshots land in tests/e2e/artifacts/ (care-mode-home.png, care-mode-quiz.png).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  apiCall,
  apiLogin,
  ARTIFACTS,
  cell,
  devLoginInBrowser,
  openPhone,
  tab,
  visible,
  withFailureScreenshot,
} from './support/browser.mjs';
import { createJudgeCampaign } from './support/quiz-campaign.mjs';
import { PRIVACY_POLICY_VERSION } from '../../packages/shared/dist/index.js';

const SECONDS_PER_ATTEMPT = 600;

test('an older worker turns on 长辈模式: big tiles, large text on sub-pages, and more time in a timed quiz', async (t) => {
  const campaign = await createJudgeCampaign({
    title: `长辈模式答题-${Date.now()}`,
    rules: '浏览器旅程专用：两道判断题。',
    questions: [
      { stem: '工会会员享有选举权、被选举权和表决权。', explanation: '《工会法》规定会员享有这些民主权利。' },
      { stem: '用人单位应当按时足额支付劳动者工资。', explanation: '《劳动法》规定工资应当按月支付。' },
    ],
    secondsPerAttempt: SECONDS_PER_ATTEMPT,
  });
  const openid = `care-mode-journey-${Date.now()}`;
  await readyWorker(openid, '李师傅');

  const page = await openPhone(t);
  await withFailureScreenshot(page, 'care-mode-journey', async () => {
    await devLoginInBrowser(page, openid);
    await visible(page.getByText('你好，李师傅', { exact: true })).waitFor();
    assert.equal(await visible(page.locator('.feature-card--large')).count(), 0, 'usual cards before care mode');

    // Outside care mode tap targets are still ≥ 44×44 px: the campaign card's small buttons.
    await tab(page, '服务').click();
    await cell(page, '学习答题').click();
    const usualCard = visible(page.locator('.quiz-campaign').filter({ hasText: campaign.title }));
    await usualCard.waitFor();
    for (const label of ['排行榜', '开始答题']) {
      const box = await usualCard.locator('.nut-button').filter({ hasText: label }).boundingBox();
      assert.ok(box && box.height >= 44 && box.width >= 44, `${label}: tap target ${JSON.stringify(box)}`);
    }
    await page.goBack();
    await measureChipAndArrow(page, 44);

    // 我的 → 长辈模式 on: saved on the profile, applied at once.
    await tab(page, '我的').click();
    await visible(cell(page, '长辈模式').getByLabel('长辈模式')).click();
    await page.waitForFunction(() => document.documentElement.classList.contains('jc-care'));

    await tab(page, '首页').click();
    const tiles = visible(page.locator('.feature-card--large'));
    await tiles.first().waitFor();
    assert.equal(await tiles.count(), 6, 'one big tile per programme');
    const tile = await tiles.first().boundingBox();
    assert.ok(tile && tile.width > 300 && tile.height >= 100, `a big tile, got ${JSON.stringify(tile)}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'care-mode-home.png') });
    await measureChipAndArrow(page, 60);

    // A sub-page: body text ≥ 18 px, line height ≥ 1.3, tap targets ≥ 60 px.
    await tab(page, '服务').click();
    await cell(page, '学习答题').click();
    const card = visible(page.locator('.quiz-campaign').filter({ hasText: campaign.title }));
    await card.waitFor();
    const body = await card.locator('.muted').first().evaluate((el) => {
      const style = getComputedStyle(el);
      return { size: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) };
    });
    assert.ok(body.size >= 18, `body text ${body.size}px`);
    assert.ok(body.lineHeight / body.size >= 1.3, `line height ${body.lineHeight}px for ${body.size}px text`);
    const start = card.locator('.nut-button').filter({ hasText: '开始答题' });
    const target = await start.boundingBox();
    assert.ok(target && target.height >= 60 && target.width >= 60, `tap target ${JSON.stringify(target)}`);

    // The timed quiz: 10 minutes for everyone, 15 in care mode, stated on the card and in the countdown.
    await card.getByText('共 2 题 · 限时 15分00秒 · 及格 60 分', { exact: true }).waitFor();
    await start.click();
    await visible(page.locator('.taro-modal__text').filter({ hasText: '长辈模式已延长为 1.5 倍' })).waitFor();
    await visible(page.locator('.taro-model__confirm')).click();
    const countdown = visible(page.locator('.quiz-answer__countdown'));
    await countdown.waitFor();
    assert.match((await countdown.textContent()) ?? '', /^剩余 1[45]:\d\d$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'care-mode-quiz.png') });
  });
});

/**
 * From 服务: 活动报名's filter chip 全部 and 职工读书季's calendar arrow ‹ (the seeded season), each at least
 * `min`×`min` px (our own controls, not NutUI's: components/choice and `jc-tap`). Ends on 服务.
 */
async function measureChipAndArrow(page, min) {
  const measure = async (locator, label) => {
    const box = await locator.boundingBox();
    assert.ok(box && box.height >= min && box.width >= min, `${label}: tap target ${JSON.stringify(box)}, want ≥ ${min} px`);
  };
  await tab(page, '服务').click();
  await cell(page, '活动报名').click();
  await measure(visible(page.getByRole('button', { name: '全部', exact: true })), '活动报名 chip 全部');
  await page.goBack();
  await cell(page, '职工读书季').click();
  await measure(visible(page.getByRole('button', { name: '上个月', exact: true })), '读书季 calendar ‹');
  await page.goBack();
}

/** A worker who has consented and filled in the profile, so the browser lands on the home page. */
async function readyWorker(openid, realName) {
  const { accessToken: token } = await apiLogin(openid);
  await apiCall('POST', '/me/consent', { token, body: { version: PRIVACY_POLICY_VERSION } });
  await apiCall('PATCH', '/me', { token, body: { realName, category: 'regular' } });
}
