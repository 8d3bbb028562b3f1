import type {
  AidApplicationView,
  AidStatus,
  AidStatusBody,
  AssignBody,
  AssigneeView,
  LegalCaseBody,
  LegalCaseStatus,
  LegalCaseView,
  LegalCategory,
  LegalMessageBody,
  LegalMessageView,
  LegalQuestionStatus,
  LegalQuestionSummaryView,
  LegalQuestionView,
  Page,
} from '@jingcai/shared';
import { api } from './http';

export interface InboxFilter {
  status?: LegalQuestionStatus;
  category?: LegalCategory;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

export const legalApi = {
  inbox: (filter: InboxFilter) => api.get<Page<LegalQuestionSummaryView>>('/legal/inbox', { ...filter }),
  question: (id: number) => api.get<LegalQuestionView>(`/legal/questions/${id}`),
  assignees: (questionId: number) => api.get<AssigneeView[]>('/legal/assignees', { questionId }),
  assign: (questionId: number, userId: number) =>
    api.post<LegalQuestionView>(`/legal/questions/${questionId}/assign`, { userId } satisfies AssignBody),
  reply: (questionId: number, body: string) =>
    api.post<LegalMessageView>(`/legal/questions/${questionId}/messages`, { body } satisfies LegalMessageBody),
  caseDraft: (questionId: number) => api.post<LegalCaseView>(`/legal/questions/${questionId}/case-draft`),

  cases: (query: { status: LegalCaseStatus; category?: LegalCategory; q?: string; page: number; pageSize: number }) =>
    api.get<Page<LegalCaseView>>('/legal/cases', query),
  case: (id: number) => api.get<LegalCaseView>(`/legal/cases/${id}`),
  createCase: (body: LegalCaseBody) => api.post<LegalCaseView>('/legal/cases', body),
  updateCase: (id: number, body: Partial<LegalCaseBody>) => api.patch<LegalCaseView>(`/legal/cases/${id}`, body),
  publishCase: (id: number) => api.post<LegalCaseView>(`/legal/cases/${id}/publish`),
  unpublishCase: (id: number) => api.post<LegalCaseView>(`/legal/cases/${id}/unpublish`),

  aid: (query: { status?: AidStatus; page: number; pageSize: number }) =>
    api.get<Page<AidApplicationView>>('/legal/aid-applications', query),
  aidOne: (id: number) => api.get<AidApplicationView>(`/legal/aid-applications/${id}`),
  changeAid: (id: number, body: AidStatusBody) =>
    api.post<AidApplicationView>(`/legal/aid-applications/${id}/status`, body),
};
