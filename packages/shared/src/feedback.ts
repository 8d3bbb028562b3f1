import type { Page } from './api';

export const FeedbackCategory = {
  Complaint: 'complaint',
  Suggestion: 'suggestion',
  Other: 'other',
} as const;
export type FeedbackCategory = (typeof FeedbackCategory)[keyof typeof FeedbackCategory];
export const FEEDBACK_CATEGORIES = Object.values(FeedbackCategory);

export const FEEDBACK_CATEGORY_LABELS: Record<FeedbackCategory, string> = {
  complaint: '投诉',
  suggestion: '建议',
  other: '其他',
};

export type FeedbackStatus = 'open' | 'replied';

/** Working days (Monday–Friday, Shanghai) staff have to reply; later shows as overdue. */
export const FEEDBACK_REPLY_WORKING_DAYS = 5;
export const FEEDBACK_MAX_PHOTOS = 6;
export const FEEDBACK_TEXT_MIN = 5;
export const FEEDBACK_TEXT_MAX = 1000;
export const FEEDBACK_REPLY_MAX = 1000;

/** `POST /api/feedback`. */
export interface CreateFeedbackBody {
  category: FeedbackCategory;
  text: string;
  photoIds?: string[];
  wantsContact: boolean;
}

/** `POST /api/feedback/:id/reply`. */
export interface ReplyFeedbackBody {
  text: string;
}

export interface FeedbackQuery {
  page?: number;
  pageSize?: number;
  status?: FeedbackStatus;
  category?: FeedbackCategory;
  overdue?: boolean;
}

export interface FeedbackView {
  id: number;
  category: FeedbackCategory;
  text: string;
  photos: { id: string; url: string }[];
  wantsContact: boolean;
  status: FeedbackStatus;
  /** Who sent it, as staff see them: 已注销用户 once the account is deleted. For the sender: 我. */
  senderName: string;
  /** Masked phone, only for staff and only when the sender asked to be contacted. */
  senderPhone: string | null;
  orgName: string | null;
  reply: string | null;
  repliedAt: string | null;
  dueAt: string;
  overdue: boolean;
  createdAt: string;
}

export type FeedbackPage = Page<FeedbackView>;
