import type { GrantRoleBody, MeView, RoleGrantView } from '@jingcai/shared';
import { api, request } from './http';

/** Admin only: exact lookup by a full phone number (the API keeps only a keyed hash of it), and role grants. */
export const adminUsersApi = {
  findByPhone: (phone: string) => api.get<MeView[]>('/admin/users', { phone }),
  grant: (userId: number, body: GrantRoleBody) =>
    api.post<RoleGrantView[]>(`/admin/users/${userId}/roles`, body),
  revoke: (userId: number, body: GrantRoleBody) =>
    request<RoleGrantView[]>('DELETE', `/admin/users/${userId}/roles`, { body }),
};
