import type { AuthResult, BenefitBody, BenefitView } from '@jingcai/shared';
import request from 'supertest';
import { bearer, type TestApp } from './test-app';

/**
 * A benefit, made by `admin`, open for claims now (from an hour ago to an hour on), picked up within a week, for
 * any worker, one pack each: what the care specs start from and change.
 */
export async function createOpenBenefit(
  t: TestApp,
  admin: AuthResult,
  fixed: Pick<BenefitBody, 'title' | 'description' | 'stock' | 'stationIds' | 'ownerOrgId'> &
    Partial<BenefitBody>,
): Promise<BenefitView> {
  const now = Date.now();
  const body: BenefitBody = {
    kind: 'pack',
    perPersonLimit: 1,
    claimStartsAt: new Date(now - 3600_000).toISOString(),
    claimEndsAt: new Date(now + 3600_000).toISOString(),
    pickupDeadline: new Date(now + 7 * 86400_000).toISOString(),
    eligibility: { categories: [], gigVerifiedRequired: false, tags: [], membersOnly: false, orgId: null },
    ...fixed,
  };
  return (
    await request(t.http)
      .post('/api/care/benefits')
      .set(...bearer(admin))
      .send(body)
      .expect(201)
  ).body as BenefitView;
}
