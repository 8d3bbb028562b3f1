/**
 * The console by keyboard alone (issue 20, WCAG 2.1.1 and 2.4.7): after signing in, 李干事 uses no mouse. Tab
 * reaches 新建题库 with a visible focus ring; Enter opens the form, the name is typed, Tab reaches 创建 and Enter
 * submits it; back on the list, Tab walks the rows to the new bank (ringed too) and Enter opens it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginAsStaff, openConsole, openPage, RUN, screenshot, withFailureScreenshot } from './support/console.mjs';

/** More than any console page has before its table's rows (menu, header, page actions, column heads). */
const MAX_TABS = 80;

test('staff create a question bank and open it from the list with the keyboard alone', async (t) => {
  const page = await openConsole(t);
  const name = `键盘题库${RUN}`;
  await withFailureScreenshot(page, 'keyboard', async () => {
    await loginAsStaff(page);
    await openPage(page, '/quiz/banks', '题库');

    // The form: Tab to 新建题库, Enter opens it, type the name, Tab to 创建, Enter submits.
    await tabTo(page, (el) => el.tag === 'BUTTON' && /新\s?建\s?题\s?库/.test(el.text));
    await assertFocusRing(page, '新建题库');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '新建题库' });
    await dialog.waitFor();
    await tabTo(page, (el) => el.tag === 'INPUT' && el.field.includes('题库名称'));
    await page.keyboard.type(name);
    // Past the org (already the staff member's own) to the dialog's 创建, and Enter.
    await tabTo(page, (el) => el.tag === 'BUTTON' && /创\s?建/.test(el.text));
    await assertFocusRing(page, '创建');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name, level: 3 }).waitFor();

    // The list: Tab through the rows to the new bank, Enter opens it.
    await openPage(page, '/quiz/banks', '题库');
    await tabTo(page, (el) => el.tag === 'TR' && el.text.includes(name));
    await assertFocusRing(page, `the row of ${name}`);
    await screenshot(page, 'keyboard-row-focus');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name, level: 3 }).waitFor();
  });
});

/** Presses Tab until the focused element passes `matches` ({ tag, text, field }); fails after MAX_TABS presses. */
async function tabTo(page, matches) {
  for (let i = 0; i < MAX_TABS; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        tag: el?.tagName ?? '',
        text: el?.textContent ?? '',
        field: el?.closest('.ant-form-item')?.querySelector('label')?.textContent ?? '',
      };
    });
    if (matches(focused)) return;
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  assert.fail(`not reached with ${MAX_TABS} Tab presses; focus is on ${at}`);
}

/** The focused element shows a focus ring a sighted keyboard user can see: at least 2 px, not `none`. */
async function assertFocusRing(page, what) {
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };
  });
  const outlined = ring.style !== 'none' && ring.width >= 2;
  assert.ok(outlined || (ring.shadow && ring.shadow !== 'none'), `no visible focus on ${what}: ${JSON.stringify(ring)}`);
}
