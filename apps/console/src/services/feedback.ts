import type { FeedbackQuery, FeedbackView, Page, ReplyFeedbackBody } from '@jingcai/shared';
import { api } from './http';

/** 投诉建议: the staff queue of the signed-in subtree (admins: all) and the reply. */
export const feedbackApi = {
  list: (query: FeedbackQuery & { page: number; pageSize: number }) =>
    api.get<Page<FeedbackView>>('/feedback', { ...query }),
  reply: (id: number, body: ReplyFeedbackBody) => api.post<FeedbackView>(`/feedback/${id}/reply`, body),
};
