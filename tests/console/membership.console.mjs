/**
 * Joining reviews in the console: a courier of the street applies with a proof photo (through the API, as
 * the mini-program does); staff find it among the pending applications, see the photo, and approve it —
 * the worker becomes a member with a number. A second applicant is rejected with a reason they can read.
 * The member directory (会员名册): staff find a worker by name, filter by tag, and give them the 劳模 tag.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiCall,
  apiLogin,
  button,
  confirm,
  DEMO,
  loginAsStaff,
  newWorker,
  openConsole,
  openPage,
  orgId,
  phoneNumber,
  row,
  RUN_LETTERS,
  screenshot,
  uploadPhoto,
  withFailureScreenshot,
} from './support/console.mjs';

// Names unique to this run: a pending application left by an earlier run never gets in the way.
const APPROVE_NAME = `审核快递员${RUN_LETTERS}`;
const REJECT_NAME = `驳回职工${RUN_LETTERS}`;
const TAG_NAME = `名册职工${RUN_LETTERS}`;

/** Searches the member directory for `text` (a name, or a whole phone number) and waits for the answer. */
async function searchMembers(page, text) {
  const box = page.getByLabel('姓名或完整手机号');
  await box.fill(text);
  // Wait for this search's answer itself: the spinner may not have appeared yet when we look for it.
  const answered = page.waitForResponse(
    (response) => response.url().includes('/api/members?') && new URL(response.url()).searchParams.get('q') === text,
  );
  await box.press('Enter');
  await answered;
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);
}

