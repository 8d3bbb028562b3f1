/**
 * Events and sign-up (活动报名 + 签到): SPEC.md §5, issue 23.
 *
 * Routes (all under /api/events; W = worker, S = staff in the event owner org's scope, A = admin):
 *   GET    /api/events                         W  events my verified facts make me eligible for (EventQuery) → Page<WorkerEventView>
 *   POST   /api/events                         S  create (CreateEventRequest) → EventView; the lottery seed is fixed here
 *   GET    /api/events/manage                  S  events in my scope (ManageEventQuery) → Page<EventView>
 *   GET    /api/events/signups/mine            W  my tickets (SignupMineQuery) → Page<SignupView>
 *   DELETE /api/events/signups/:id             W  cancel my sign-up before the event's cancellation deadline → SignupView
 *   POST   /api/events/signups/:id/confirm     W  accept a waitlist offer before its deadline → SignupView
 *   POST   /api/events/checkins                S  scan a ticket ({ ticketCode }) / W  submit a venue code
 *                                                 ({ sessionId, venueCode }) → EventCheckinView
 *   GET    /api/events/:id                     W/S one event → WorkerEventView (workers) or EventView (staff in scope)
 *   PATCH  /api/events/:id                     S  edit (UpdateEventRequest) → EventView
 *   POST   /api/events/:id/signups             W  sign up (CreateSignupRequest) → SignupView (201 new, 200 the same again)
 *   GET    /api/events/:id/signups             S  sign-ups, filtered and paged (SignupQuery) → Page<StaffSignupView>
 *   GET    /api/events/:id/signups/export      S  .xlsx (SignupExportQuery); `includeSensitive` (admin only) is logged
 *   GET    /api/events/:id/venue-code          S  ?sessionId= → VenueCodeView, the code to show on the venue screen
 *   POST   /api/events/:id/lottery             S  run the draw after the sign-up window closed → LotteryResultView (runs once)
 *   GET    /api/events/:id/lottery             W/S the published draw: seed, entries, winners, waitlist → LotteryResultView
 *   GET    /api/events/:id/attendance          S  live check-in count per session → AttendanceView
 * The cover photo is an upload with purpose `event_cover` (POST /api/uploads).
 */
import type { OrgSummary } from './api';
import type { Eligibility } from './care';

export const EventKind = {
  Sports: 'sports',
  Culture: 'culture',
  Lecture: 'lecture',
  Childcare: 'childcare',
  Recuperation: 'recuperation',
  HealthCheck: 'health_check',
  JobFair: 'job_fair',
  Other: 'other',
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];
export const EVENT_KINDS: readonly EventKind[] = Object.values(EventKind);
export const EVENT_KIND_LABELS: Readonly<Record<EventKind, string>> = {
  sports: '体育赛事',
  culture: '文化活动',
  lecture: '讲座培训',
  childcare: '暑托班',
  recuperation: '疗休养',
  health_check: '体检',
  job_fair: '招聘会',
  other: '其他',
};

export const Allocation = { FirstCome: 'first_come', Lottery: 'lottery' } as const;
export type Allocation = (typeof Allocation)[keyof typeof Allocation];
export const ALLOCATIONS: readonly Allocation[] = Object.values(Allocation);
export const ALLOCATION_LABELS: Readonly<Record<Allocation, string>> = {
  first_come: '先到先得',
  lottery: '公开抽签',
};

/**
 * A sign-up's life. First come: confirmed at once (or refused EVENT_FULL). Lottery: entered until the draw, then
 * confirmed (won) or waitlisted; a place freed later makes the next waitlisted `offered` until they confirm or
 * the offer lapses (`expired`). `lost`: still waitlisted when the event began.
 */
export const SignupStatus = {
  Entered: 'entered',
  Confirmed: 'confirmed',
  Waitlisted: 'waitlisted',
  Offered: 'offered',
  CheckedIn: 'checked_in',
  Cancelled: 'cancelled',
  Expired: 'expired',
  Lost: 'lost',
} as const;
export type SignupStatus = (typeof SignupStatus)[keyof typeof SignupStatus];
export const SIGNUP_STATUSES: readonly SignupStatus[] = Object.values(SignupStatus);
export const SIGNUP_STATUS_LABELS: Readonly<Record<SignupStatus, string>> = {
  entered: '待抽签',
  confirmed: '报名成功',
  waitlisted: '候补中',
  offered: '候补递补，待确认',
  checked_in: '已签到',
  cancelled: '已取消',
  expired: '递补已过期',
  lost: '未中签',
};

