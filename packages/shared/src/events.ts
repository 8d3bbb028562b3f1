/**
 * Events and sign-up (活动报名 + 签到): SPEC.md §5, issue 23.
 *
 * Routes (all under /api/events; W = worker, S = staff in the event owner org's scope, A = admin):
 *   GET    /api/events                         W  events my verified facts make me eligible for (EventQuery) → Page<WorkerEventView>
 *   POST   /api/events                         S  create (CreateEventRequest) → EventView; the lottery seed is fixed here
 *   GET    /api/events/manage                  S  events in my scope (ManageEventQuery) → Page<EventView>
 *   GET    /api/events/signups/mine            W  my tickets (SignupMineQuery) → Page<SignupView>
 *   GET    /api/events/signups/:id             W  one of my tickets → SignupView
 *   DELETE /api/events/signups/:id             W  cancel my sign-up before the event's cancellation deadline → SignupView
 *   POST   /api/events/signups/:id/confirm     W  accept a waitlist offer before its deadline → SignupView
 *   POST   /api/events/checkins                S  scan a ticket ({ ticketCode }) / W  submit a venue code
 *                                                 ({ sessionId, venueCode }) → EventCheckinView
 *   GET    /api/events/:id                     W/S one event, with the caller's eligibility → WorkerEventView
 *   PATCH  /api/events/:id                     S  edit (UpdateEventRequest) → EventView
 *   POST   /api/events/:id/signups             W  sign up (CreateSignupRequest) → SignupView (201 new, 200 the same again)
 *   GET    /api/events/:id/signups             S  sign-ups, filtered and paged (SignupQuery) → Page<StaffSignupView>
 *   GET    /api/events/:id/signups/export      S  .xlsx (SignupExportQuery); `includeSensitive` (admin only) is logged
 *   GET    /api/events/:id/venue-code          S  ?sessionId= → VenueCodeView, the code to show on the venue screen
 *   POST   /api/events/:id/lottery             S  run the draw after the sign-up window closed → LotteryResultView (runs once)
 *   GET    /api/events/:id/lottery             W/S the published draw: seed, entries, winners, waitlist → LotteryResultView
 *   GET    /api/events/:id/attendance          S  live check-in count per session → AttendanceView
 * The cover photo is an upload with purpose `event_cover` (POST /api/uploads).
 * Views are in events-views.ts, the shared rules (the draw, form answers, venue-code windows) in events-rules.ts.
 */
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
