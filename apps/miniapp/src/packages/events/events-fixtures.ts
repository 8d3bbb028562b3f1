// Data for the 活动报名 specs (imported by specs only, so no page bundle carries it).
import type { FormField, Page, SessionView, SignupView, WorkerEventView } from '@jingcai/shared';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Instants around the test's own clock, so an open sign-up window stays open whenever the specs run. */
const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

export function page<T>(items: T[], total = items.length, pageNo = 1): Page<T> {
  return { items, total, page: pageNo, pageSize: 20 };
}

export function sessionView(overrides: Partial<SessionView> = {}): SessionView {
  return { id: 301, label: '8:00–8:30', startsAt: at(10), endsAt: at(10.02), capacity: 10, remaining: 4, signups: 6, ...overrides };
}

export const SHIRT: FormField = { key: 'shirt_size', label: '衣服尺码', type: 'choice', required: true, options: ['M', 'L', 'XL'] };
export const NOTE: FormField = { key: 'note', label: '备注', type: 'text', required: false };
export const YEARS: FormField = { key: 'years', label: '工龄', type: 'number', required: true, min: 0, max: 50 };
export const BIRTHDAY: FormField = { key: 'birthday', label: '出生日期', type: 'date', required: false };

export function eventView(overrides: Partial<WorkerEventView> = {}): WorkerEventView {
  return {
    id: 21,
    title: '职工免费体检',
    kind: 'health_check',
    description: '区总工会为职工提供免费体检，请按预约时段到场。',
    cover: null,
    venue: '区人民医院体检中心',
    latitude: 32.2,
    longitude: 119.45,
    ownerOrg: { id: 1, name: '京口区总工会', kind: 'district' },
    eligibility: { categories: [], gigVerifiedRequired: false, tags: [], membersOnly: false, orgId: null },
    allocation: 'first_come',
    signupStartsAt: at(-1),
    signupEndsAt: at(7),
    cancelDeadline: at(9),
    perPersonLimit: 1,
    noShowRule: false,
    offerHours: 24,
    requiresChild: false,
    form: [],
    sessions: [sessionView(), sessionView({ id: 302, label: '8:30–9:00', remaining: 0, signups: 10 })],
    startsAt: at(10),
    endsAt: at(10.05),
    lotterySeed: null,
    lotteryDrawnAt: null,
    createdAt: at(-3),
    eligible: true,
    ineligibleReason: null,
    distanceMeters: null,
    signupsUsed: 0,
    mySignupIds: [],
    ...overrides,
  };
}

export function signupView(overrides: Partial<SignupView> = {}): SignupView {
  const session = sessionView();
  return {
    id: 501,
    publicNo: 'K7M2Q9TX',
    event: { id: 21, title: '职工免费体检', kind: 'health_check', venue: '区人民医院体检中心', latitude: 32.2, longitude: 119.45, allocation: 'first_come' },
    session: { id: session.id, label: session.label, startsAt: session.startsAt, endsAt: session.endsAt },
    status: 'confirmed',
    ticketCode: 'H3KD8PQR2W',
    waitlistPosition: null,
    offerExpiresAt: null,
    cancellable: true,
    cancelDeadline: at(9),
    answers: [],
    child: null,
    createdAt: at(-1),
    checkedInAt: null,
    ...overrides,
  };
}
