import type { Org } from './entities/org.entity';

export type PathTotals<K extends string> = { path: string } & Record<K, number>;

/**
 * Org rankings: figures grouped by the org path they were recorded under, summed over each candidate
 * org's subtree (a path prefix). In memory, because a district has hundreds of orgs, not millions.
 * Orgs with nothing recorded are left out.
 */
export function rollUpByOrg<K extends string>(
  groups: readonly PathTotals<K>[],
  orgs: readonly Org[],
  keys: readonly K[],
): Array<{ org: Org; totals: Record<K, number> }> {
  const rolled: Array<{ org: Org; totals: Record<K, number> }> = [];
  for (const org of orgs) {
    const totals = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
    let matched = false;
    for (const group of groups) {
      if (!group.path.startsWith(org.path)) continue;
      matched = true;
      for (const key of keys) totals[key] += group[key];
    }
    if (matched) rolled.push({ org, totals });
  }
  return rolled;
}

/** Which of `orgs` (one depth of the tree) holds `path` in its subtree. */
export function orgHolding<T extends Pick<Org, 'path'>>(
  orgs: readonly T[],
  path: string | undefined,
): T | undefined {
  return path === undefined ? undefined : orgs.find((org) => path.startsWith(org.path));
}
