/**
 * Browser journey on the mini-program's H5 build: a new worker asks the union's lawyers about unpaid wages
 * (法律维权) and follows the question to its end. Dev login with a fresh openid → consent → profile → 服务 →
 * 法律维权 → 我要咨询 → 欠薪讨薪, a title, a description and one photo → 提交咨询 → the question page (待分配).
 * Then, through the API as the console and the lawyer's phone would: the admin assigns it to the seeded
 * lawyer (demo-lawyer), who answers. Back on the phone: 我的咨询 shows a 新回复 badge → the question shows
 * the answer under the lawyer's name → a follow-up is sent (the question is 待解答 again) → the lawyer
 * answers again (API) → 新回复 again → 结束咨询并评价 with five stars → 已结束. Finally 典型案例: searching
 * 欠薪 finds the seeded published case (by its category), which opens.
 *
 * Needs a running API with dev login enabled and the seeded demo district (demo-admin, demo-lawyer with the
 * lawyer role, 大市口街道工会, the published case below), the fake WeChat server (content checks), and the
 * H5 build (built against that API) being served:
 *   API_BASE=http://127.0.0.1:3000/api H5_URL=http://127.0.0.1:10086/ node --test tests/e2e/
 * A screenshot of the case lands in tests/e2e/artifacts/ (a failure one too, when it fails).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
const LAWYER_OPENID = 'demo-lawyer';
const REAL_NAME = '维权测试';
const CATEGORY_LABEL = '外卖骑手';
const ORG_QUERY = '大市口';
const ORG_NAME = '大市口街道工会';
const LEGAL_CATEGORY = '欠薪讨薪';
const SEEDED_CASE = '外卖骑手被拖欠工资 工会帮助追回';
/** What a worker types: the case never says 欠薪, but its category (欠薪讨薪) does, and search covers categories. */
const CASE_QUERY = '欠薪';
const FIRST_ANSWER = '请保留考勤记录、工资条和聊天记录，可先向劳动监察大队投诉，工会可以陪同您去。';
const FOLLOW_UP = '考勤记录在站点手里，我拿不到，怎么办？';
const SECOND_ANSWER = '可以用平台接单记录和收入截图证明工作时间，仲裁时可申请调取单位持有的考勤。';
const COMMENT = '律师解答很耐心，谢谢工会！';

