import type { OrgQuery, OrgTreeNode, OrgView, Page } from '@jingcai/shared';
import { request } from './request';

export function listOrgs({ q, parentId, page, pageSize }: OrgQuery): Promise<Page<OrgView>> {
  return request<Page<OrgView>>('/orgs', { query: { q, parentId, page, pageSize } });
}

export function fetchOrgTree(): Promise<OrgTreeNode[]> {
  return request<OrgTreeNode[]>('/orgs/tree');
}
