import { badgesFor, streaksOf, type MyReadingView } from '@jingcai/shared';

/** One check-in as the standing rules see it. */
export interface DayRecord {
  day: string;
  minutes: number;
  makeUp: boolean;
}

/** What a worker's standing row holds, rewritten from all their days: a make-up can join two runs. */
export interface StandingFigures {
  days: number;
  longestStreak: number;
  /** The run of consecutive days ending on `lastDay`. */
  lastRun: number;
  lastDay: string | null;
  minutes: number;
}

/** The season settings the check-in rules depend on. */
export interface SeasonRules {
  startsOn: string;
  endsOn: string;
  makeUpAllowance: number;
  badgeThresholds: readonly number[];
}

/** The day a check-in is for, or why it may not be made. */
export type CheckinDay =
  { day: string; makeUp: boolean } | { refused: 'seasonClosed' | 'futureDay' | 'beforeSeason' };

/**
 * Check-ins are taken only while the season runs (by today's Shanghai day). No date means today; an
 * earlier date is a make-up (补卡), which must fall inside the season; a later one is refused.
 */
export function checkinDay(season: SeasonRules, today: string, requested?: string): CheckinDay {
  if (today < season.startsOn || today > season.endsOn) return { refused: 'seasonClosed' };
  const day = requested ?? today;
  if (day > today) return { refused: 'futureDay' };
  if (day < season.startsOn) return { refused: 'beforeSeason' };
  return { day, makeUp: day !== today };
}

/** Make-ups left of the season's allowance; never negative, even if staff lowered the allowance. */
export function makeUpsLeft(allowance: number, used: number): number {
  return Math.max(0, allowance - used);
}

/** The standing row from a worker's days, ascending and distinct. */
export function standingOf(records: readonly Pick<DayRecord, 'day' | 'minutes'>[]): StandingFigures {
  const days = records.map((r) => r.day);
  const lastDay = days.at(-1) ?? null;
  const { current, longest } = streaksOf(days, lastDay ?? '');
  return {
    days: days.length,
    longestStreak: longest,
    lastRun: current,
    lastDay,
    minutes: sum(records),
  };
}

/** Everything "my reading" shows, from the worker's days (ascending) on `today`. */
export function progressOf(
  records: readonly DayRecord[],
  today: string,
  season: Pick<SeasonRules, 'makeUpAllowance' | 'badgeThresholds'>,
): Omit<MyReadingView, 'seasonId' | 'posterUrl'> {
  const days = records.map((r) => r.day);
  const { current, longest } = streaksOf(days, today);
  return {
    today,
    days: days.length,
    currentStreak: current,
    longestStreak: longest,
    minutes: sum(records),
    badges: badgesFor(days.length, season.badgeThresholds),
    nextBadge: season.badgeThresholds.find((threshold) => threshold > days.length) ?? null,
    checkedInToday: days.at(-1) === today,
    makeUpsLeft: makeUpsLeft(season.makeUpAllowance, records.filter((r) => r.makeUp).length),
    checkinDays: days,
  };
}

function sum(records: readonly Pick<DayRecord, 'minutes'>[]): number {
  return records.reduce((total, r) => total + r.minutes, 0);
}
