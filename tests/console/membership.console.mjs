/**
 * Joining reviews in the console: a courier of the street applies with a proof photo (through the API, as
 * the mini-program does); staff find it among the pending applications, see the photo, and approve it —
 * the worker becomes a member with a number. A second applicant is rejected with a reason they can read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  apiCall,
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
    await row(page, me.memberNo).waitFor();
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
