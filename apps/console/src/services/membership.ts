import type { ApplicationStatus, Page, RejectApplicationBody, ReviewApplicationView } from '@jingcai/shared';
import { api } from './http';

/** Membership applications under review: the staff member's subtree, approved or rejected with a reason. */
export const membershipApi = {
  list: (query: { status?: ApplicationStatus; page: number; pageSize: number }) =>
    api.get<Page<ReviewApplicationView>>('/membership/applications', query),
  get: (id: number) => api.get<ReviewApplicationView>(`/membership/applications/${id}`),
  approve: (id: number) => api.post<ReviewApplicationView>(`/membership/applications/${id}/approve`),
  reject: (id: number, reason: string) =>
    api.post<ReviewApplicationView>(`/membership/applications/${id}/reject`, {
      reason,
    } satisfies RejectApplicationBody),
};
