import {
  shanghaiDay,
  type DeletionView,
  type MeView,
  type PersonalDataExport,
  type RequestDeletionBody,
} from '@jingcai/shared';
import { request, requestBytes } from './request';
import { saveFile, type SavedFile } from './save-file';
import { setCurrentUser } from './session';
import { clearTokens } from './tokens';

// 个人信息: a copy of my data, withdrawing consent, deleting the account (注销). PIPL arts. 45–47.

/** Everything the union holds about me, section by section (the page shows a summary). */
export function fetchDataCopy(): Promise<PersonalDataExport> {
  return request<PersonalDataExport>('/me/data-export');
}

/**
 * The copy as an .xlsx the worker keeps: downloaded in a browser, opened in WeChat's document viewer (whose menu
 * saves or forwards it) in the mini-program.
 */
export async function saveDataCopy(): Promise<SavedFile> {
  const bytes = await requestBytes('/me/data-export', { query: { format: 'xlsx' } });
  return saveFile(bytes, `京彩职工-我的数据-${shanghaiDay(new Date())}.xlsx`, 'xlsx');
}

/** Withdraws consent to the privacy notice; the app then shows the notice again before anything else. */
export async function withdrawConsent(): Promise<MeView> {
  const me = await request<MeView>('/me/consent/withdraw', { method: 'POST' });
  setCurrentUser(me);
  return me;
}

/**
 * 注销: after this the account can no longer sign in, so the local session ends here too. `confirmation`
 * is what the worker typed; the API accepts only DELETION_CONFIRMATION.
 */
export async function deleteAccount(confirmation: string): Promise<DeletionView> {
  const result = await request<DeletionView>('/me/deletion', {
    method: 'POST',
    body: { confirmation } satisfies RequestDeletionBody,
  });
  clearTokens();
  setCurrentUser(null);
  return result;
}