export const FormFieldType = { Text: 'text', Choice: 'choice', Number: 'number', Date: 'date' } as const;
export type FormFieldType = (typeof FormFieldType)[keyof typeof FormFieldType];
export const FORM_FIELD_TYPES: readonly FormFieldType[] = Object.values(FormFieldType);

/** Limits the API enforces and the forms show. */
export const EVENT_LIMITS = {
  titleMax: 60,
  descriptionMax: 2000,
  venueMax: 100,
  sessionsMax: 50,
  sessionLabelMax: 40,
  capacityMax: 100_000,
  perPersonMax: 10,
  formFieldsMax: 20,
  fieldLabelMax: 40,
  choiceOptionsMax: 20,
  choiceOptionMax: 40,
  textAnswerMax: 200,
  childNameMax: 20,
  guardianMax: 20,
  childAgeMin: 1,
  childAgeMax: 17,
  offerHoursMin: 1,
  offerHoursMax: 168,
} as const;

/** Venue codes rotate every 30 s; the current window and the one before are accepted (time to scan). */
export const VENUE_CODE_WINDOW_SECONDS = 30;
/** Check-in (ticket or venue code) opens this long before a session starts and closes when it ends. */
export const CHECKIN_OPENS_BEFORE_MINUTES = 30;
/** Children's data are erased this many days after the event's last session ended. */
export const CHILD_DATA_RETENTION_DAYS = 30;
/** Workers with this many no-shows go after everyone else in lotteries that opt into the no-show rule. */
export const NO_SHOW_THRESHOLD = 2;
/** Ticket codes: the care pickup alphabet (no look-alikes), 10 characters. */
export const TICKET_CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/;
/** Public sign-up numbers: what the published draw lists instead of names. */
export const PUBLIC_NO_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;
/** Venue codes: 6 digits, typed or scanned. */
export const VENUE_CODE_PATTERN = /^\d{6}$/;

export interface FormField {
  /** Stable key answers refer to: lower-case letters, digits and `_`, e.g. `shirt_size`. */
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  /** Choice fields: the options, one of which is the answer. */
  options?: string[];
  /** Number fields: inclusive bounds. */
  min?: number;
  max?: number;
}
export const FORM_FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,29}$/;

