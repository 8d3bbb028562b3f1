import {
  UploadPurpose,
  type ErrorCode,
  type CheckinBody,
  type CheckinResultView,
  type CheckinView,
  type CurrentSeasonView,
  type FeedPageView,
  type LeaderboardView,
  type LikeView,
  type MyReadingView,
  type Page,
  type ReaderRankView,
  type ReadingOrgRankView,
  type UploadView,
} from '@jingcai/shared';
import { request, type ApiError } from './request';
import { uploadImage } from './uploads';

// 职工读书季: the season open to the worker, my stats, check-ins (打卡 and 补卡), the feed of notes with
// likes, the rankings and my streak poster.

/** Whether a failed call was refused with `code` (one of the shared `ErrorCode`s, e.g. `ALREADY_CHECKED_IN`). */
export function isReadingError(error: unknown, code: ErrorCode): boolean {
  return typeof error === 'object' && error !== null && (error as ApiError).code === code;
}

/** The published season open today and meant for me; `{ season: null }` when there is none. */
export function currentSeason(): Promise<CurrentSeasonView> {
  return request<CurrentSeasonView>('/reading/seasons/current');
}

export const NOTES_PAGE_SIZE = 20;

/** 我的读书笔记: my check-ins and notes of a season, latest day first (hidden and in-review ones too). */
export function myCheckins(seasonId: number, page: number): Promise<Page<CheckinView>> {
  return request<Page<CheckinView>>(`/reading/seasons/${seasonId}/checkins/mine`, {
    query: { page, pageSize: NOTES_PAGE_SIZE },
  });
}

/** My days, streaks, minutes, badges, make-ups left and the days checked in, for the season home. */
export function myReading(seasonId: number): Promise<MyReadingView> {
  return request<MyReadingView>(`/reading/seasons/${seasonId}/me`);
}

/**
 * 打卡 (or 补卡 with `date`). The refusals (already checked in, the same note again, no make-ups left,
 * risky content, too short, too often) come with a message fit for the worker, shown as a toast.
 */
export function checkIn(seasonId: number, body: CheckinBody): Promise<CheckinResultView> {
  return request<CheckinResultView>(`/reading/seasons/${seasonId}/checkins`, { method: 'POST', body });
}

export const FEED_PAGE_SIZE = 20;

/** Published notes, newest first; pass the previous page's `nextCursor` for older ones. */
export function readingFeed(
  seasonId: number,
  cursor: string | null = null,
  limit = FEED_PAGE_SIZE,
): Promise<FeedPageView> {
  return request<FeedPageView>(`/reading/seasons/${seasonId}/feed`, { query: { cursor: cursor ?? undefined, limit } });
}

/** Likes or unlikes a note; both are idempotent, and answer with the count as it now stands. */
export function setLiked(checkinId: number, liked: boolean): Promise<LikeView> {
  return request<LikeView>(`/reading/checkins/${checkinId}/like`, { method: liked ? 'POST' : 'DELETE' });
}

export type ReadingRankScope = 'person' | 'org';

/** Readers by days checked in, then longest streak. */
export function readerLeaderboard(seasonId: number, limit = 50): Promise<LeaderboardView<ReaderRankView>> {
  return request<LeaderboardView<ReaderRankView>>(`/reading/seasons/${seasonId}/leaderboard`, {
    query: { scope: 'person', limit },
  });
}

/** Orgs by participation rate (the basis of the 优秀组织奖). */
export function orgReadingLeaderboard(seasonId: number, limit = 50): Promise<LeaderboardView<ReadingOrgRankView>> {
  return request<LeaderboardView<ReadingOrgRankView>>(`/reading/seasons/${seasonId}/leaderboard`, {
    query: { scope: 'org', limit },
  });
}

/** A check-in photo, uploaded on its own before the check-in names it by id. */
export function uploadReadingPhoto(filePath: string): Promise<UploadView> {
  return uploadImage(filePath, UploadPurpose.ReadingPhoto);
}

/**
 * Whether the poster can be written to the album: only inside WeChat. A browser shows the image, which
 * every mobile browser saves on a long press.
 */
export function canSaveToAlbum(): boolean {
  return process.env.TARO_ENV === 'weapp';
}
