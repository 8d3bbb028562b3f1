import type { OrgParticipationView } from '@jingcai/shared';
import type { Org } from './entities/org.entity';
import { toOrgSummary } from './org.mapper';
import { scopeContains, type OrgScope } from './org-tree';

/**
 * Whether a dashboard shows a campaign or season owned by the org at `ownerPath` and aimed at
 * `audiencePath` (null: the whole district) to staff of `scope`: they run it, or it reaches workers of
 * their subtree (the audience holds part of the scope, or the scope holds the audience). Its figures are
 * then counted over their own subtree only.
 */
export function scopeReaches(scope: OrgScope, ownerPath: string, audiencePath: string | null): boolean {
  if (scopeContains(scope, { path: ownerPath })) return true;
  if (scope.all) return true;
  return scope.paths.some((root) => audiencePath === null || root.startsWith(audiencePath) || audiencePath.startsWith(root));
}

/**
 * The orgs a dashboard compares: the ones right below the top of the scope (for the district: its streets
 * and parks; for a street's staff: its enterprises). A scope root without children stands for itself.
 */
export function comparedOrgs(all: readonly Org[], scope: OrgScope): Org[] {
  const roots = scope.all ? all.filter((org) => org.parentId === null) : all.filter((org) => scope.paths.includes(org.path));
  return roots.flatMap((root) => {
    const children = all.filter((org) => org.parentId === root.id);
    return children.length ? children : [root];
  });
}

/**
 * Participants (counted per recorded org path) summed over each compared org's subtree, against the
 * workers on record there; highest rate first. Orgs nobody took part from are listed with 0.
 */
export function participationByOrg(
  counts: ReadonlyArray<{ path: string; participants: number }>,
  orgs: readonly Org[],
): OrgParticipationView[] {
  return orgs
    .map((org) => {
      const participants = counts.reduce((sum, c) => (c.path.startsWith(org.path) ? sum + c.participants : sum), 0);
      const rate = org.memberCount ? Math.min(1, participants / org.memberCount) : 0;
      return {
        org: toOrgSummary(org),
        participants,
        memberCount: org.memberCount,
        participationRate: Math.round(rate * 10_000) / 10_000,
      };
    })
    .sort((a, b) => b.participationRate - a.participationRate || b.participants - a.participants || a.org.id - b.org.id);
}
