import { formatShanghai, staffName, type ClaimStatus, type ErrorCode } from '@jingcai/shared';
import type { Benefit } from './entities/benefit.entity';
import { PENDING } from './entities/claim.entity';

type ClaimWindow = Pick<Benefit, 'claimStartsAt' | 'claimEndsAt'>;

/** A refusal as the API answers it: the code fixes the HTTP status, the message is for the worker or staff. */
export interface Refusal {
  code: ErrorCode;
  message: string;
}

/** Whether a benefit takes claims at `now` (ms since the epoch); both ends of the window count. */
export function isClaimWindowOpen(window: ClaimWindow, now: number): boolean {
  return now >= window.claimStartsAt.getTime() && now <= window.claimEndsAt.getTime();
}

/** The refusal of a claim outside the window, naming the window in Shanghai time. */
export function claimClosedRefusal(window: ClaimWindow): Refusal {
  const from = formatShanghai(window.claimStartsAt, 'minute');
  const to = formatShanghai(window.claimEndsAt, 'minute');
  return { code: 'CLAIM_CLOSED', message: `不在领取时间内（${from} 至 ${to}）` };
}

/**
 * Whether the worker has used up the per-person limit. A pending claim holds no pack and does not count;
 * the caller has already answered a claim still waiting for pickup (the worker sees that one again).
 */
export function perPersonLimitReached(
  claims: readonly { status: ClaimStatus | typeof PENDING }[],
  limit: number,
): boolean {
  return claims.filter((c) => c.status !== PENDING).length >= limit;
}

export function perPersonLimitMessage(limit: number): string {
  return `每人限领 ${limit} 份，你已领过`;
}

/**
 * Why the benefit list shows a worker an open benefit as not claimable, or null: eligibility first, then
 * (unless a claim of theirs waits for pickup, which they may open) the limit, then the stock.
 */
export function listedBenefitBlocker(
  ineligibility: string | null,
  benefit: Pick<Benefit, 'perPersonLimit' | 'remainingStock'>,
  used: number,
  waiting: boolean,
): string | null {
  if (ineligibility) return ineligibility;
  if (waiting) return null;
  if (used >= benefit.perPersonLimit) return perPersonLimitMessage(benefit.perPersonLimit);
  if (benefit.remainingStock <= 0) return '已经领完了';
  return null;
}

/**
 * Why a pickup code found for redemption could not be redeemed, from the claim's status now. `redeemer` is
 * who redeemed it, when it was redeemed.
 */
export function unredeemableRefusal(
  claim: { status: ClaimStatus | typeof PENDING; redeemedAt: Date | null },
  redeemer: { realName: string | null; nickname: string | null } | null,
): Refusal {
  switch (claim.status) {
    case 'redeemed': {
      const at = claim.redeemedAt ? formatShanghai(claim.redeemedAt, 'minute') : '';
      return { code: 'ALREADY_REDEEMED', message: `已于 ${at} 由 ${staffName(redeemer, '工作人员')} 核销` };
    }
    case 'cancelled':
      return { code: 'CLAIM_CANCELLED', message: '该领取码已被取消' };
    case 'expired':
    case 'claimed': // still waiting, but past its deadline: the sweep will expire it
      return { code: 'CLAIM_EXPIRED', message: '该领取码已过领取截止时间' };
    case PENDING: // found before it was withdrawn for want of a pack
      return { code: 'NOT_FOUND', message: '领取码不存在，请核对后重试' };
  }
}
