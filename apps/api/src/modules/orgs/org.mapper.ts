import type { OrgSummary, OrgTreeNode, OrgView } from '@jingcai/shared';
import type { Org } from './entities/org.entity';

export function toOrgSummary(org: Org): OrgSummary {
  return { id: org.id, name: org.name, kind: org.kind };
}

/** `names` maps ids on the org's path to names, to render `京口区总工会 / 大市口街道工会`. */
export function toOrgView(org: Org, names: ReadonlyMap<number, string>): OrgView {
  const ancestry = pathIds(org.path).map((id) => names.get(id) ?? '');
  return {
    ...toOrgSummary(org),
    parentId: org.parentId,
    path: ancestry.join(' / '),
    depth: org.depth,
    memberCount: org.memberCount,
  };
}

export function buildTree(orgs: Org[]): OrgTreeNode[] {
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const nodes = new Map(orgs.map((o) => [o.id, { ...toOrgView(o, names), children: [] as OrgTreeNode[] }]));
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId == null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** `/1/4/9/` → [1, 4, 9] */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}
