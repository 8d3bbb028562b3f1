import { ineligibilityReason, type Claimant } from '../care/eligibility';
import type { EventRecord } from './entities/event.entity';

/**
 * Why this worker may not sign up, in words they can act on; null when they may. Care's audience rule (the
 * same verified facts, the same order), whose words are about claiming, in the words of signing up.
 */
export function eventIneligibility(
  worker: Claimant,
  event: EventRecord,
  audience: { path: string; name: string } | null,
): string | null {
  return ineligibilityReason(worker, event, audience)?.replace('领取', '报名') ?? null;
}
