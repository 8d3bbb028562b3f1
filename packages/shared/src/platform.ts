/** Platform services every feature uses: uploads, content safety, notifications. */

// ---- uploads ----
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
export const UPLOAD_IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

export const UploadPurpose = {
  MembershipProof: 'membership_proof',
  Avatar: 'avatar',
  ReadingPhoto: 'reading_photo',
  LegalPhoto: 'legal_photo',
  FeedbackPhoto: 'feedback_photo',
  AssistanceDocument: 'assistance_document',
  AssistancePhoto: 'assistance_photo',
} as const;
export type UploadPurpose = (typeof UploadPurpose)[keyof typeof UploadPurpose];
export const UPLOAD_PURPOSES: readonly UploadPurpose[] = Object.values(UploadPurpose);

/** `POST /api/uploads` (multipart: `file`, and a `purpose` field). */
export interface UploadView {
  id: string;
  /** A short-lived signed URL, usable as an <Image> src (which cannot carry a token). */
  url: string;
  contentType: string;
  size: number;
  width: number;
  height: number;
}

// ---- content safety ----
export const ModerationStatus = {
  Pending: 'pending',
  Approved: 'approved',
  Rejected: 'rejected',
} as const;
export type ModerationStatus = (typeof ModerationStatus)[keyof typeof ModerationStatus];
export const MODERATION_STATUSES: readonly ModerationStatus[] = Object.values(ModerationStatus);

/** Why an item waits for a person: WeChat said `review`, WeChat could not be asked, or an image check is under way. */
export type ModerationReason = 'review' | 'wechat_unavailable' | 'image_pending';

export interface ModerationItemView {
  id: number;
  subjectType: string;
  subjectId: string;
  kind: 'text' | 'image';
  /** The text, or a signed image URL. */
  content: string;
  reason: ModerationReason;
  status: ModerationStatus;
  authorId: number;
  createdAt: string;
  decidedAt: string | null;
}

export interface ModerationQuery {
  status?: ModerationStatus;
  page?: number;
  pageSize?: number;
}

// ---- notifications ----
export const NotificationKind = {
  ApplicationApproved: 'application_approved',
  ApplicationRejected: 'application_rejected',
  ContentRejected: 'content_rejected',
  ClaimReady: 'claim_ready',
  ClaimExpiring: 'claim_expiring',
  LegalAnswered: 'legal_answered',
  AidStatusChanged: 'aid_status_changed',
  FeedbackReplied: 'feedback_replied',
  AssistanceUpdated: 'assistance_updated',
  AssistanceReviewDue: 'assistance_review_due',
  WishUpdated: 'wish_updated',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

/**
 * Subscribe-message templates the mini-program asks the worker to allow, keyed as in the API's config
 * (`WECHAT_SUBSCRIBE_TEMPLATES`). Each is asked for on the tap that makes it relevant: 确认领取 → claim ready
 * and expiring, 提交咨询 → question answered, 提交申请 → application reviewed.
 */
export const SubscribeTemplate = {
  ApplicationReviewed: 'application_reviewed',
  ClaimReady: 'claim_ready',
  ClaimExpiring: 'claim_expiring',
  QuestionAnswered: 'question_answered',
} as const;
export type SubscribeTemplate = (typeof SubscribeTemplate)[keyof typeof SubscribeTemplate];

export interface NotificationView {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Mini-program page to open, without a leading slash, e.g. `packages/membership/pages/card/index`. */
  page: string | null;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage {
  items: NotificationView[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

export interface MarkReadBody {
  /** Leave out to mark every notification read. */
  ids?: number[];
}

/** `GET /api/config/client`: what a client needs to know before asking the worker for anything. */
export interface ClientConfigView {
  /** Template id per key, for `wx.requestSubscribeMessage`; empty when not configured. */
  subscribeTemplates: Partial<Record<SubscribeTemplate, string>>;
}
