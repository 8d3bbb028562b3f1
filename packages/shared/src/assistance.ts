/**
 * Help in hardship (困难职工帮扶 + 微心愿): SPEC.md §6, issue 24. Routes under `/api/assistance`.
 * Applications are the most sensitive data in the product: the applicant and reviewing staff in scope only.
 */
import type { OrgSummary } from './api';
import type { PhotoView } from './reading';

// ---- applications ----
export const AssistanceKind = {
  Living: 'living',
  Medical: 'medical',
  Education: 'education',
  Other: 'other',
} as const;
export type AssistanceKind = (typeof AssistanceKind)[keyof typeof AssistanceKind];
export const ASSISTANCE_KINDS: readonly AssistanceKind[] = Object.values(AssistanceKind);
export const ASSISTANCE_KIND_LABELS: Readonly<Record<AssistanceKind, string>> = {
  living: '生活困难',
  medical: '医疗救助',
  education: '子女助学',
  other: '其他',
};

/**
 * submitted (waiting for the check) → checked (waiting for the street) → approved (waiting for the district)
 * → granted. Any of the three reviewers may return it (returned, with a reason) to the worker, who edits
 * and resubmits it to the step that returned it; the worker may withdraw it before it is granted.
 */
export const AssistanceStatus = {
  Submitted: 'submitted',
  Checked: 'checked',
  Approved: 'approved',
  Granted: 'granted',
  Returned: 'returned',
  Withdrawn: 'withdrawn',
} as const;
export type AssistanceStatus = (typeof AssistanceStatus)[keyof typeof AssistanceStatus];
export const ASSISTANCE_STATUSES: readonly AssistanceStatus[] = Object.values(AssistanceStatus);
export const ASSISTANCE_STATUS_LABELS: Readonly<Record<AssistanceStatus, string>> = {
  submitted: '待审核',
  checked: '待街道审批',
  approved: '待区总工会发放',
  granted: '已发放',
  returned: '已退回待修改',
  withdrawn: '已撤回',
};

/**
 * The three review steps. check: the enterprise union (or its street, see docs/assistance.md) checks and
 * records a home visit; approve: the street (or park / industry / new-employment union under the district);
 * grant: the district federation.
 */
export const ReviewStep = { Check: 'check', Approve: 'approve', Grant: 'grant' } as const;
export type ReviewStep = (typeof ReviewStep)[keyof typeof ReviewStep];
export const REVIEW_STEPS: readonly ReviewStep[] = Object.values(ReviewStep);
export const REVIEW_STEP_LABELS: Readonly<Record<ReviewStep, string>> = {
  check: '所在工会审核与入户走访',
  approve: '街道工会审批',
  grant: '区总工会发放',
};

/** waiting: not reached yet; current: with the reviewer now; done; returned: this step sent it back. */
export type ReviewStepState = 'waiting' | 'current' | 'done' | 'returned';
export const REVIEW_STEP_STATE_LABELS: Readonly<Record<ReviewStepState, string>> = {
  waiting: '未开始',
  current: '办理中',
  done: '已完成',
  returned: '已退回',
};

/** Which step a status is waiting at (null: nothing to review). */
export function currentStepOf(status: AssistanceStatus): ReviewStep | null {
  switch (status) {
    case 'submitted':
      return 'check';
    case 'checked':
      return 'approve';
    case 'approved':
      return 'grant';
    case 'granted':
    case 'returned':
    case 'withdrawn':
      return null;
  }
}

/** The status an application has once `step` is done. */
export const STATUS_AFTER_STEP: Readonly<Record<ReviewStep, AssistanceStatus>> = {
  check: 'checked',
  approve: 'approved',
  grant: 'granted',
};

/** The status a returned application goes back to when resubmitted: the step that returned it. */
export const STATUS_AT_STEP: Readonly<Record<ReviewStep, AssistanceStatus>> = {
  check: 'submitted',
  approve: 'checked',
  grant: 'approved',
};

export const AssistanceGrantKind = {
  Cash: 'cash',
  Goods: 'goods',
  Tuition: 'tuition',
  Medical: 'medical',
  Service: 'service',
} as const;
export type AssistanceGrantKind = (typeof AssistanceGrantKind)[keyof typeof AssistanceGrantKind];
export const ASSISTANCE_GRANT_KINDS: readonly AssistanceGrantKind[] = Object.values(AssistanceGrantKind);
export const ASSISTANCE_GRANT_KIND_LABELS: Readonly<Record<AssistanceGrantKind, string>> = {
  cash: '生活救助金',
  goods: '实物救助',
  tuition: '助学金',
  medical: '医疗救助金',
  service: '服务帮扶',
};

export const ASSISTANCE_TEXT_MIN = 10;
export const ASSISTANCE_FAMILY_SITUATION_MAX = 1000;
export const ASSISTANCE_REASONS_MAX = 1000;
export const ASSISTANCE_MAX_DOCUMENTS = 9;
export const ASSISTANCE_HOUSEHOLD_MAX = 20;
/** Yuan per household member per month; far above any hardship line, a bound against typos. */
export const ASSISTANCE_INCOME_MAX = 100_000;
export const ASSISTANCE_NOTE_MAX = 1000;
export const ASSISTANCE_REASON_MIN = 5;
export const ASSISTANCE_REASON_MAX = 500;
export const ASSISTANCE_VISITORS_MAX = 100;
export const ASSISTANCE_VISIT_NOTES_MAX = 2000;
export const ASSISTANCE_MAX_VISIT_PHOTOS = 6;
/** Yuan, per grant. */
export const ASSISTANCE_GRANT_MAX = 100_000;

