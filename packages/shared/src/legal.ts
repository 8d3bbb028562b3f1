/** Legal help (法律维权): SPEC.md §4. Private by default: only the asker, the assignee and staff in scope. */
import type { OrgSummary } from './api';
import type { PhotoView } from './reading';

export const LegalCategory = {
  WageArrears: 'wage_arrears',
  LabourContract: 'labour_contract',
  SocialInsurance: 'social_insurance',
  WorkInjury: 'work_injury',
  Dismissal: 'dismissal',
  OvertimeLeave: 'overtime_leave',
  Other: 'other',
} as const;
export type LegalCategory = (typeof LegalCategory)[keyof typeof LegalCategory];
export const LEGAL_CATEGORIES: readonly LegalCategory[] = Object.values(LegalCategory);
export const LEGAL_CATEGORY_LABELS: Readonly<Record<LegalCategory, string>> = {
  wage_arrears: '欠薪讨薪',
  labour_contract: '劳动合同',
  social_insurance: '社会保险',
  work_injury: '工伤认定与赔偿',
  dismissal: '解除劳动关系与经济补偿',
  overtime_leave: '加班与休假',
  other: '其他',
};

/** new (waiting for an assignee) → assigned → answered → (a follow-up makes it assigned again) → closed. */
export const LegalQuestionStatus = {
  New: 'new',
  Assigned: 'assigned',
  Answered: 'answered',
  Closed: 'closed',
} as const;
export type LegalQuestionStatus = (typeof LegalQuestionStatus)[keyof typeof LegalQuestionStatus];
export const LEGAL_QUESTION_STATUSES: readonly LegalQuestionStatus[] = Object.values(LegalQuestionStatus);
export const LEGAL_QUESTION_STATUS_LABELS: Readonly<Record<LegalQuestionStatus, string>> = {
  new: '待分配',
  assigned: '待解答',
  answered: '已解答',
  closed: '已结束',
};

export const LEGAL_QUESTION_MAX_PHOTOS = 6;
/** Working days (Monday–Friday, Asia/Shanghai) an answer is due within, counted from the last worker message. */
export const ANSWER_DUE_WORKING_DAYS = 3;
export const UNION_HOTLINE = '12351';

// ---- questions ----
export interface AskBody {
  category: LegalCategory;
  title: string;
  body: string;
  /** Upload ids (purpose `legal_photo`), at most 6. */
  photoIds?: string[];
  /** The asker allows an anonymised version to be published in the case library once closed. */
  publicAllowed: boolean;
}

export interface LegalMessageBody {
  body: string;
  photoIds?: string[];
}

export interface CloseQuestionBody {
  rating: number;
  comment?: string;
}

export interface AssignBody {
  userId: number;
}

export type LegalMessageAuthorRole = 'asker' | 'lawyer' | 'staff';

export interface LegalMessageView {
  id: number;
  authorRole: LegalMessageAuthorRole;
  /** The asker sees "我"; answers show the answerer's name and role, e.g. 王律师. */
  authorName: string;
  body: string;
  photos: PhotoView[];
  createdAt: string;
}

export interface PersonRef {
  id: number;
  name: string;
}

/** One question as the asker, the assignee or staff see it, with the whole thread. */
export interface LegalQuestionView {
  id: number;
  category: LegalCategory;
  title: string;
  status: LegalQuestionStatus;
  publicAllowed: boolean;
  asker: {
    id: number;
    name: string;
    org: OrgSummary | null;
    /** Masked, and only for the asker and staff: lawyers never see it. */
    phone: string | null;
  };
  assignee: PersonRef | null;
  /** When an answer is due (set while the asker is waiting), and whether that has passed. */
  dueAt: string | null;
  overdue: boolean;
  rating: number | null;
  ratingComment: string | null;
  messages: LegalMessageView[];
  createdAt: string;
  updatedAt: string;
}

/** A row of "my questions" or of the workbench inbox. */
export interface LegalQuestionSummaryView {
  id: number;
  category: LegalCategory;
  title: string;
  status: LegalQuestionStatus;
  askerName: string;
  assignee: PersonRef | null;
  dueAt: string | null;
  overdue: boolean;
  /** For the asker: answers posted since they last opened the question. */
  unreadAnswers: number;
  lastMessageAt: string;
  createdAt: string;
}

