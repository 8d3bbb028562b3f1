/**
 * Help in hardship, continued (issue 24): the register of families (建档), 微心愿 and the wish wall, and the
 * annual figures. Applications are in `assistance.ts`.
 */
import type { OrgSummary } from './api';
import type { AssistanceKind } from './assistance';
import type { PhotoView } from './reading';

// ---- the register (建档) ----
/** active: on the register; closed: off it after a yearly review (or by staff). */
export type RegisterStatus = 'active' | 'closed';
/** A family is reviewed once a year; staff of the check level are reminded when it falls due. */
export const REGISTER_REVIEW_MONTHS = 12;

/** `POST /api/assistance/register`: staff put a worker of their subtree on the register (granting an application does it too). */
export interface CreateRegisterEntryRequest {
  userId: number;
  note?: string;
}

/** `POST /api/assistance/register/:id/review`: the yearly review. */
export interface RegisterReviewRequest {
  /** false takes the family off the register. */
  stillInHardship: boolean;
  note?: string;
}

export interface RegisterEntryView {
  id: number;
  userId: number;
  name: string;
  org: OrgSummary;
  status: RegisterStatus;
  registeredAt: string;
  /** The application whose grant put them on the register, if any. */
  applicationId: number | null;
  reviewDueAt: string;
  lastReviewedAt: string | null;
  reviewOverdue: boolean;
  /** Staff note, internal. */
  note: string | null;
}

export interface RegisterQuery {
  page?: number;
  pageSize?: number;
  status?: RegisterStatus;
  /** true: active entries whose review is due. */
  dueOnly?: boolean;
}

// ---- 微心愿 ----
export const WISH_AMOUNT_MAX_YUAN = 500;
export const WISH_TITLE_MIN = 2;
export const WISH_TITLE_MAX = 30;
export const WISH_STORY_MIN = 10;
export const WISH_STORY_MAX = 300;
export const WISH_HAND_OVER_PLACE_MAX = 200;
export const WISH_DONOR_NAME_MAX = 60;

/**
 * pending_review → open (published on the wall) | rejected; open → claimed (exactly one donor) →
 * handed_over (the donor says so) → fulfilled (staff confirm; 已圆梦).
 */
export const WishStatus = {
  PendingReview: 'pending_review',
  Rejected: 'rejected',
  Open: 'open',
  Claimed: 'claimed',
  HandedOver: 'handed_over',
  Fulfilled: 'fulfilled',
} as const;
export type WishStatus = (typeof WishStatus)[keyof typeof WishStatus];
export const WISH_STATUSES: readonly WishStatus[] = Object.values(WishStatus);
export const WISH_STATUS_LABELS: Readonly<Record<WishStatus, string>> = {
  pending_review: '待审核',
  rejected: '未通过',
  open: '待认领',
  claimed: '已认领',
  handed_over: '已送达待确认',
  fulfilled: '已圆梦',
};

/** What the wall shows: claimed and handed over both read 已认领. */
export type WallStatus = 'open' | 'claimed' | 'fulfilled';
export const WALL_STATUS_LABELS: Readonly<Record<WallStatus, string>> = {
  open: '待认领',
  claimed: '已认领',
  fulfilled: '已圆梦',
};
export function wallStatusOf(status: WishStatus): WallStatus | null {
  switch (status) {
    case 'open':
      return 'open';
    case 'claimed':
    case 'handed_over':
      return 'claimed';
    case 'fulfilled':
      return 'fulfilled';
    case 'pending_review':
    case 'rejected':
      return null;
  }
}

/** Where a donor hands the gift over: never the family's address. */
export type HandOverKind = 'union_office' | 'station';
export const HAND_OVER_KIND_LABELS: Readonly<Record<HandOverKind, string>> = {
  union_office: '工会办公室',
  station: '职工服务站',
};

/** `POST /api/assistance/wishes`: a worker on the register, or staff for one (`forUserId`). */
export interface CreateWishRequest {
  title: string;
  story: string;
  /** Whole yuan, 1–500. */
  amountYuan: number;
  forUserId?: number;
}

/**
 * `POST /api/assistance/wishes/:id/publish` (staff in scope): the wall shows `title` and `story` as given
 * here (staff rewrite them in safe words when needed), and donors are sent to `handOverPlace`.
 */
export interface PublishWishRequest {
  title?: string;
  story?: string;
  handOverKind: HandOverKind;
  /** e.g. 大市口街道工会办公室（解放路 1 号，工作日 9:00–17:00）. */
  handOverPlace: string;
}

export interface RejectWishRequest {
  reason: string;
}

/** `POST /api/assistance/wishes/:id/claim`: any signed-in worker claims for themselves (empty body). */
export type ClaimWishRequest = Record<string, never>;

