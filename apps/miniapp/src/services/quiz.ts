import {
  ErrorCode,
  type AttemptResultView,
  type AttemptView,
  type CertificateView,
  type LeaderboardView,
  type MistakeView,
  type MyAttemptView,
  type OptionKey,
  type OrgRankView,
  type Page,
  type PastCampaignView,
  type PersonRankView,
  type PracticeBody,
  type PracticeResultView,
  type SubmitAnswer,
  type SubmitAttemptBody,
  type WorkerCampaignView,
} from '@jingcai/shared';
import { request, requestFull, type FullResponse } from './request';

// 学习答题: campaigns open to the worker, attempts (start, resume, submit, result), leaderboards, the
// 错题本 and certificates.

/** Published campaigns open now that the worker may take, with attempts left today and the best score. */
export function quizCampaigns(): Promise<WorkerCampaignView[]> {
  return request<WorkerCampaignView[]>('/quiz/campaigns');
}

/**
 * An attempt as the answer page needs it: the questions, and how far the phone's clock is from the
 * server's, so the countdown runs to the server's deadline whatever time the phone shows.
 */
export interface TimedAttempt {
  attempt: AttemptView;
  /** Server time minus device time, in ms; null when this response could not tell. */
  clockOffsetMs: number | null;
}

/**
 * Starts an attempt, or answers with the open one (200). The refusals (no attempts left today, not in the
 * audience, not open) come with a message fit for the worker, shown as a toast.
 */
export async function startAttempt(campaignId: number): Promise<TimedAttempt> {
  const response = await requestFull<AttemptView>(`/quiz/campaigns/${campaignId}/attempts`, { method: 'POST' });
  const receivedAt = Date.now();
  // A new attempt (201) started just now on the server: its start time stands in for a clock the headers
  // may not show. An open attempt (200) started earlier, so its start time says nothing about now.
  const fromStart = response.statusCode === 201 ? Date.parse(response.data.startedAt) - receivedAt : null;
  return { attempt: response.data, clockOffsetMs: offsetFromDateHeader(response, receivedAt) ?? finiteOrNull(fromStart) };
}

/** An open attempt of mine, to resume it. 409 once submitted: the caller goes to the result, so no toast. */
export async function attemptById(attemptId: number): Promise<TimedAttempt> {
  const response = await requestFull<AttemptView>(`/quiz/attempts/${attemptId}`, { quiet: [ErrorCode.AttemptSubmitted] });
  return { attempt: response.data, clockOffsetMs: offsetFromDateHeader(response, Date.now()) };
}

/** Scores the attempt. Repeating it answers with the same result; unanswered questions are left out. */
export function submitAttempt(attemptId: number, answers: readonly SubmitAnswer[]): Promise<AttemptResultView> {
  return request<AttemptResultView>(`/quiz/attempts/${attemptId}/submit`, {
    method: 'POST',
    body: { answers: [...answers] } satisfies SubmitAttemptBody,
  });
}

export function attemptResult(attemptId: number): Promise<AttemptResultView> {
  return request<AttemptResultView>(`/quiz/attempts/${attemptId}/result`);
}

export type LeaderboardScope = 'person' | 'org';

export function personLeaderboard(campaignId: number, limit = 50): Promise<LeaderboardView<PersonRankView>> {
  return request<LeaderboardView<PersonRankView>>(`/quiz/campaigns/${campaignId}/leaderboard`, {
    query: { scope: 'person', limit },
  });
}

export function orgLeaderboard(campaignId: number, limit = 50): Promise<LeaderboardView<OrgRankView>> {
  return request<LeaderboardView<OrgRankView>>(`/quiz/campaigns/${campaignId}/leaderboard`, {
    query: { scope: 'org', limit },
  });
}

/** The worker's 错题本. */
export function myMistakes(): Promise<MistakeView[]> {
  return request<MistakeView[]>('/quiz/mistakes');
}

/** Answers a question from the 错题本 again; right takes it out. */
export function practiceMistake(questionId: number, choice: readonly OptionKey[]): Promise<PracticeResultView> {
  return request<PracticeResultView>(`/quiz/mistakes/${questionId}/practice`, {
    method: 'POST',
    body: { choice: [...choice] } satisfies PracticeBody,
  });
}

/** A certificate by its serial (public: anyone may verify one). */
export function certificateBySerial(serial: string): Promise<CertificateView> {
  return request<CertificateView>(`/quiz/certificates/${encodeURIComponent(serial)}`);
}

export const HISTORY_PAGE_SIZE = 20;

/** 我的答题: my submitted attempts in every campaign, newest first. */
export function myAttempts(page: number): Promise<Page<MyAttemptView>> {
  return request<Page<MyAttemptView>>('/quiz/attempts/mine', { query: { page, pageSize: HISTORY_PAGE_SIZE } });
}

/** The certificates I earned, latest first. */
export function myCertificates(): Promise<CertificateView[]> {
  return request<CertificateView[]>('/quiz/certificates/mine');
}

/** 往期活动: campaigns of my audience that are over, with their final figures and mine. */
export function pastCampaigns(page: number): Promise<Page<PastCampaignView>> {
  return request<Page<PastCampaignView>>('/quiz/campaigns/past', { query: { page, pageSize: HISTORY_PAGE_SIZE } });
}

/**
 * Server time minus device time from the `Date` header (whole seconds; the answer's time on the way
 * makes the server look a little behind, which the submit grace covers). WeChat always shows it; a
 * browser shows it cross-origin only when the API exposes it (`Access-Control-Expose-Headers: Date`).
 */
function offsetFromDateHeader({ header }: FullResponse<unknown>, receivedAt: number): number | null {
  const name = Object.keys(header).find((key) => key.toLowerCase() === 'date');
  return finiteOrNull(name ? Date.parse(header[name]) - receivedAt : null);
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
