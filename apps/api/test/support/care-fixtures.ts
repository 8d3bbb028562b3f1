import type { BenefitBody } from '@jingcai/shared';

/**
 * A benefit open for claims now (from an hour ago to an hour on), picked up within a week, for any worker, one
 * pack each: what the care specs start from and change.
 */
export function openBenefitBody(
  fixed: Pick<BenefitBody, 'title' | 'description' | 'stock' | 'stationIds' | 'ownerOrgId'> &
    Partial<BenefitBody>,
): BenefitBody {
  const now = Date.now();
  return {
    kind: 'pack',
    perPersonLimit: 1,
    claimStartsAt: new Date(now - 3600_000).toISOString(),
    claimEndsAt: new Date(now + 3600_000).toISOString(),
    pickupDeadline: new Date(now + 7 * 86400_000).toISOString(),
    eligibility: { categories: [], gigVerifiedRequired: false, tags: [], membersOnly: false, orgId: null },
    ...fixed,
  };
}