/**
 * `POST /api/assistance/wishes/:id/enterprise-claim` (staff in scope): record an enterprise as the donor;
 * the staff member is then its contact and marks the hand-over.
 */
export interface EnterpriseClaimRequest {
  enterpriseName: string;
}

/** `POST …/:id/handed-over` (the donor, or the staff who recorded the enterprise donor). */
export type MarkHandedOverRequest = Record<string, never>;

/** `POST …/:id/confirm` (staff in scope): the photo is for the record, never public. */
export interface ConfirmWishRequest {
  /** An upload of purpose `assistance_photo` owned by the caller. */
  photoUploadId?: string;
}

/** `GET /api/assistance/wishes`: the wall. Identifies nobody: no name, phone, address or org below the street. */
export interface WishWallItem {
  id: number;
  title: string;
  story: string;
  amountYuan: number;
  status: WallStatus;
  /** 张* — the family's surname only. */
  maskedName: string;
  /** The street-level union (street, park, industry or new-employment union). */
  streetName: string;
  /** An enterprise donor's name, or 爱心职工 for a worker; null while open. */
  donorLabel: string | null;
  publishedAt: string;
}

export interface WishWallQuery {
  page?: number;
  pageSize?: number;
  status?: WallStatus;
  /** A street-level org id. */
  streetId?: number;
}

export interface HandOverView {
  kind: HandOverKind;
  place: string;
}

/**
 * `GET /api/assistance/wishes/mine` (and `…/mine/:id`): wishes the caller benefits from (owner) or claimed
 * (donor).
 */
export interface WishView {
  id: number;
  myRole: 'owner' | 'donor';
  title: string;
  story: string;
  amountYuan: number;
  status: WishStatus;
  rejectReason: string | null;
  streetName: string;
  donorLabel: string | null;
  /** Where to hand over (donor) or collect (owner), once claimed. Never the family's address. */
  handOver: HandOverView | null;
  claimedAt: string | null;
  handedOverAt: string | null;
  fulfilledAt: string | null;
  createdAt: string;
}

/** `GET /api/assistance/wishes/review` (staff in scope): the vetting queue and the wishes' progress. */
export interface StaffWishView extends Omit<WishView, 'myRole'> {
  /** What the family wrote; `title`/`story` are what the wall shows once published. */
  originalTitle: string;
  originalStory: string;
  beneficiary: { id: number; name: string; org: OrgSummary };
  authorName: string;
  donor: { kind: 'worker' | 'enterprise'; name: string; recordedByName: string | null } | null;
  /** Signed URL of the confirmation photo, for staff only. */
  confirmPhoto: PhotoView | null;
  /**
   * The caller may publish or reject it now: it awaits review and they neither benefit from it nor wrote it
   * (the same rule the publish and reject routes apply: 403 `OWN_RECORD`, 409 `ALREADY_DECIDED`).
   */
  mayVet: boolean;
  /**
   * The caller may mark it handed over now (登记已送达): it is claimed and they are its donor — for an
   * enterprise, the staff member who recorded it (the same rule `POST …/handed-over` applies: 403 otherwise).
   */
  mayMarkHandedOver: boolean;
  /**
   * The caller may confirm it now (确认圆梦): it is claimed or handed over and they neither benefit from it nor
   * donated it, the staff member who recorded an enterprise donor counting as its donor (the same rule
   * `POST …/confirm` applies: 403 `OWN_RECORD`, 409 `STATUS_LOCKED`).
   */
  mayConfirm: boolean;
  /**
   * The caller's own part in the wish that bars them from the staff step it awaits: vetting (`beneficiary`,
   * `author`) or confirming (`beneficiary`, `donor`); `beneficiary` when both, null when nothing bars them.
   */
  ownPart: WishOwnPart | null;
}

/**
 * A staff member's own part in a wish: the family it is for, the one who wrote it (for a family), or its
 * donor (a worker who claimed it, or the staff member who recorded an enterprise donor).
 */
export type WishOwnPart = 'beneficiary' | 'author' | 'donor';

export interface StaffWishQuery {
  page?: number;
  pageSize?: number;
  /** Default pending_review. */
  status?: WishStatus;
}

// ---- stats ----
export interface AssistanceStatsQuery {
  /** Calendar year (Shanghai); default this year. */
  year?: number;
  format?: 'json' | 'xlsx';
}

/** One street-level union's figures for the union's annual report: counts and sums, no personal data. */
export interface AssistanceStatsRow {
  org: OrgSummary;
  applications: number;
  /** Applications granted in the year, by kind. */
  granted: Record<AssistanceKind, number>;
  grantedAmount: number;
  registered: number;
  wishesPublished: number;
  wishesClaimed: number;
  wishesFulfilled: number;
}

export interface AssistanceStats {
  year: number;
  rows: AssistanceStatsRow[];
  totals: Omit<AssistanceStatsRow, 'org'>;
}