/** `POST /api/assistance/applications`. */
export interface CreateApplicationRequest {
  kind: AssistanceKind;
  familySituation: string;
  householdSize: number;
  /** Yuan per household member per month, up to two decimals. */
  monthlyIncomePerMember: number;
  reasons: string;
  /** Uploads of purpose `assistance_document` owned by the caller, at most 9. */
  documentUploadIds?: string[];
  /**
   * Staff applying for a worker of their subtree (`onBehalfOfUserId`) confirm the worker agreed: must be
   * true then; ignored (may be left out) when a worker applies for themselves.
   */
  consentRecorded?: boolean;
  onBehalfOfUserId?: number;
}

/** `PATCH /api/assistance/applications/:id`: the worker (or the staff who filed it) edits a returned one and resubmits. */
export type UpdateApplicationRequest = Partial<
  Pick<
    CreateApplicationRequest,
    'familySituation' | 'householdSize' | 'monthlyIncomePerMember' | 'reasons' | 'documentUploadIds'
  >
>;

/** `POST …/:id/check` and `…/:id/approve`: an internal note the worker never sees. */
export interface ReviewStepRequest {
  note?: string;
}

/** `POST …/:id/visit` (入户走访), at the check step; recorded again it replaces the earlier record. */
export interface HomeVisitRequest {
  /** Shanghai day, `YYYY-MM-DD`, not in the future. */
  date: string;
  /** Who visited, e.g. 李干事、王主席. */
  visitors: string;
  notes: string;
  /** Uploads of purpose `assistance_photo` owned by the caller, at most 6. */
  photoUploadIds?: string[];
}

/** `POST …/:id/grant` (district). */
export interface GrantRequest {
  /** Yuan, up to two decimals; 0 for help that is not money. */
  amount: number;
  kind: AssistanceGrantKind;
  /** Shanghai day of the grant, `YYYY-MM-DD`. */
  date: string;
}

/** `POST …/:id/return`: shown to the worker. */
export interface ReturnRequest {
  reason: string;
}

/** One step as the applicant sees it: its state, when, and the return reason; never the reviewer's notes. */
export interface ApplicationStepView {
  step: ReviewStep;
  state: ReviewStepState;
  /** When it was done or returned (the latest time), null while waiting. */
  at: string | null;
  /** Why it was returned, when this step returned it last. */
  returnReason: string | null;
}

export interface GrantView {
  amount: number;
  kind: AssistanceGrantKind;
  date: string;
}

/** `GET /api/assistance/applications/mine` and `…/mine/:id`: the applicant's own view. */
export interface AssistanceApplicationView {
  id: number;
  kind: AssistanceKind;
  status: AssistanceStatus;
  /** The step it waits at, null when granted, returned or withdrawn. */
  currentStep: ReviewStep | null;
  steps: ApplicationStepView[];
  familySituation: string;
  householdSize: number;
  monthlyIncomePerMember: number;
  reasons: string;
  documents: PhotoView[];
  /** The latest return reason while it is returned. */
  returnReason: string | null;
  /** The step a resubmission goes back to while returned. */
  returnedAt: ReviewStep | null;
  grant: GrantView | null;
  /** Staff filed it on the worker's behalf. */
  filedByStaff: boolean;
  createdAt: string;
  updatedAt: string;
}

export type ApplicationHistoryAction =
  'submitted' | 'visited' | 'checked' | 'approved' | 'granted' | 'returned' | 'resubmitted' | 'withdrawn';

/** A line of the review history, for staff: who did what, with the internal note or return reason. */
export interface ApplicationHistoryEntry {
  action: ApplicationHistoryAction;
  step: ReviewStep | null;
  byName: string;
  note: string | null;
  at: string;
}

export interface HomeVisitView {
  date: string;
  visitors: string;
  notes: string;
  photos: PhotoView[];
  recordedByName: string;
  recordedAt: string;
}

/** What the viewer may do now, so the console shows only those buttons. */
export type ApplicationAction = 'visit' | 'check' | 'approve' | 'grant' | 'return';

/** A row of `GET /api/assistance/applications` (staff): nothing sensitive, so listing is not a view. */
export interface StaffApplicationSummary {
  id: number;
  kind: AssistanceKind;
  status: AssistanceStatus;
  currentStep: ReviewStep | null;
  applicantName: string;
  org: OrgSummary;
  /** The viewer may act on the current step. */
  canAct: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/assistance/applications/:id` (staff in scope; every one is logged in the view log). */
export interface StaffApplicationView extends AssistanceApplicationView {
  applicant: { id: number; name: string; phone: string | null; org: OrgSummary };
  filedByName: string | null;
  consentRecordedAt: string | null;
  visit: HomeVisitView | null;
  history: ApplicationHistoryEntry[];
  actions: ApplicationAction[];
}

export interface StaffApplicationQuery {
  page?: number;
  pageSize?: number;
  status?: AssistanceStatus;
  kind?: AssistanceKind;
}

export type ViewLogAction = 'view' | 'export';

/** `GET /api/assistance/applications/:id/views` (admins): who opened the application, when. */
export interface ViewLogEntry {
  viewerId: number;
  viewerName: string;
  action: ViewLogAction;
  at: string;
}

/**
 * `GET /api/assistance/applications/export` (staff in scope): an .xlsx without the sensitive fields or the
 * applicant's name; admins may add them with `includeSensitive=true`, which logs an `export` for every
 * application included.
 */
export interface ApplicationExportQuery {
  status?: AssistanceStatus;
  kind?: AssistanceKind;
  includeSensitive?: boolean;
}