/** Picks `option` in the antd Select named `name` (its aria-label); `null` clears it. */
async function pick(page, name, option) {
  const select = page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name }) });
  if (option === null) {
    await select.hover();
    await select.locator('.ant-select-clear').click();
    return;
  }
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${option}$`) }).click();
}

async function apply(key, realName, withPhoto) {
  const worker = await newWorker(key, { orgName: DEMO.dashikouEnterprise, realName, category: withPhoto ? 'courier' : 'regular' });
  const photo = withPhoto ? await uploadPhoto(worker.token, 'membership_proof') : null;
  const application = await apiCall('POST', '/membership/applications', {
    token: worker.token,
    body: {
      realName,
      phone: phoneNumber(realName.length + key.length),
      orgId: await orgId(DEMO.dashikouEnterprise),
      category: withPhoto ? 'courier' : 'regular',
      ...(withPhoto ? { platform: '顺丰速运', proofPhotoId: photo.id } : {}),
    },
  });
  return { worker, application };
}

test('staff review a courier’s application with its proof photo and approve it', async (t) => {
  const page = await openConsole(t);
  await withFailureScreenshot(page, 'membership-approve', async () => {
    const { worker, application } = await apply('approve', APPROVE_NAME, true);
    assert.equal(application.status, 'pending');

    await loginAsStaff(page);
    await openPage(page, '/members/applications', '入会审核');
    const pending = row(page, APPROVE_NAME);
    await pending.waitFor();
    assert.match(await pending.textContent(), /139\*{4}\d{4}/, 'the phone is masked');
    await pending.getByText('顺丰速运').waitFor();
    await button(pending, '审核').click();

    const drawer = page.locator('.ant-drawer-content').filter({ hasText: `入会申请 · ${APPROVE_NAME}` });
    await drawer.waitFor();
    const photo = drawer.getByRole('img', { name: '证明材料' });
    await photo.waitFor();
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await photo.elementHandle());
    await screenshot(page, 'membership-review');

    await button(drawer, '通过').click();
    await confirm(page, '通过');
    await drawer.getByText('已通过', { exact: true }).waitFor();
    await drawer.getByText('会员号').waitFor();

    const me = await apiCall('GET', '/me', { token: worker.token });
    assert.equal(me.membership, 'member', 'the worker is a member now');
    assert.ok(me.memberNo, 'with a member number');
    await drawer.getByText(me.memberNo).waitFor();

    // The pending list no longer holds it; the roster does.
    await page.keyboard.press('Escape');
    await row(page, APPROVE_NAME).waitFor({ state: 'detached' });
    await openPage(page, '/members/roster', '会员名册');
    await searchMembers(page, APPROVE_NAME);
    const member = row(page, APPROVE_NAME);
    await member.getByText(me.memberNo).waitFor();
    assert.match(await member.textContent(), /139\*{4}\d{4}/, 'the directory masks the phone too');
    await member.getByText('快递员', { exact: true }).waitFor();
  });
});

test('staff reject an application with a reason the worker can read', async (t) => {
  const page = await openConsole(t);
  await withFailureScreenshot(page, 'membership-reject', async () => {
    const { worker } = await apply('reject', REJECT_NAME, false);
    await loginAsStaff(page);
    await openPage(page, '/members/applications', '入会审核');
    await button(row(page, REJECT_NAME), '审核').click();
    const drawer = page.locator('.ant-drawer-content').filter({ hasText: `入会申请 · ${REJECT_NAME}` });
    await button(drawer, '驳回').click();
    const dialog = page.getByRole('dialog', { name: '驳回入会申请' });
    await button(dialog, '确认驳回').click();
    await dialog.getByText('请填写驳回原因').waitFor();
    await dialog.getByLabel('驳回原因（申请人可见）').fill('所填单位与工作证明不一致，请核对后重新申请');
    await button(dialog, '确认驳回').click();
    await drawer.getByText('未通过', { exact: true }).waitFor();

    const [mine] = await apiCall('GET', '/membership/applications/mine', { token: worker.token });
    assert.equal(mine.status, 'rejected');
    assert.equal(mine.rejectReason, '所填单位与工作证明不一致，请核对后重新申请');
  });
});

test('staff find a worker in the member directory by name, filter by tag and give them the 劳模 tag', async (t) => {
  const page = await openConsole(t);
  await withFailureScreenshot(page, 'membership-tags', async () => {
    const worker = await newWorker('tags', { orgName: DEMO.dashikouEnterprise, realName: TAG_NAME, category: 'delivery_rider' });
    await loginAsStaff(page);
    await openPage(page, '/members/roster', '会员名册');

    await searchMembers(page, TAG_NAME);
    const found = row(page, TAG_NAME);
    await found.waitFor();
    assert.equal(await page.locator('.ant-table-row').count(), 1, 'the name is unique to this run');
    await found.getByText('外卖骑手').waitFor();
    await found.getByText(DEMO.dashikouEnterprise).waitFor();
    assert.equal(await found.locator('.ant-tag').filter({ hasText: '劳模' }).count(), 0, 'no tag yet');

    // Filtered by 劳模 before having it: not listed.
    await pick(page, '标签', '劳模');
    await page.getByText('没有符合条件的职工').waitFor();
    await pick(page, '标签', null);
    await found.waitFor();

    await button(found, '编辑标签').click();
    const dialog = page.getByRole('dialog', { name: `编辑标签 · ${TAG_NAME}` });
    await dialog.waitFor();
    // A click, then the box as React re-renders it (check() reads the state too early on antd's controlled box).
    const box = dialog.getByRole('checkbox', { name: '劳模' });
    await box.click();
    await page.waitForFunction((input) => input.checked, await box.elementHandle());
    await button(dialog, '保存').click();
    await dialog.waitFor({ state: 'hidden' });
    await found.locator('.ant-tag').filter({ hasText: '劳模' }).waitFor();

    // Kept by the API, and now matched by the tag filter (and not by another one).
    const { accessToken } = await apiLogin(DEMO.staff.openid);
    const listed = await apiCall('GET', `/members?q=${encodeURIComponent(TAG_NAME)}`, { token: accessToken });
    assert.equal(listed.total, 1);
    assert.equal(listed.items[0].id, worker.id);
    assert.deepEqual(listed.items[0].tags, ['model_worker']);
    await pick(page, '标签', '劳模');
    await found.locator('.ant-tag').filter({ hasText: '劳模' }).waitFor();
    await pick(page, '标签', '困难职工');
    await page.getByText('没有符合条件的职工').waitFor();
    await pick(page, '标签', null);
    await found.waitFor();
    await screenshot(page, 'membership-directory');
  });
});
