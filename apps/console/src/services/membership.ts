import type {
  ApplicationStatus,
  OrgRequestView,
  Page,
  RejectApplicationBody,
  ReviewApplicationView,
} from '@jingcai/shared';
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
  /** Org changes workers asked for, to orgs of the staff member's subtree (their own left out). */
  orgRequests: (query: { page: number; pageSize: number }) =>
    api.get<Page<OrgRequestView>>('/membership/org-requests', query),
  approveOrgRequest: (userId: number) => api.post<OrgRequestView>(`/membership/org-requests/${userId}/approve`),
  rejectOrgRequest: (userId: number, reason: string) =>
    api.post<OrgRequestView>(`/membership/org-requests/${userId}/reject`, {
      reason,
    } satisfies RejectApplicationBody),
};
