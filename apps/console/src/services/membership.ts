import type {
  ApplicationStatus,
  MemberQuery,
  MemberTagsBody,
  MemberView,
  Page,
  RejectApplicationBody,
  ReviewApplicationView,
  UserTag,
} from '@jingcai/shared';
import { api } from './http';

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

/** The member directory: workers of the staff member's subtree, and their tags. */
export const membersApi = {
  list: (query: MemberQuery & { page: number; pageSize: number }) => api.get<Page<MemberView>>('/members', { ...query }),
  setTags: (id: number, tags: UserTag[]) => api.put<MemberView>(`/members/${id}/tags`, { tags } satisfies MemberTagsBody),
};