export interface SessionInput {
  /** e.g. "8:00–8:30" or "第一期"; shown with the time. */
  label: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

/** `POST /api/events`. */
export interface CreateEventRequest {
  title: string;
  kind: EventKind;
  description: string;
  /** Upload id (purpose `event_cover`), or null for none. */
  coverId: string | null;
  venue: string;
  latitude: number;
  longitude: number;
  /** The org whose staff manage this event. */
  ownerOrgId: number;
  eligibility: Eligibility;
  allocation: Allocation;
  signupStartsAt: string;
  signupEndsAt: string;
  /** Workers may cancel until this instant; after it a place is kept (and a no-show counted). */
  cancelDeadline: string;
  perPersonLimit: number;
  /** Lottery: workers with ≥ NO_SHOW_THRESHOLD no-shows are drawn after the others. */
  noShowRule: boolean;
  /** Hours a waitlisted worker has to confirm an offered place. */
  offerHours: number;
  form: FormField[];
  sessions: SessionInput[];
}

/**
 * `PATCH /api/events/:id`. Description, cover and venue can always change; everything that decides who gets a
 * place (window, limit, audience, form) only until the sign-up window opens (EVENT_LOCKED). The allocation and
 * the lottery seed never change.
 */
export type UpdateEventRequest = Partial<
  Pick<
    CreateEventRequest,
    | 'title'
    | 'description'
    | 'coverId'
    | 'venue'
    | 'latitude'
    | 'longitude'
    | 'eligibility'
    | 'signupStartsAt'
    | 'signupEndsAt'
    | 'cancelDeadline'
    | 'perPersonLimit'
    | 'noShowRule'
    | 'offerHours'
    | 'form'
  >
>;

export interface SignupAnswer {
  key: string;
  /** Every type as text: numbers as digits, dates as YYYY-MM-DD, choices as one of the options. */
  value: string;
}

export interface ChildInfo {
  name: string;
  age: number;
  guardian: string;
}

/** `POST /api/events/:id/signups`. `child` is required for childcare events and refused for others. */
export interface CreateSignupRequest {
  sessionId: number;
  answers: SignupAnswer[];
  child?: ChildInfo;
}

/** `POST /api/events/checkins`: exactly one of the two forms. */
export interface EventCheckinRequest {
  /** Staff scanning a worker's ticket QR (or typing its code). */
  ticketCode?: string;
  /** A worker at the venue: the session and the code on the screen. */
  sessionId?: number;
  venueCode?: string;
}

export interface EventQuery {
  kind?: EventKind;
  /** Only events with a session in this Shanghai week (Monday–Sunday). */
  thisWeek?: boolean;
  /** Near me: nearest first, with distanceMeters. */
  lat?: number;
  lng?: number;
  page?: number;
  pageSize?: number;
}

export interface ManageEventQuery {
  kind?: EventKind;
  page?: number;
  pageSize?: number;
}

export interface SignupMineQuery {
  page?: number;
  pageSize?: number;
}

export interface SignupQuery {
  sessionId?: number;
  status?: SignupStatus;
  /** A public sign-up number or ticket code. */
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface SignupExportQuery {
  sessionId?: number;
  status?: SignupStatus;
  /** Admins only: full child data and phone in the file; every such export is logged. */
  includeSensitive?: boolean;
}

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

/** HMAC-SHA256 of `message` under `key`, as lower-case hex. Node: createHmac('sha256', key).update(message). */
export type HmacSha256Hex = (key: string, message: string) => string;

/**
 * The draw, a pure function anyone can re-run (scripts/events-draw.mjs): each entry's key is
 * HMAC-SHA256(seed, publicNo); entries are ordered by (deprioritised last, key, publicNo); per session the first
 * `capacity` win and the rest wait in that order. The seed is fixed before anyone signs up and public numbers
 * are random, so nobody can choose a winning number.
 */
export function drawLottery(
  seed: string,
  sessions: { sessionId: number; capacity: number }[],
  entries: LotteryEntry[],
  hmac: HmacSha256Hex,
): LotterySessionResult[] {
  const keyed = entries.map((entry) => ({ entry, key: hmac(seed, entry.publicNo) }));
  keyed.sort(
    (a, b) =>
      Number(a.entry.deprioritised) - Number(b.entry.deprioritised) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      (a.entry.publicNo < b.entry.publicNo ? -1 : a.entry.publicNo > b.entry.publicNo ? 1 : 0),
  );
  return sessions.map(({ sessionId, capacity }) => {
    const ordered = keyed.filter((k) => k.entry.sessionId === sessionId).map((k) => k.entry.publicNo);
    return { sessionId, capacity, winners: ordered.slice(0, capacity), waitlist: ordered.slice(capacity) };
  });
}

/**
 * Checks a sign-up's answers against the event's form; returns the problems as field errors (`answers.<key>`),
 * empty when they fit. Shared so the mini-program shows the same messages before sending.
 */
export function formAnswerProblems(
  form: FormField[],
  answers: SignupAnswer[],
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const byKey = new Map<string, string>();
  for (const answer of answers) {
    if (byKey.has(answer.key)) problems.push({ field: `answers.${answer.key}`, message: '重复填写' });
    byKey.set(answer.key, answer.value);
  }
  const known = new Set(form.map((f) => f.key));
  for (const key of byKey.keys()) {
    if (!known.has(key)) problems.push({ field: `answers.${key}`, message: '报名表中没有这一项' });
  }
  for (const field of form) {
    const value = byKey.get(field.key)?.trim() ?? '';
    const problem = value ? answerProblem(field, value) : field.required ? '请填写此项' : null;
    if (problem) problems.push({ field: `answers.${field.key}`, message: `${field.label}：${problem}` });
  }
  return problems;
}

function answerProblem(field: FormField, value: string): string | null {
  switch (field.type) {
    case 'text':
      return value.length > EVENT_LIMITS.textAnswerMax ? `不能超过 ${EVENT_LIMITS.textAnswerMax} 个字` : null;
    case 'choice':
      return field.options?.includes(value) ? null : '请从选项中选择';
    case 'number': {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return '请填写数字';
      const n = Number(value);
      if (field.min !== undefined && n < field.min) return `不能小于 ${field.min}`;
      if (field.max !== undefined && n > field.max) return `不能大于 ${field.max}`;
      return null;
    }
    case 'date': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return '请填写日期（年-月-日）';
      const date = new Date(`${value}T00:00:00Z`);
      return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? '日期无效' : null;
    }
  }
}

/** The rotating venue code's window number at an instant. */
export function venueCodeWindow(atMs: number): number {
  return Math.floor(atMs / (VENUE_CODE_WINDOW_SECONDS * 1000));
}
