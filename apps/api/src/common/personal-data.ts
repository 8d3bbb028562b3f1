import type { PersonalDataSectionView, PersonalDataValue } from '@jingcai/shared';

/**
 * What a feature owes a worker's personal-data rights: its part of the data copy, and the erasure of its
 * personal data once the worker deleted the account. Each feature implements it in its own
 * `*-personal-data.repository.ts`, so the account module never reads another feature's tables.
 */
export interface PersonalDataPart {
  /** Absent where the feature holds nothing to show (credentials; text already in another feature's part). */
  exportOf?(userId: number): Promise<PersonalDataSectionView[]>;
  /**
   * Erases or anonymises what the feature holds about `userId`. Runs again after a failure, so it must be
   * idempotent; records others rely on stay, with nothing personal left in them. Absent where the feature's
   * rows hold nothing personal once the user row is anonymised.
   */
  eraseOf?(userId: number): Promise<void>;
}

/** Text the erasure leaves where a worker's own words were. */
export const ERASED_TEXT = '（内容已随账号注销删除）';

/** An instant as a copy shows it (ISO 8601, UTC), null kept. */
export function iso(value: Date | null | undefined): PersonalDataValue {
  return value ? value.toISOString() : null;
}
