import {
  ErrorCode,
  UploadPurpose,
  type CreateFeedbackBody,
  type FeedbackView,
  type Page,
  type UploadView,
} from '@jingcai/shared';
import { request } from './request';
import { uploadImage } from './uploads';

// 投诉建议: send a complaint or suggestion, follow it, read the union's reply.

export const FEEDBACK_PAGE_SIZE = 20;

export function sendFeedback(body: CreateFeedbackBody): Promise<FeedbackView> {
  return request<FeedbackView>('/feedback', { method: 'POST', body });
}

export function myFeedback(page = 1, pageSize = FEEDBACK_PAGE_SIZE): Promise<Page<FeedbackView>> {
  return request<Page<FeedbackView>>('/feedback/mine', { query: { page, pageSize } });
}

/** One item with the reply; 404 (not mine, or gone) is shown by the page itself. */
export function feedbackById(id: number): Promise<FeedbackView> {
  return request<FeedbackView>(`/feedback/${id}`, { quiet: [ErrorCode.NotFound] });
}

export function uploadFeedbackPhoto(filePath: string): Promise<UploadView> {
  return uploadImage(filePath, UploadPurpose.FeedbackPhoto);
}
