/**
 * Personal-data rights (PIPL arts. 45–47): a copy of one's data, withdrawing consent, deleting the account.
 * The deadline and what is kept live here so the API, the mini-program's page and the docs say the same.
 */

/** Working days (Monday–Friday, Shanghai) within which a deleted account's personal data is erased. */
export const ACCOUNT_ERASURE_WORKING_DAYS = 15;

/** What a deleted account's user row and staff views show in place of a name. */
export const DELETED_ACCOUNT_NAME = '已注销用户';

/** The words a worker types to confirm deletion (a tap alone is too easy to make by mistake). */
export const DELETION_CONFIRMATION = '确认注销';

/** One scalar of a data copy: cells of the xlsx, values of the JSON. */
export type PersonalDataValue = string | number | boolean | null;
export type PersonalDataRow = Record<string, PersonalDataValue>;

/** One part of a data copy, owned by the feature that holds it. */
export interface PersonalDataSectionView {
  /** Stable key: `profile`, `membership`, `claims`, `quizAttempts`… */
  key: string;
  /** Chinese title (the sheet name in the xlsx). */
  title: string;
  rows: PersonalDataRow[];
}

/** `GET /api/me/data-export`: everything the API holds about the caller, and nothing about anyone else. */
export interface PersonalDataExport {
  userId: number;
  generatedAt: string;
  sections: PersonalDataSectionView[];
}

/** `POST /api/me/deletion`. */
export interface RequestDeletionBody {
  /** Must equal DELETION_CONFIRMATION. */
  confirmation: string;
}

export interface DeletionView {
  requestedAt: string;
  /** The latest moment the sweep erases the remaining personal data (15 working days). */
  eraseBy: string;
}

/** What stays after deletion and why: the mini-program shows it before the worker confirms. */
export const KEPT_AFTER_DELETION: readonly { what: string; why: string }[] = [
  { what: '已核销的礼包领取记录（不含姓名、电话）', why: '库存和发放台账需要对得上' },
  { what: '答题、读书打卡的次数和分数（不含姓名和读后感）', why: '组织参与率等统计需要' },
  { what: '已发布的典型案例（发布前已匿名化）', why: '供其他职工参考，不含任何个人信息' },
  { what: '隐私政策同意记录（只有时间和版本）', why: '证明当时依法取得了同意' },
];
