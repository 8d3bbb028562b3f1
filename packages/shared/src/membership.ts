/** Union joining (入会) and gig-worker verification: SPEC.md "Identity". */
import type { OrgSummary } from './api';
import type { MembershipStatus, UserTag, WorkerCategory } from './enums';

export const ApplicationStatus = {
  Pending: 'pending',
  Approved: 'approved',
  Rejected: 'rejected',
} as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = Object.values(ApplicationStatus);

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

/** Platforms gig workers most often name; the form offers them, free text is accepted too. */
export const GIG_PLATFORM_SUGGESTIONS: readonly string[] = [
  '美团',
  '饿了么',
  '滴滴出行',
  '顺丰速运',
  '京东物流',
  '货拉拉',
  '满帮',
  '58到家',
];

export const PLATFORM_MAX_LENGTH = 30;
export const ORG_NOT_LISTED_MAX_LENGTH = 100;
export const REJECT_REASON_MAX_LENGTH = 200;

export interface SubmitApplicationBody {
  realName: string;
  /** Mainland mobile number, 11 digits. Stored encrypted; shown masked. */
  phone: string;
  /** The union the worker joins; leave out and fill `orgNotListed` when it is not in the list. */
  orgId?: number;
  /** "我的单位不在列表中": the employer or union as the worker names it. */
  orgNotListed?: string;
  category: WorkerCategory;
  /** Gig workers (every category but `regular`): the platform they drive or deliver for. Required for them. */
  platform?: string;
  /** Gig workers: an uploaded photo of their platform work ID or app profile. Required for them. */
  proofPhotoId?: string;
}

export interface ApplicationView {
  id: number;
  status: ApplicationStatus;
  realName: string;
  /** Masked: `138****1234`. */
  phone: string;
  org: OrgSummary | null;
  orgNotListed: string | null;
  category: WorkerCategory;
  platform: string | null;
  /** A short-lived URL of the proof photo, only for those allowed to see it. */
  proofPhotoUrl: string | null;
  rejectReason: string | null;
  memberNo: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

/** What staff see in the review list: the application plus who decided it. */
export interface ReviewApplicationView extends ApplicationView {
  applicantId: number;
  decidedBy: string | null;
}

export interface ApplicationQuery {
  status?: ApplicationStatus;
  page?: number;
  pageSize?: number;
}

export interface RejectApplicationBody {
  reason: string;
}

/**
 * `GET /api/membership/org-requests` (staff): workers asking to change to an org of the caller's subtree.
 * Reject with `RejectApplicationBody`.
 */
export interface OrgRequestView {
  userId: number;
  realName: string | null;
  /** Masked: `138****1234`. */
  phone: string | null;
  /** The verified org the worker is in now. */
  currentOrg: OrgSummary | null;
  requestedOrg: OrgSummary;
  requestedAt: string;
  membership: MembershipStatus;
  memberNo: string | null;
}

export interface MemberCardView {
  realName: string;
  org: OrgSummary | null;
  memberNo: string;
  category: WorkerCategory | null;
  gigVerified: boolean;
  /** ISO instant the application was approved. */
  joinedAt: string;
}

// ---- member directory (staff) ----
/** `GET /api/members`: workers of the staff member's subtree (admins: everyone). */
export interface MemberQuery {
  /** Part of the real name, or a full 11-digit mobile number (matched on its keyed hash, never decrypted). */
  q?: string;
  /** Only this org's subtree (must be inside the caller's). */
  orgId?: number;
  tag?: UserTag;
  category?: WorkerCategory;
  membership?: MembershipStatus;
  page?: number;
  pageSize?: number;
}

export interface MemberView {
  id: number;
  realName: string | null;
  /** Masked: 138****1234. */
  phone: string | null;
  org: OrgSummary | null;
  category: WorkerCategory | null;
  gigVerified: boolean;
  tags: UserTag[];
  membership: MembershipStatus;
  memberNo: string | null;
  memberSince: string | null;
}

/** `PUT /api/members/:id/tags`: the whole set of tags (劳模, 高温岗位, 困难职工…). */
export interface MemberTagsBody {
  tags: UserTag[];
}
