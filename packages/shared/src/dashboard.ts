/**
 * The staff console's dashboard: trends over Asia/Shanghai days and weeks, and participation rates by org,
 * always counted inside the staff member's org subtree. Pure helpers here so the API and the console
 * agree on what a day, a week and an empty day are.
 */
import type { OrgSummary } from './api';

/** Days a daily trend may span (the `days` query of every trend route). */
export const TREND_DAYS = { min: 7, max: 90, default: 30 } as const;
/** Weeks a weekly trend may span. */
export const TREND_WEEKS = { min: 4, max: 26, default: 12 } as const;

/** Something the dashboard can show figures for: a campaign, a season or a benefit. */
export interface StatsChoiceView {
  id: number;
  title: string;
  /** The first and last Shanghai day it runs (a benefit: its claim window). */
  startsOn: string;
  endsOn: string;
}

/** One org of a comparison: the workers on record in its subtree and how many of them took part. */
export interface OrgParticipationView {
  org: OrgSummary;
  participants: number;
  memberCount: number;
  /** participants / memberCount, 0..1 (0 when no member count is on record). */
  participationRate: number;
}

export interface QuizDayView {
  day: string;
  /** Workers of the subtree who took at least one attempt that day. */
  participants: number;
  attempts: number;
}

/** `GET /quiz/stats`: the campaigns to choose from, and the chosen one's daily trend and org comparison. */
export interface QuizStatsView {
  campaigns: StatsChoiceView[];
  campaignId: number | null;
  days: QuizDayView[];
  orgs: OrgParticipationView[];
}

export interface ReadingDayView {
  day: string;
  /** Workers of the subtree who checked in for that day (a make-up counts for the day it makes up). */
  readers: number;
}

export interface ReadingStatsView {
  seasons: StatsChoiceView[];
  seasonId: number | null;
  days: ReadingDayView[];
  orgs: OrgParticipationView[];
}

export interface CareDayView {
  day: string;
  /** Packs claimed that day (claims later cancelled or expired included). */
  claimed: number;
  /** Packs handed out at a station that day. */
  redeemed: number;
}

export interface CareStatsView {
  benefits: StatsChoiceView[];
  benefitId: number | null;
  days: CareDayView[];
}

export interface LegalWeekView {
  /** The Monday (Shanghai) that starts the week. */
  week: string;
  /** Questions asked that week. */
  opened: number;
  /** Questions that got their first answer from a lawyer or staff that week. */
  answered: number;
}

export interface LegalStatsView {
  weeks: LegalWeekView[];
  /** Open questions past their due time now. */
  overdue: number;
}

/** `day` (`YYYY-MM-DD`) moved by `delta` calendar days. */
export function addDays(day: string, delta: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid day');
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included (empty when `from` is after `to`). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The Monday of the week holding `day`: weeks run Monday to Sunday. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The trend window for something that runs from `startsOn` to `endsOn`: up to `span` days ending today,
 * or on its last day when it has ended. Empty (`from` after `to`) when it has not started.
 */
export function trendWindow(
  today: string,
  span: number,
  runs: { startsOn: string; endsOn: string } | null = null,
): { from: string; to: string } {
  const to = runs && runs.endsOn < today ? runs.endsOn : today;
  const earliest = addDays(to, -(span - 1));
  const from = runs && runs.startsOn > earliest ? runs.startsOn : earliest;
  return { from, to };
}

/** One row per day of the window, zeros where the query found nothing. */
export function fillDays<T extends { day: string }>(
  rows: readonly T[],
  window: { from: string; to: string },
  empty: Omit<T, 'day'>,
): T[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return daysBetween(window.from, window.to).map((day) => byDay.get(day) ?? ({ ...empty, day } as T));
}

/** Daily counts summed into Monday-based weeks, one row per week from the week of `from` to that of `to`. */
export function sumByWeek<K extends string>(
  rows: ReadonlyArray<{ day: string } & Record<K, number>>,
  window: { from: string; to: string },
  keys: readonly K[],
): Array<{ week: string } & Record<K, number>> {
  const weeks = new Map<string, { week: string } & Record<K, number>>();
  for (let week = mondayOf(window.from); week <= window.to; week = addDays(week, 7)) {
    weeks.set(week, { week, ...(Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>) });
  }
  for (const row of rows) {
    const bucket = weeks.get(mondayOf(row.day));
    if (bucket) for (const key of keys) bucket[key] = (bucket[key] + row[key]) as never;
  }
  return [...weeks.values()];
}
