import {
  ErrorCode,
  TICKET_CODE_PATTERN,
  VENUE_CODE_PATTERN,
  normalisePickupCode,
  type CreateSignupRequest,
  type EventCheckinRequest,
  type EventCheckinView,
  type EventQuery,
  type LotteryResultView,
  type Page,
  type SignupView,
  type WorkerEventView,
} from '@jingcai/shared';
import type { ScanResult } from './platform';
import { request } from './request';

// 活动报名 + 签到: events a worker may sign up for, their tickets, and check-in (staff by ticket, workers by venue code).

/** Open events this worker's verified facts make them eligible for; nearest first when a position is given. */
export function listEvents({ kind, thisWeek, lat, lng, page, pageSize }: EventQuery): Promise<Page<WorkerEventView>> {
  return request<Page<WorkerEventView>>('/events', {
    query: { kind, thisWeek: thisWeek ? 'true' : undefined, lat, lng, page, pageSize },
  });
}

export function eventById(id: number): Promise<WorkerEventView> {
  return request<WorkerEventView>(`/events/${id}`);
}

/** The published draw: seed before the window closes, entries and results once drawn. */
export function eventLottery(id: number): Promise<LotteryResultView> {
  return request<LotteryResultView>(`/events/${id}/lottery`, { quiet: true });
}

/** Refusals the sign-up page explains beside the form, in place of a toast. */
export const SIGNUP_REFUSALS: readonly ErrorCode[] = [
  ErrorCode.EventFull,
  ErrorCode.SignupClosed,
  ErrorCode.NotEligible,
  ErrorCode.PerPersonLimit,
  ErrorCode.AlreadySignedUp,
  ErrorCode.SignupReentryRefused,
];

/** A repeat (double tap, retry) answers with the same sign-up. */
export function signUp(eventId: number, body: CreateSignupRequest): Promise<SignupView> {
  return request<SignupView>(`/events/${eventId}/signups`, { method: 'POST', body, quiet: SIGNUP_REFUSALS });
}

/** The worker's tickets, newest first. */
export function mySignups(page: number, pageSize = 20): Promise<Page<SignupView>> {
  return request<Page<SignupView>>('/events/signups/mine', { query: { page, pageSize } });
}

/** One of the worker's tickets; 404 when it is not theirs. */
export function mySignup(id: number): Promise<SignupView> {
  return request<SignupView>(`/events/signups/${id}`);
}

/** Allowed until the event's cancellation deadline; a freed place goes to the next on the waitlist. */
export function cancelSignup(id: number): Promise<SignupView> {
  return request<SignupView>(`/events/signups/${id}`, { method: 'DELETE' });
}

/** Accepts a place offered from the waitlist, before its deadline. */
export function confirmOffer(id: number): Promise<SignupView> {
  return request<SignupView>(`/events/signups/${id}/confirm`, { method: 'POST' });
}

/** Refusals the check-in pages show beside the code. */
export const CHECKIN_REFUSALS: readonly ErrorCode[] = [
  ErrorCode.TicketInvalid,
  ErrorCode.TicketNotValid,
  ErrorCode.TicketCheckedIn,
  ErrorCode.CheckinClosed,
  ErrorCode.CheckinCodeStale,
  ErrorCode.NoTicketForSession,
  ErrorCode.OutOfScope,
  ErrorCode.OwnRecord,
  ErrorCode.NotFound,
];

/** Staff: checks in the ticket with this code, once. */
export function checkInTicket(code: string): Promise<EventCheckinView> {
  return request<EventCheckinView>('/events/checkins', {
    method: 'POST',
    body: { ticketCode: normaliseTicketCode(code) } satisfies EventCheckinRequest,
    quiet: CHECKIN_REFUSALS,
  });
}

/** A worker at the venue: the code on the screen, for the session of their ticket. */
export function checkInWithVenueCode(sessionId: number, venueCode: string): Promise<EventCheckinView> {
  return request<EventCheckinView>('/events/checkins', {
    method: 'POST',
    body: { sessionId, venueCode: venueCode.replace(/\s/g, '') } satisfies EventCheckinRequest,
    quiet: CHECKIN_REFUSALS,
  });
}

/** Case, spaces and dashes do not matter, as with pickup codes (the same alphabet). */
export function normaliseTicketCode(input: string): string {
  return normalisePickupCode(input);
}

export function isTicketCode(input: string): boolean {
  return TICKET_CODE_PATTERN.test(normaliseTicketCode(input));
}

export function isVenueCode(input: string): boolean {
  return VENUE_CODE_PATTERN.test(input.replace(/\s/g, ''));
}

/** What the scanner read as a ticket code (the ticket QR holds the code itself); null when it holds none. */
export function ticketCodeFromScan({ result }: ScanResult): string | null {
  const code = normaliseTicketCode(result);
  return TICKET_CODE_PATTERN.test(code) ? code : null;
}

/** The venue screen's QR holds the 6-digit code itself; null when the scan held anything else. */
export function venueCodeFromScan({ result }: ScanResult): string | null {
  const code = result.replace(/\s/g, '');
  return VENUE_CODE_PATTERN.test(code) ? code : null;
}