export interface LegalInboxQuery {
  status?: LegalQuestionStatus;
  category?: LegalCategory;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

/** Who a question may be assigned to: lawyers and staff whose scope holds the asker's org. */
export interface AssigneeView extends PersonRef {
  role: 'lawyer' | 'staff';
}

// ---- case library ----
export const LegalCaseStatus = { Draft: 'draft', Published: 'published' } as const;
export type LegalCaseStatus = (typeof LegalCaseStatus)[keyof typeof LegalCaseStatus];

export interface LegalCaseBody {
  title: string;
  category: LegalCategory;
  facts: string;
  outcome: string;
  /** The law that applied, e.g. 《劳动合同法》第八十五条. */
  law: string;
}

export interface LegalCaseView extends LegalCaseBody {
  id: number;
  status: LegalCaseStatus;
  /** The closed question it was drawn from, if any (staff only; null for workers). */
  sourceQuestionId: number | null;
  publishedAt: string | null;
  createdAt: string;
}

export interface LegalCaseQuery {
  category?: LegalCategory;
  /** Chinese substring over title, facts, outcome and law. */
  q?: string;
  page?: number;
  pageSize?: number;
}

// ---- legal aid and mediation ----
export const AidKind = { Aid: 'aid', Mediation: 'mediation' } as const;
export type AidKind = (typeof AidKind)[keyof typeof AidKind];
export const AID_KIND_LABELS: Readonly<Record<AidKind, string>> = { aid: '法律援助', mediation: '劳动争议调解' };

/** received → accepted | declined; accepted → in_progress → concluded. */
export const AidStatus = {
  Received: 'received',
  Accepted: 'accepted',
  Declined: 'declined',
  InProgress: 'in_progress',
  Concluded: 'concluded',
} as const;
export type AidStatus = (typeof AidStatus)[keyof typeof AidStatus];
export const AID_STATUSES: readonly AidStatus[] = Object.values(AidStatus);
export const AID_STATUS_LABELS: Readonly<Record<AidStatus, string>> = {
  received: '已受理登记',
  accepted: '已受理',
  declined: '不予受理',
  in_progress: '办理中',
  concluded: '已办结',
};
/** Which status may follow which. */
export const AID_TRANSITIONS: Readonly<Record<AidStatus, readonly AidStatus[]>> = {
  received: ['accepted', 'declined'],
  accepted: ['in_progress'],
  in_progress: ['concluded'],
  declined: [],
  concluded: [],
};

export interface AidApplicationBody {
  kind: AidKind;
  facts: string;
  employer: string;
  /** Yuan, up to two decimals; 0 when nothing is claimed. */
  amountInDispute: number;
  photoIds?: string[];
}

export interface AidStatusBody {
  status: AidStatus;
  /** Required when declining; shown to the worker. */
  note?: string;
}

export interface AidStepView {
  status: AidStatus;
  note: string | null;
  at: string;
}

export interface AidApplicationView extends Omit<AidApplicationBody, 'photoIds'> {
  id: number;
  status: AidStatus;
  applicant: { id: number; name: string; org: OrgSummary | null; phone: string | null };
  photos: PhotoView[];
  steps: AidStepView[];
  createdAt: string;
}

/**
 * The instant `workingDays` working days (Monday–Friday, Asia/Shanghai) after `from`: a question asked on
 * Friday 15:00 is due the next Wednesday 15:00; one asked on Saturday counts from Monday 00:00.
 */
export function addWorkingDays(from: Date, workingDays: number): Date {
  const SHANGHAI_MS = 8 * 3600_000;
  const DAY_MS = 86400_000;
  let local = from.getTime() + SHANGHAI_MS;
  const weekday = (t: number) => new Date(t).getUTCDay();
  // Asked at the weekend: the clock starts on Monday morning.
  while (weekday(local) === 0 || weekday(local) === 6) local = Math.floor(local / DAY_MS + 1) * DAY_MS;
  let left = workingDays;
  while (left > 0) {
    local += DAY_MS;
    if (weekday(local) !== 0 && weekday(local) !== 6) left--;
  }
  return new Date(local - SHANGHAI_MS);
}
