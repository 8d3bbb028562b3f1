import { AppException } from '../../common/errors/app-exception';
import type { Org } from './entities/org.entity';

/** The tree is a handful of levels deep; deeper means a data-entry mistake. */
export const MAX_ORG_DEPTH = 6;

/** What a user may see of the org tree: everything, or the subtrees under these materialised paths. */
export type OrgScope = { all: true } | { all: false; paths: string[] };

/** Where a new org goes under `parent` (null: a top-level org); refuses a tree deeper than MAX_ORG_DEPTH. */
export function childDepth(parent: Pick<Org, 'depth'> | null): number {
  const depth = parent ? parent.depth + 1 : 0;
  if (depth >= MAX_ORG_DEPTH) {
    throw new AppException('VALIDATION_FAILED', `组织层级不能超过 ${MAX_ORG_DEPTH} 级`);
  }
  return depth;
}

/** The materialised path of org `id` under `parent`: it contains the org's own id. */
export function childPath(parent: Pick<Org, 'path'> | null, id: number): string {
  return `${parent?.path ?? '/'}${id}/`;
}

/** Whether an org (by its path) lies in the scope: admins everywhere, staff in their subtrees. */
export function scopeContains(scope: OrgScope, org: Pick<Org, 'path'>): boolean {
  return scope.all || scope.paths.some((root) => org.path.startsWith(root));
}

/**
 * A query-builder condition restricting an org path column to the scope, for repositories:
 * `qb.andWhere(...scopePathCondition(scope, 'o.path'))` (one indexed prefix scan per granted subtree).
 */
export function scopePathCondition(scope: OrgScope, column: string): [string, Record<string, string>] {
  if (scope.all) return ['1 = 1', {}];
  if (scope.paths.length === 0) return ['1 = 0', {}];
  const params: Record<string, string> = {};
  const clauses = scope.paths.map((path, i) => {
    params[`scopePath${i}`] = `${path}%`;
    return `${column} LIKE :scopePath${i}`;
  });
  return [`(${clauses.join(' OR ')})`, params];
}
