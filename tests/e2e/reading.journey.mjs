/**
 * Browser journey on the mini-program's H5 build: a new worker checks in to the reading season (职工读书季)
 * and a second worker likes the note. Dev login with a fresh openid → consent → profile (the name shows in
 * the feed) → 服务 → 职工读书季 (the seeded season 阅读新时代 建功新征程) → 今日打卡 → a book, minutes, a note
 * and one photo → 提交打卡 → back on the home: 已连续打卡 1 天 and 今日已打卡 → 书友圈 shows the note once
 * its photo has passed the (asynchronous) content check. Then a second fresh worker, in a browser of their
 * own, opens the same feed and taps the like: the count becomes 1, and stays 1 after a reload.
 *
 * Needs a running API with dev login enabled, the seeded demo district and reading season, the fake WeChat
 * server (it screens photos and pushes the verdict back), and the H5 build (built against that API) being
 * served:
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/
 * A screenshot of the liked note lands in tests/e2e/artifacts/ (a failure one too, when it fails).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  ARTIFACTS,
  button,
  cell,
  devLoginInBrowser,
  H5_URL,
  openPhone,
  tab,
  visible,
  withFailureScreenshot,
} from './support/browser.mjs';

const THEME = '阅读新时代 建功新征程';
const BOOK = '平凡的世界';
const MINUTES = '45';
const REAL_NAME = '读书测试';
const CATEGORY_LABEL = '快递员';
const ORG_QUERY = '大市口';
const ORG_NAME = '大市口街道工会';
const READING_HOME = '#/packages/reading/pages/index/index';
/** How long the feed may take to show a note whose photo is still being screened. */
const PUBLISH_TIMEOUT_MS = 60_000; // a bound for a slow machine: the fake pushes its verdict at once

