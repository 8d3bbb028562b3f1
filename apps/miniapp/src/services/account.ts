import Taro from '@tarojs/taro';
import {
  type DeletionView,
  type MeView,
  type PersonalDataExport,
  type RequestDeletionBody,
} from '@jingcai/shared';
import { request, requestBytes } from './request';
import { setCurrentUser } from './session';
import { clearTokens } from './tokens';

// 个人信息: a copy of my data, withdrawing consent, deleting the account (注销). PIPL arts. 45–47.

/** Everything the union holds about me, section by section (the page shows a summary). */
export function fetchDataCopy(): Promise<PersonalDataExport> {
  return request<PersonalDataExport>('/me/data-export');
}

/** Where the saved copy went, for the page to say so. */
export type SavedCopy = 'downloaded' | 'opened';

/**
 * The copy as an .xlsx the worker keeps. In a browser it downloads; in WeChat it is written to the
 * mini-program's own files and opened in WeChat's document viewer, whose menu saves or forwards it.
 */
export async function saveDataCopy(): Promise<SavedCopy> {
  const bytes = await requestBytes('/me/data-export', { query: { format: 'xlsx' } });
  const name = `京彩职工-我的数据-${new Date().toISOString().slice(0, 10)}.xlsx`;
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(
      new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return 'downloaded';
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${name}`;
  Taro.getFileSystemManager().writeFileSync(filePath, bytes, 'binary');
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  return 'opened';
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
