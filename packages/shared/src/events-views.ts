/** The views of events (issue 23): what the API answers; requests and enums are in events.ts. */
import type { OrgSummary } from './api';
import type { Eligibility } from './care';
import type { Allocation, EventKind, FormField, SignupStatus } from './events';

export interface SessionView {
  id: number;
  label: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** Places not yet given (confirmed, offered or checked in count as given). Lottery before the draw: capacity. */
  remaining: number;
  /** Sign-ups that hold or wait for a place (entered, confirmed, offered, checked in, waitlisted). */
  signups: number;
}

export interface EventView {
  id: number;
  title: string;
  kind: EventKind;
  description: string;
  cover: { id: string; url: string } | null;
  venue: string;
  latitude: number;
  longitude: number;
  ownerOrg: OrgSummary;
  eligibility: Eligibility;
  allocation: Allocation;
  signupStartsAt: string;
  signupEndsAt: string;
  cancelDeadline: string;
  perPersonLimit: number;
  noShowRule: boolean;
  offerHours: number;
  /** True for childcare events: the sign-up needs `child`. */
  requiresChild: boolean;
  form: FormField[];
  sessions: SessionView[];
  /** First session's start and last session's end. */
  startsAt: string;
  endsAt: string;
  /** Lottery events: the published seed (64 hex), fixed at creation; null for first come. */
  lotterySeed: string | null;
  lotteryDrawnAt: string | null;
  createdAt: string;
}

export interface WorkerEventView extends EventView {
  eligible: boolean;
  /** Chinese, e.g. "仅限工会会员报名"; null when eligible. */
  ineligibleReason: string | null;
  /** Metres from the point asked about (near me), else null. */
  distanceMeters: number | null;
  /** My sign-ups that count toward the per-person limit (not cancelled, expired or lost). */
  signupsUsed: number;
  mySignupIds: number[];
}

/** Minors' data as any response shows it: 张*, age, 李*. */
export interface ChildView {
  name: string;
  age: number;
  guardian: string;
}

export interface AnswerView {
  key: string;
  label: string;
  value: string;
}

/** A worker's ticket. */
export interface SignupView {
  id: number;
  /** Public sign-up number, as the published draw lists it. */
  publicNo: string;
  event: Pick<EventView, 'id' | 'title' | 'kind' | 'venue' | 'latitude' | 'longitude' | 'allocation'>;
  session: Pick<SessionView, 'id' | 'label' | 'startsAt' | 'endsAt'>;
  status: SignupStatus;
  /** For the ticket QR; only while the place is held (confirmed) or used (checked in). */
  ticketCode: string | null;
  /** 1-based place in the session's waitlist while waitlisted; null otherwise. */
  waitlistPosition: number | null;
  /** While offered: confirm before this instant. */
  offerExpiresAt: string | null;
  /** Whether DELETE is still allowed (active and before the cancellation deadline). */
  cancellable: boolean;
  cancelDeadline: string;
  answers: AnswerView[];
  /** Masked; null for non-childcare events and after the data were erased. */
  child: ChildView | null;
  createdAt: string;
  checkedInAt: string | null;
}

/** A sign-up as staff see it. */
export interface StaffSignupView {
  id: number;
  publicNo: string;
  sessionId: number;
  sessionLabel: string;
  status: SignupStatus;
  /** Masked: 孙*; 已注销用户 once the account is deleted. */
  workerName: string;
  /** Masked: 137****5678. */
  workerPhone: string | null;
  answers: AnswerView[];
  child: ChildView | null;
  waitlistPosition: number | null;
  createdAt: string;
  checkedInAt: string | null;
}

export interface EventCheckinView {
  signupId: number;
  publicNo: string;
  event: Pick<EventView, 'id' | 'title'>;
  session: Pick<SessionView, 'id' | 'label' | 'startsAt' | 'endsAt'>;
  /** Masked name of the worker checked in. */
  workerName: string;
  /** Children's events: the masked child, so staff hand over the right one. */
  child: ChildView | null;
  method: 'ticket' | 'venue_code';
  checkedInAt: string;
}

export interface VenueCodeView {
  sessionId: number;
  code: string;
  /** When this code stops being current (it is still accepted for one more window). */
  expiresAt: string;
  windowSeconds: number;
}

export interface AttendanceSessionView {
  sessionId: number;
  label: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** Places held (confirmed + checked in). */
  booked: number;
  checkedIn: number;
  /** Booked but not checked in, once the session ended; null before. */
  noShows: number | null;
}

export interface AttendanceView {
  eventId: number;
  sessions: AttendanceSessionView[];
  checkedIn: number;
  booked: number;
  at: string;
}

// ---- the lottery ----

/** One line of the published sign-up list the draw runs on. */
export interface LotteryEntry {
  publicNo: string;
  sessionId: number;
  /** The event's no-show rule applied: this worker had ≥ NO_SHOW_THRESHOLD no-shows when the draw ran. */
  deprioritised: boolean;
}

export interface LotterySessionResult {
  sessionId: number;
  capacity: number;
  /** Public numbers, in draw order. */
  winners: string[];
  /** Public numbers, in the order places freed later are offered. */
  waitlist: string[];
}

export interface LotteryResultView {
  eventId: number;
  seed: string;
  /** Null until the draw ran; entries and sessions are then empty. */
  drawnAt: string | null;
  entries: LotteryEntry[];
  sessions: LotterySessionResult[];
}