test('a worker asks about unpaid wages, follows up on the answer, closes with five stars and finds a case', async (t) => {
  const stamp = Date.now();
  const openid = `legal-journey-${stamp}`;
  // Unique per run: it picks this run's question out of 我的咨询.
  const title = `站点拖欠两个月工资怎么办（旅程 ${stamp}）`;
  const body = '我在配送站跑了两个月外卖，站长说押金没扣完，一直不发工资，一共 8600 元，我该怎么维权？';
  const photoDir = await mkdtemp(path.join(tmpdir(), 'jingcai-journey-'));
  t.after(() => rm(photoDir, { recursive: true, force: true }));

  const page = await openPhone(t);
  await withFailureScreenshot(page, 'legal-journey', async () => {
    // A fresh worker, who consents and fills in the profile.
    await devLoginInBrowser(page, openid);
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
    await cell(page, '法律维权').click();

    // The legal home: the hotline, the four entries, and no workbench for a worker.
    await button(page, '拨打 12351 职工服务热线').waitFor();
    assert.equal(await entry(page, '解答工作台').count(), 0, 'no workbench for a worker');
    await entry(page, '我要咨询').click();

    // The form: a category, a title, a description, one photo; private unless the worker says otherwise.
    await visible(page.locator('.legal-chip').getByText(LEGAL_CATEGORY, { exact: true })).click();
    await visible(page.locator('.legal-chip--active').getByText(LEGAL_CATEGORY, { exact: true })).waitFor();
    await visible(page.locator('.legal-ask__title input')).fill(title);
    await visible(page.locator('.legal-ask__body textarea')).fill(body);
    await visible(page.locator('.legal-count').getByText(`${[...body].length} / 3000`, { exact: true })).waitFor();
    const photo = path.join(photoDir, 'payslip.jpg');
    await writeFile(photo, await drawJpeg(page));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page.locator('.photo-picker__add')).click()]);
    await chooser.setFiles(photo);
    await visible(page.locator('.photo-picker__image')).waitFor();
    await button(page, '提交咨询').click();

    // The question page in place of the form: waiting for someone to take it.
    await visible(page.locator('.legal-question__title').getByText(title, { exact: true })).waitFor();
    await questionStatus(page, '待分配');
    await visible(page.locator('.legal-message--own .legal-message__body').getByText(body, { exact: true })).waitFor();
    assert.equal(await visible(page.getByText('结束咨询并评价', { exact: true })).count(), 0, 'nothing to close before an answer');

    // The admin assigns it to the lawyer, who answers (the console and the lawyer's phone, here the API).
    const question = await findMyQuestion(openid, title);
    const { accessToken: adminToken } = await apiLogin(ADMIN_OPENID);
    const { accessToken: lawyerToken, user: lawyer } = await apiLogin(LAWYER_OPENID);
    assert.ok(lawyer.roles.includes('lawyer'), `${LAWYER_OPENID} holds the lawyer role`);
    await apiCall('POST', `/legal/questions/${question.id}/assign`, { token: adminToken, body: { userId: lawyer.id } });
    await apiCall('POST', `/legal/questions/${question.id}/messages`, { token: lawyerToken, body: { body: FIRST_ANSWER } });

    // 我的咨询: the question with a 新回复 badge.
    await page.goBack();
    await entry(page, '我的咨询').click();
    const row = myRow(page, title);
    await row.locator('.legal-unread').filter({ hasText: '新回复' }).waitFor();
    await row.locator('.legal-status').getByText('已解答', { exact: true }).waitFor();
    assert.equal(await row.getByText(/超期/).count(), 0, 'a worker is never shown the overdue mark');
    await row.click();

    // The answer, on the left under the lawyer's name; then a follow-up, on the right, re-opens it.
    const firstAnswer = answer(page, FIRST_ANSWER);
    await firstAnswer.waitFor();
    assert.ok(((await firstAnswer.locator('.legal-message__author').textContent()) ?? '').trim(), 'the answer names its lawyer');
    await questionStatus(page, '已解答');
    await visible(page.locator('.legal-composer__input textarea')).fill(FOLLOW_UP);
    await button(page, '发送').click();
    await visible(page.locator('.legal-message--own .legal-message__body').getByText(FOLLOW_UP, { exact: true })).waitFor();
    await questionStatus(page, '待解答');

    // The lawyer answers again; 我的咨询 shows it as new, and the question shows it.
    await apiCall('POST', `/legal/questions/${question.id}/messages`, { token: lawyerToken, body: { body: SECOND_ANSWER } });
    await page.goBack();
    await row.locator('.legal-unread').filter({ hasText: '新回复' }).waitFor();
    await row.click();
    await answer(page, SECOND_ANSWER).waitFor();

    // 结束咨询并评价: five stars and a comment.
    await button(page, '结束咨询并评价').click();
    await visible(page.locator('.legal-close .legal-star')).nth(4).click();
    await visible(page.locator('.legal-stars__label').getByText('非常满意', { exact: true })).waitFor();
    await visible(page.locator('.legal-close__comment textarea')).fill(COMMENT);
    await button(page, '提交评价').click();
    await visible(page.locator('.legal-question__closed').getByText('咨询已结束', { exact: true })).waitFor();
    await questionStatus(page, '已结束');
    assert.equal(await visible(page.locator('.legal-question__rating .legal-star--on')).count(), 5);
    await visible(page.locator('.legal-question__comment').getByText(COMMENT, { exact: true })).waitFor();
    assert.equal(await visible(page.locator('.legal-composer')).count(), 0, 'no more follow-ups once closed');

    // Back in 我的咨询: closed, nothing unread.
    await page.goBack();
    await row.locator('.legal-status').getByText('已结束', { exact: true }).waitFor();
    assert.equal(await row.locator('.legal-unread').count(), 0, 'the answers are read');

    // 典型案例: the search finds the seeded case, which opens with its facts, outcome and law.
    await page.goBack();
    await entry(page, '典型案例').click();
    await visible(page.locator('.legal-case').first()).waitFor();
    const [searched] = await Promise.all([
      page.waitForResponse((response) => {
        const url = new URL(response.url());
        return url.pathname.endsWith('/legal/cases') && url.searchParams.get('q') === CASE_QUERY;
      }),
      visible(page.locator('.legal-cases__search input')).fill(CASE_QUERY),
    ]);
    assert.equal(searched.status(), 200, `the search went to the API with q=${CASE_QUERY}`);
    const found = visible(page.locator('.legal-case').filter({ has: page.getByText(SEEDED_CASE, { exact: true }) }));
    await found.waitFor();
    await found.click();
    await visible(page.locator('.legal-case-detail__title').getByText(SEEDED_CASE, { exact: true })).waitFor();
    for (const heading of ['案情简介', '处理结果']) {
      await visible(page.locator('.legal-case-detail__heading').getByText(heading, { exact: true })).waitFor();
    }

    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ARTIFACTS, 'legal-journey.png') });
  });
});

/** An entry card on the legal home by its title. */
function entry(page, title) {
  return visible(page.locator('.legal-entry').filter({ has: page.getByText(title, { exact: true }) }));
}

/** This run's row in 我的咨询. */
function myRow(page, title) {
  return visible(page.locator('.legal-row').filter({ has: page.getByText(title, { exact: true }) }));
}

/** An answer in the thread: on the other side from the asker. */
function answer(page, text) {
  return visible(page.locator('.legal-message--theirs').filter({ has: page.getByText(text, { exact: true }) }));
}

async function questionStatus(page, label) {
  await visible(page.locator('.legal-question__head .legal-status').getByText(label, { exact: true })).waitFor();
}

/** The question just asked, as its asker lists it (listing it does not mark anything read). */
async function findMyQuestion(openid, title) {
  const { accessToken } = await apiLogin(openid);
  const mine = await apiCall('GET', '/legal/questions/mine?page=1&pageSize=20', { token: accessToken });
  const question = mine.items.find((item) => item.title === title);
  assert.ok(question, `the question "${title}" is in 我的咨询`);
  return question;
}

/** A small JPEG (a pay slip of sorts), encoded by Chromium's canvas: no image library needed. */
async function drawJpeg(page) {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 240;
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#1f2329';
    context.font = '28px sans-serif';
    context.fillText('工资条 2026年10月', 30, 80);
    context.fillText('应发 4300.00', 30, 140);
    return canvas.toDataURL('image/jpeg', 0.8);
  });
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}
