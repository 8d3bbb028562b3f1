import { maskName } from './rules';

/** What naming a person needs. */
export interface Named {
  realName?: string | null;
  nickname?: string | null;
}

/**
 * A person as other workers see them (leaderboards, the reading feed, a case's thread): the nickname they
 * chose, else their real name masked, never the full real name.
 */
export function publicName(person: Named | null | undefined, fallback = '职工'): string {
  return person?.nickname || maskName(person?.realName) || fallback;
}

/** A person as staff in scope see them (reviews, redemptions, exports): the real name, else the nickname. */
export function staffName(person: Named | null | undefined, fallback = '职工'): string {
  return person?.realName || person?.nickname || fallback;
}
