import type { MemberQuery, MemberTagsBody, MemberView, Page, UserTag } from '@jingcai/shared';
import { api } from './http';

/** The member directory: workers of the staff member's subtree, and their tags. */
export const membersApi = {
  list: (query: MemberQuery & { page: number; pageSize: number }) => api.get<Page<MemberView>>('/members', { ...query }),
  setTags: (id: number, tags: UserTag[]) => api.put<MemberView>(`/members/${id}/tags`, { tags } satisfies MemberTagsBody),
};
