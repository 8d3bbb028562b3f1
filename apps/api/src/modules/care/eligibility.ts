import {
  USER_TAG_LABELS,
  WORKER_CATEGORY_LABELS,
  type MembershipStatus,
  type UserTag,
  type WorkerCategory,
} from '@jingcai/shared';
import type { Benefit } from './entities/benefit.entity';

export interface Claimant {
  category: WorkerCategory | null;
  gigVerified: boolean;
  tags: UserTag[];
  membership: MembershipStatus;
  /** Materialised path of the worker's org, null when they have none. */
  orgPath: string | null;
}

type Rules = Pick<Benefit, 'eligibleCategories' | 'gigVerifiedRequired' | 'eligibleTags' | 'membersOnly'>;

/**
 * Why this worker may not claim, in words they can act on, or null when they may. The first unmet rule
 * is reported, in the order a worker would fix them.
 */
export function ineligibilityReason(
  worker: Claimant,
  rules: Rules,
  audience: { path: string; name: string } | null,
): string | null {
  if (rules.membersOnly && worker.membership !== 'member') return '仅限工会会员领取，请先申请入会';
  if (
    rules.eligibleCategories.length &&
    (!worker.category || !rules.eligibleCategories.includes(worker.category))
  ) {
    return `仅限${rules.eligibleCategories.map((c) => WORKER_CATEGORY_LABELS[c]).join('、')}领取`;
  }
  if (rules.gigVerifiedRequired && !worker.gigVerified) return '需完成新就业形态身份认证';
  if (rules.eligibleTags.length && !rules.eligibleTags.some((t) => worker.tags.includes(t))) {
    return `仅限${rules.eligibleTags.map((t) => USER_TAG_LABELS[t]).join('、')}职工领取`;
  }
  if (audience && !worker.orgPath?.startsWith(audience.path)) return `仅限${audience.name}所属职工领取`;
  return null;
}
