/**
 * What of the org tree a staff member manages, worked out in the browser so the console only offers
 * orgs the API would accept. The API stays the judge: it checks the scope on every request.
 */
import type { OrgTreeNode } from '@jingcai/shared';
import type { Grant } from './session-store';

export interface OrgScopeModel {
  /** Admins: the whole district. */
  all: boolean;
  /** The subtrees managed, roots first (the whole forest for admins). */
  roots: OrgTreeNode[];
  /** Every org inside the scope, by id. */
  orgs: Map<number, OrgTreeNode>;
  contains(orgId: number | null | undefined): boolean;
  /** Org names inside the scope: leaderboards name a person's org but give no id. */
  names: Set<string>;
}

export function scopeFrom(tree: OrgTreeNode[], grants: Grant[]): OrgScopeModel {
  const all = grants.some((g) => g.role === 'admin');
  const wanted = new Set(grants.filter((g) => g.role === 'staff' && g.orgId !== null).map((g) => g.orgId));
  const roots: OrgTreeNode[] = [];
  const visit = (node: OrgTreeNode) => {
    if (all || wanted.has(node.id)) {
      roots.push(node);
      return; // a granted org's subtree is taken whole; a nested grant adds nothing
    }
    node.children.forEach(visit);
  };
  if (all) roots.push(...tree);
  else tree.forEach(visit);

  const orgs = new Map<number, OrgTreeNode>();
  const collect = (node: OrgTreeNode) => {
    orgs.set(node.id, node);
    node.children.forEach(collect);
  };
  roots.forEach(collect);
  const names = new Set([...orgs.values()].map((o) => o.name));
  return {
    all,
    roots,
    orgs,
    names,
    contains: (orgId) => orgId != null && orgs.has(orgId),
  };
}

/** The depth of the first level below the scope's roots: where org rankings are most useful. */
export function rankingDepth(scope: OrgScopeModel): number {
  const top = Math.min(...scope.roots.map((r) => r.depth), 4);
  return Math.max(1, Math.min(5, top + 1));
}

/** Antd TreeSelect data for the scope. */
export interface OrgTreeOption {
  value: number;
  title: string;
  children: OrgTreeOption[];
}

export function treeOptions(nodes: OrgTreeNode[]): OrgTreeOption[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: treeOptions(n.children) }));
}
