/** Reading season (职工读书季): SPEC.md §2. Days are Asia/Shanghai calendar days, written `YYYY-MM-DD`. */
import type { OrgSummary } from './api';

export const SeasonStatus = { Draft: 'draft', Published: 'published' } as const;
export type SeasonStatus = (typeof SeasonStatus)[keyof typeof SeasonStatus];

/** What a check-in's note is: public, waiting for a moderator, refused by one, or hidden by staff. */
export const CheckinStatus = {
  Published: 'published',
  Pending: 'pending',
  Rejected: 'rejected',
  Hidden: 'hidden',
} as const;
export type CheckinStatus = (typeof CheckinStatus)[keyof typeof CheckinStatus];

export const DEFAULT_BADGE_THRESHOLDS: readonly number[] = [7, 21, 50];
export const CHECKIN_MAX_PHOTOS = 9;
export const CHECKIN_MAX_MINUTES = 600;
export const NOTE_MAX_LENGTH = 2000;

// ---- seasons (staff) ----
export interface BookBody {
  title: string;
  author: string;
  coverUrl?: string | null;
  blurb: string;
}

export interface BookView extends BookBody {
  id: number;
  coverUrl: string | null;
}

export interface SeasonBody {
  theme: string;
  description: string;
  /** First and last day of the season, inclusive. */
  startsOn: string;
  endsOn: string;
  books: BookBody[];
  /** Characters a note needs at least. */
  minNoteLength: number;
  /** Make-up check-ins (补卡) each worker may use for missed days. */
  makeUpAllowance: number;
  /** Days of check-ins that earn a badge, ascending (default 7 / 21 / 50). */
  badgeThresholds: number[];
  /** Workers of this org's subtree; null for everyone. */
  audienceOrgId: number | null;
  ownerOrgId: number;
}

/** `PATCH /api/reading/seasons/:id`: everything but the books (they have their own routes). */
export type SeasonPatch = Partial<Omit<SeasonBody, 'books' | 'ownerOrgId'>>;

export interface SeasonView extends Omit<SeasonBody, 'books' | 'ownerOrgId' | 'audienceOrgId'> {
  id: number;
  status: SeasonStatus;
  books: BookView[];
  ownerOrg: OrgSummary;
  audienceOrg: OrgSummary | null;
}

/** `GET /api/reading/seasons/current`: the published season open today and meant for me, if any. */
export interface CurrentSeasonView {
  season: SeasonView | null;
}

// ---- check-ins (worker) ----
export interface CheckinBody {
  bookId: number;
  minutes: number;
  note: string;
  /** Upload ids (purpose `reading_photo`), at most 9. */
  photoIds?: string[];
  /** A missed day inside the season, for a make-up check-in (补卡); today when absent. */
  date?: string;
}

export interface PhotoView {
  id: string;
  /** Signed, short-lived URL. */
  url: string;
}

export interface CheckinView {
  id: number;
  seasonId: number;
  day: string;
  book: { id: number; title: string };
  minutes: number;
  note: string;
  photos: PhotoView[];
  makeUp: boolean;
  status: CheckinStatus;
  likeCount: number;
  createdAt: string;
}

/** `GET /api/reading/seasons/:id/me`. */
export interface MyReadingView {
  seasonId: number;
  /** The server's Asia/Shanghai day: what "today" means for check-ins and the calendar. */
  today: string;
  days: number;
  /** Consecutive days ending today, or yesterday when today is not checked in yet. */
  currentStreak: number;
  longestStreak: number;
  minutes: number;
  /** Thresholds reached, ascending. */
  badges: number[];
  /** The next threshold to reach, or null when all are earned. */
  nextBadge: number | null;
  checkedInToday: boolean;
  makeUpsLeft: number;
  /** Every day I checked in this season, ascending (for the streak calendar). */
  checkinDays: string[];
  /** Signed URL of my streak poster (PNG), to save or share. */
  posterUrl: string;
}

export interface CheckinResultView {
  checkin: CheckinView;
  me: MyReadingView;
}

// ---- feed ----
export interface FeedItemView {
  id: number;
  author: { name: string; org: string | null };
  day: string;
  book: { id: number; title: string };
  minutes: number;
  note: string;
  photos: PhotoView[];
  /** A make-up check-in (补卡) for a missed day. */
  makeUp: boolean;
  likeCount: number;
  likedByMe: boolean;
  mine: boolean;
  createdAt: string;
}

export interface FeedPageView {
  items: FeedItemView[];
  /** Pass as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
}

export interface LikeView {
  liked: boolean;
  likeCount: number;
}

export interface HideCheckinBody {
  reason: string;
}

// ---- rankings ----
export interface ReaderRankView {
  rank: number;
  userId: number;
  /** Masked real name or nickname. */
  name: string;
  org: string | null;
  days: number;
  longestStreak: number;
  minutes: number;
}

export interface ReadingOrgRankView {
  rank: number;
  org: OrgSummary;
  participants: number;
  memberCount: number;
  /** participants ÷ member count, 0–1. */
  participationRate: number;
  totalMinutes: number;
}

/** Badges earned with `days` check-ins. */
export function badgesFor(days: number, thresholds: readonly number[]): number[] {
  return thresholds.filter((threshold) => days >= threshold);
}

/**
 * Streaks over sorted, distinct days: the longest run, and the run that ends on `today` (or on the day
 * before, while today can still be checked in). Days are `YYYY-MM-DD`; the calendar, not 24-hour spans.
 */
export function streaksOf(days: readonly string[], today: string): { current: number; longest: number } {
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const day of days) {
    run = previous !== null && nextDay(previous) === day ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  const last = days.at(-1);
  const current = last !== undefined && (last === today || nextDay(last) === today) ? run : 0;
  return { current, longest };
}

/** The calendar day after `day` (`YYYY-MM-DD`), across month and year ends. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
