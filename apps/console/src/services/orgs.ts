import type {
  CreateOrgBody,
  GrantRoleBody,
  MeView,
  OrgTreeNode,
  OrgView,
  RoleGrantView,
  UpdateOrgBody,
} from '@jingcai/shared';
import { api, request } from './http';

export const orgsApi = {
  tree: () => api.get<OrgTreeNode[]>('/orgs/tree'),
  create: (body: CreateOrgBody) => api.post<OrgView>('/orgs', body),
  update: (id: number, body: UpdateOrgBody) => api.patch<OrgView>(`/orgs/${id}`, body),
};

/** Admin only: exact lookup by a full phone number (the API keeps only a keyed hash of it). */
export const adminUsersApi = {
  findByPhone: (phone: string) => api.get<MeView[]>('/admin/users', { phone }),
  grant: (userId: number, body: GrantRoleBody) =>
    api.post<RoleGrantView[]>(`/admin/users/${userId}/roles`, body),
  revoke: (userId: number, body: GrantRoleBody) =>
    request<RoleGrantView[]>('DELETE', `/admin/users/${userId}/roles`, { body }),
};