test('a worker checks in with a note and a photo, and another worker likes it in the feed', async (t) => {
  const stamp = Date.now();
  // Unique per run: the same note text twice is refused, and it picks this run's card out of the feed.
  const note = `读了《${BOOK}》第一部，孙少平在苦难中不失尊严，很受鼓舞。（旅程 ${stamp}）`;
  const photoDir = await mkdtemp(path.join(tmpdir(), 'jingcai-journey-'));
  t.after(() => rm(photoDir, { recursive: true, force: true }));

  const reader = await openPhone(t);
  await withFailureScreenshot(reader, 'reading-journey-reader', async () => {
    await devLoginInBrowser(reader, `reading-journey-${stamp}`);
    await visible(reader.getByText('京彩职工隐私政策', { exact: true })).waitFor();
    await button(reader, '同意并继续').click();
    await visible(reader.locator('input[placeholder="请输入真实姓名"]')).fill(REAL_NAME);
    await visible(reader.locator('.profile__chip').getByText(CATEGORY_LABEL, { exact: true })).click();
    await visible(reader.locator('.org-picker__search input')).fill(ORG_QUERY);
    await visible(reader.locator('.org-picker__result').filter({ has: reader.getByText(ORG_NAME, { exact: true }) }))
      .first()
      .click();
    await visible(reader.locator('.org-picker__current').getByText(ORG_NAME, { exact: true })).waitFor();
    await button(reader, '保存').click();
    await visible(reader.locator('.me__name')).waitFor();

    await tab(reader, '服务').click();
    await cell(reader, '职工读书季').click();

    // The season home: the theme, no streak yet, today not checked in.
    await visible(reader.locator('.reading-hero__theme').getByText(THEME, { exact: true })).waitFor();
    await visible(reader.locator('.reading-book__title').getByText(`《${BOOK}》`, { exact: true })).waitFor();
    await button(reader, '今日打卡').click();

    // The form: a book, the minutes, a note above the season minimum (10), one photo.
    await visible(reader.locator('.reading-form__book').filter({ hasText: BOOK })).click();
    await visible(reader.locator('.reading-form__book--active').filter({ hasText: BOOK })).waitFor();
    await visible(reader.locator('.reading-minutes__input input')).fill(MINUTES);
    await visible(reader.locator('.reading-form__note textarea')).fill(note);
    await visible(reader.getByText(`已写 ${[...note].length} 字 · 至少 10 字`, { exact: true })).waitFor();
    const photo = path.join(photoDir, 'reading.jpg');
    await writeFile(photo, await drawJpeg(reader));
    const [chooser] = await Promise.all([reader.waitForEvent('filechooser'), visible(reader.locator('.photo-picker__add')).click()]);
    await chooser.setFiles(photo);
    await visible(reader.locator('.photo-picker__image')).waitFor();

    await button(reader, '提交打卡').click();

    // Back on the home, reloaded: a one-day streak, today done; the note waits for its photo's review.
    await visible(reader.locator('.reading-streak').getByText('已连续打卡 1 天', { exact: true })).waitFor();
    await button(reader, '今日已打卡').waitFor();
    assert.equal(await button(reader, '今日打卡').count(), 0, 'no second check-in today');
    await visible(reader.locator('.reading-stats').getByText(`${MINUTES} 分钟`, { exact: true })).waitFor();
    await visible(reader.locator('.reading-calendar__day--today.reading-calendar__day--checked')).waitFor();
    await visible(reader.locator('.reading-notice').getByText('读后感审核通过后将在书友圈展示', { exact: true })).waitFor();

    // 书友圈: the note shows once published (the photo verdict comes back within a second or so).
    await visible(reader.locator('.reading-entry').filter({ hasText: '书友圈' })).click();
    const mine = await waitForPost(reader, note);
    await mine.locator('.reading-post__mine').getByText('我', { exact: true }).waitFor();
    await mine.getByText(`《${BOOK}》 · 阅读 ${MINUTES} 分钟`, { exact: true }).waitFor();
    assert.equal(await mine.locator('.reading-post__photo').count(), 1, 'the photo shows with the note');
    assert.equal((await mine.locator('.reading-like__count').textContent())?.trim(), '0');
  });

  // A second worker, in a browser of their own, likes the note.
  const friend = await openPhone(t);
  await withFailureScreenshot(friend, 'reading-journey-friend', async () => {
    await devLoginInBrowser(friend, `reading-journey-friend-${stamp}`);
    await visible(friend.getByText('京彩职工隐私政策', { exact: true })).waitFor();
    await button(friend, '同意并继续').click();
    // Sent on to the profile, which a like does not need: straight to the reading season.
    await visible(friend.locator('input[placeholder="请输入真实姓名"]')).waitFor();
    await friend.goto(new URL(READING_HOME, H5_URL).href);
    await visible(friend.locator('.reading-hero__theme').getByText(THEME, { exact: true })).waitFor();
    await visible(friend.locator('.reading-entry').filter({ hasText: '书友圈' })).click();

    const post = await waitForPost(friend, note);
    assert.equal(await post.locator('.reading-post__mine').count(), 0, 'not the friend’s own note');
    const like = post.locator('.reading-like');
    assert.equal((await like.locator('.reading-like__count').textContent())?.trim(), '0');
    await like.click();
    await post.locator('.reading-like--liked').waitFor();
    await post.locator('.reading-like__count').getByText('1', { exact: true }).waitFor();

    // The API kept it: after a reload the note is still liked, once.
    await friend.reload();
    const reloaded = await waitForPost(friend, note);
    await reloaded.locator('.reading-like--liked .reading-like__count').getByText('1', { exact: true }).waitFor();

    await friend.waitForTimeout(500);
    await friend.screenshot({ path: path.join(ARTIFACTS, 'reading-journey.png') });
  });
});

/**
 * The feed card of `note`. The feed lists published notes only, and a note with a photo stays pending until
 * the fake WeChat server's verdict arrives, so the feed is reloaded until the card shows.
 */
async function waitForPost(page, note) {
  const post = visible(page.locator('.reading-post').filter({ hasText: note }));
  const deadline = Date.now() + PUBLISH_TIMEOUT_MS;
  for (;;) {
    // Wait for the feed to settle: cards, or the empty state.
    await visible(page.locator('.reading-post, .status-view--empty')).first().waitFor();
    if ((await post.count()) > 0) return post;
    assert.ok(Date.now() < deadline, `the note did not reach the feed within ${PUBLISH_TIMEOUT_MS / 1000} s`);
    await page.waitForTimeout(1_000);
    await page.reload();
  }
}

/** A small JPEG (a book cover of sorts), encoded by Chromium's canvas: no image library needed. */
async function drawJpeg(page) {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 320;
    const context = canvas.getContext('2d');
    context.fillStyle = '#f5efe0';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#c8102e';
    context.font = '36px sans-serif';
    context.fillText('平凡的世界', 30, 170);
    return canvas.toDataURL('image/jpeg', 0.8);
  });
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}
