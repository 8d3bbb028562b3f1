import type { CreateOrgBody, OrgTreeNode, OrgView, UpdateOrgBody } from '@jingcai/shared';
import { api } from './http';

export const orgsApi = {
  tree: () => api.get<OrgTreeNode[]>('/orgs/tree'),
  create: (body: CreateOrgBody) => api.post<OrgView>('/orgs', body),
  update: (id: number, body: UpdateOrgBody) => api.patch<OrgView>(`/orgs/${id}`, body),
};
