import type { ReviewStep } from '@jingcai/shared';

/** The org ids along a materialised path, root first: `/1/4/9/` → [1, 4, 9]. */
export function pathIds(path: string): number[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((part) => Number(part));
}

/** The street-level union above an org (a direct child of the district), or the district itself for its own workers. */
export function streetLevelOf(path: string): number {
  const ids = pathIds(path);
  return ids[1] ?? ids[0];
}

/**
 * Which org's staff act at each step of an application from the org at `path` (docs/assistance.md):
 * - check (审核 + 入户走访): the applicant's own union if it has staff; else the nearest union above it that
 *   has staff, up to the street level; the street-level union when none below it has staff;
 * - approve: the street-level union (a street, park, industry or new-employment union under the district);
 * - grant: the district (the root).
 * `hasStaff` says which orgs have at least one staff member. Admins act at every step.
 */
export function stepOrgs(path: string, hasStaff: (orgId: number) => boolean): Record<ReviewStep, number> {
  const ids = pathIds(path);
  const street = streetLevelOf(path);
  const below = ids.slice(2).reverse(); // from the applicant's union up to just under the street
  const check = below.find((id) => hasStaff(id)) ?? street;
  return { check, approve: street, grant: ids[0] };
}
