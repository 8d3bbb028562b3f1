import type { OrgTreeNode } from '@jingcai/shared';
import { describe, expect, it } from 'vitest';
import { rankingDepth, scopeFrom } from './org-scope';

function node(id: number, name: string, depth: number, children: OrgTreeNode[] = []): OrgTreeNode {
  return { id, name, kind: depth === 0 ? 'district' : depth === 1 ? 'street' : 'enterprise', parentId: null, path: '', depth, memberCount: 100 * id, children };
}

const tree = [
  node(1, '京口区总工会', 0, [
    node(2, '大市口街道工会', 1, [node(3, '京彩科技有限公司工会', 2), node(4, '京口区人民医院工会', 2)]),
    node(9, '京口经济开发区工会', 1, [node(10, '京口智能制造有限公司工会', 2)]),
  ]),
];

describe('scopeFrom', () => {
  it('gives street staff their street and everything under it, nothing beside it', () => {
    const scope = scopeFrom(tree, [{ role: 'staff', orgId: 2 }]);
    expect(scope.all).toBe(false);
    expect(scope.roots.map((r) => r.name)).toEqual(['大市口街道工会']);
    expect([...scope.orgs.keys()].sort()).toEqual([2, 3, 4]);
    expect(scope.contains(3)).toBe(true);
    expect(scope.contains(10)).toBe(false);
    expect(scope.contains(1)).toBe(false);
    expect(scope.names.has('京口智能制造有限公司工会')).toBe(false);
  });

  it('gives admins the whole district', () => {
    const scope = scopeFrom(tree, [{ role: 'admin', orgId: null }]);
    expect(scope.all).toBe(true);
    expect(scope.orgs.size).toBe(6);
    expect(scope.contains(10)).toBe(true);
  });

  it('takes a nested grant once and several grants side by side', () => {
    const nested = scopeFrom(tree, [
      { role: 'staff', orgId: 2 },
      { role: 'staff', orgId: 3 },
    ]);
    expect(nested.roots.map((r) => r.id)).toEqual([2]);
    const two = scopeFrom(tree, [
      { role: 'staff', orgId: 3 },
      { role: 'staff', orgId: 10 },
    ]);
    expect(two.roots.map((r) => r.id)).toEqual([3, 10]);
  });

  it('gives a lawyer or a worker no orgs', () => {
    const scope = scopeFrom(tree, [{ role: 'lawyer', orgId: null }]);
    expect(scope.roots).toEqual([]);
    expect(scope.contains(1)).toBe(false);
  });
});

describe('rankingDepth', () => {
  it('ranks the level below the scope: enterprises for a street, streets for the district', () => {
    expect(rankingDepth(scopeFrom(tree, [{ role: 'staff', orgId: 2 }]))).toBe(2);
    expect(rankingDepth(scopeFrom(tree, [{ role: 'admin', orgId: null }]))).toBe(1);
  });
});
