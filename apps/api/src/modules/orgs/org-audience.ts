/** The materialised paths of an org and of every org above it: `/1/4/9/` → `/1/`, `/1/4/`, `/1/4/9/`. */
export function pathsFromRoot(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/**
 * A query condition "aimed at this worker": no audience org, or one whose subtree holds the worker's org
 * (`audience` is the joined audience org's alias, `column` the nullable audience id). It belongs in the
 * query, before any LIMIT: filtering a limited list afterwards let other orgs' campaigns crowd out the
 * worker's own (found by the e2e suites once the security suites filled the database).
 */
export function audienceCondition(
  column: string,
  audience: string,
  workerOrgPath: string | null | undefined,
): { where: string; parameters: { audiencePaths?: string[] } } {
  if (!workerOrgPath) return { where: `${column} IS NULL`, parameters: {} };
  return {
    where: `(${column} IS NULL OR ${audience}.path IN (:...audiencePaths))`,
    parameters: { audiencePaths: pathsFromRoot(workerOrgPath) },
  };
}
