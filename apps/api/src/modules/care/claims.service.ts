import { Injectable } from '@nestjs/common';
import { MINIAPP_PAGES, wechatPage, type ClaimView } from '@jingcai/shared';
import { TtlCache } from '../../common/cache/ttl-cache';
import { Clock } from '../../common/clock';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { AppException } from '../../common/errors/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersRepository } from '../users/users.repository';
import { QrCodeService, type QrImage } from '../wechat/qr-code.service';
import { BenefitsRepository } from './benefits.repository';
import {
  claimClosedRefusal,
  isClaimWindowOpen,
  perPersonLimitMessage,
  perPersonLimitReached,
} from './claim-rules';
import { claimExpiringMessage, claimReadyMessage } from './claim-messages';
import { ClaimsRepository } from './claims.repository';
import { ineligibilityReason } from './eligibility';
import type { Benefit } from './entities/benefit.entity';
import { activeKeyOf, type Claim, PENDING } from './entities/claim.entity';
import { newPickupCode } from './pickup-code';

/** What claiming needs of a benefit, cached briefly per instance: a release rush reads it thousands of times. */
interface BenefitRules {
  benefit: Benefit;
  stationIds: Set<number>;
  audience: { path: string; name: string } | null;
}

const RULES_TTL_MS = 5_000;
/**
 * Pending claims older than this were left by an instance that stopped between a claim's two statements and
 * were not retried (a retry finishes them).
 */
const PENDING_ABANDONED_MS = 60_000;
const CODE_ATTEMPTS = 3;
const SWEEP_BATCH = 500;
const REMIND_BEFORE_MS = 24 * 3600_000;

/** A worker's claims: taking a pack, seeing, cancelling, and the sweep that expires and reminds. */
@Injectable()
export class ClaimsService {
  /** One load per benefit at a time: when an entry expires mid-rush, the requests waiting share it. */
  private readonly rules = new TtlCache<number, BenefitRules>(RULES_TTL_MS);

  constructor(
    private readonly claims: ClaimsRepository,
    private readonly benefits: BenefitsRepository,
    private readonly users: UsersRepository,
    private readonly qr: QrCodeService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Claims one pack. Correct under any concurrency and any number of API instances because the two
   * invariants live in the database: the `active_key` unique index (one waiting claim per worker and
   * benefit — a retry finds it) and the conditional `remaining_stock > 0` decrement in the one statement
   * that turns a pending claim into a claimed one (no oversell; a claim that gets no pack is withdrawn).
   */
  async claim(
    userId: number,
    benefitId: number,
    stationId: number,
  ): Promise<{ created: boolean; claim: ClaimView }> {
    const outcome = await this.take(userId, benefitId, stationId);
    // Only the try that took the pack tells the worker, and without holding up the answer in a rush.
    if (outcome.created) this.notifications.notifyLater(userId, claimReadyMessage(outcome.claim));
    return outcome;
  }

  private async take(
    userId: number,
    benefitId: number,
    stationId: number,
  ): Promise<{ created: boolean; claim: ClaimView }> {
    const { benefit, stationIds, audience } = await this.rulesOf(benefitId);
    if (!isClaimWindowOpen(benefit, this.clock.now().getTime())) {
      const refusal = claimClosedRefusal(benefit);
      throw new AppException(refusal.code, refusal.message);
    }
    if (!stationIds.has(stationId)) {
      throw new AppException('VALIDATION_FAILED', '该服务站不提供此福利领取', [
        { field: 'stationId', message: '该服务站不提供此福利领取' },
      ]);
    }

    // The checks before the claim is written are plain SQL on the hot path: they run for every request of a
    // release rush, and TypeORM's find() machinery cost more CPU than the queries themselves.
    const mine = await this.claims.held(userId, benefitId);
    const waiting = mine.find((c) => c.status === 'claimed');
    if (waiting) return { created: false, claim: found(await this.claims.viewById(waiting.id)) };

    const worker = await this.users.facts(userId);
    if (!worker) throw AppException.notFound();
    const reason = ineligibilityReason(worker, benefit, audience);
    if (reason) throw new AppException('NOT_ELIGIBLE', reason);
    // A try of this worker's that was cut off between its two statements (or is still running) left a
    // pending claim: this try finishes it, taking a pack if one is left and withdrawing it otherwise. It must
    // come before the early stock answer, or a retry after the sellout would leave the claim pending.
    const started = mine.find((c) => c.status === PENDING);
    if (started) {
      const outcome = await this.complete(benefitId, started.code);
      if (outcome) return outcome;
    }
    if (perPersonLimitReached(mine, benefit.perPersonLimit)) {
      throw new AppException('PER_PERSON_LIMIT', perPersonLimitMessage(benefit.perPersonLimit));
    }
    // Cheap early answer for the common case of a rush: most requests arrive after the stock is gone.
    const remaining = await this.benefits.remainingStock(benefitId);
    if (remaining === null || remaining <= 0) throw outOfStock();

    // No transaction: the claim goes in as `pending`, then one statement takes a pack and marks it claimed.
    // So the benefit row, where a release rush queues, is locked only inside that statement, never across
    // a round trip to this process. A worker's other try finds the pending claim by `active_key` and takes
    // the pack for that same claim, so a try cut off between the two statements is finished by the retry.
    const activeKey = activeKeyOf(benefitId, userId);
    for (let attempt = 1; ; attempt++) {
      let code = newPickupCode();
      try {
        const expiresAt = benefit.pickupDeadline;
        await this.claims.insertPending({ benefitId, userId, stationId, code, activeKey, expiresAt });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const holder = await this.claims.codeHolding(activeKey);
        // No claim holds the key: the code clashed, or the holder was withdrawn meanwhile.
        if (!holder && attempt >= CODE_ATTEMPTS) throw error;
        if (!holder) continue;
        code = holder;
      }
      const outcome = await this.complete(benefitId, code);
      if (outcome) return outcome;
      if (attempt >= CODE_ATTEMPTS) throw outOfStock();
    }
  }

  mine(userId: number): Promise<ClaimView[]> {
    return this.claims.workerViews(userId);
  }

  /** The worker's own claim; anyone else's is 404. */
  async get(userId: number, id: number): Promise<ClaimView> {
    return found(await this.claims.workerView(userId, id));
  }

  async qrCode(userId: number, id: number, plain: boolean): Promise<QrImage> {
    const claim = await this.own(userId, id);
    return this.qr.forScene(claim.code, wechatPage(MINIAPP_PAGES.careRedeem), { preferPlain: plain });
  }

  /** Cancelling before pickup returns the pack to the stock, in the same transaction. */
  async cancel(userId: number, id: number): Promise<ClaimView> {
    const claim = await this.own(userId, id);
    if (!(await this.claims.closeAndReturnStock(claim, 'cancelled', this.clock.now())))
      throw new AppException('CLAIM_NOT_CANCELLABLE', '该领取记录已领取或已失效，不能取消');
    return this.get(userId, id);
  }

  /**
   * Expires claims past their pickup deadline (returning their stock), reminds workers a day before, and
   * withdraws pending claims an instance abandoned (they hold no pack). Each claim is closed by a
   * conditional UPDATE, so sweeps running at once on several instances never return the same pack twice.
   */
  async sweep(now = this.clock.now()): Promise<{ expired: number; reminded: number }> {
    await this.claims.deletePendingBefore(new Date(now.getTime() - PENDING_ABANDONED_MS));
    let expired = 0;
    for (const claim of await this.claims.dueToExpire(now, SWEEP_BATCH))
      if (await this.claims.closeAndReturnStock(claim, 'expired', now)) expired++;

    let reminded = 0;
    const soon = await this.claims.dueForReminder(
      new Date(now.getTime() + 1),
      new Date(now.getTime() + REMIND_BEFORE_MS),
      SWEEP_BATCH,
    );
    for (const claim of soon) {
      if (!(await this.claims.markReminded(claim.id, now))) continue;
      reminded++;
      await this.notifications.notify(claim.userId, claimExpiringMessage(claim));
    }
    return { expired, reminded };
  }

  private async own(userId: number, id: number): Promise<Claim> {
    const claim = await this.claims.workerClaim(userId, id);
    if (!claim) throw AppException.notFound('领取记录不存在');
    return claim;
  }

  /**
   * Takes the pack for the claim `code` if it is still pending. The try that takes it answers 201, every
   * other try of the worker 200 with the same claim; with no pack left the pending claim is withdrawn.
   * Null when the claim was withdrawn meanwhile (by a try that found no pack, or the sweep).
   */
  private async complete(
    benefitId: number,
    code: string,
  ): Promise<{ created: boolean; claim: ClaimView } | null> {
    if (await this.claims.takePack(benefitId, code)) {
      return { created: true, claim: found(await this.claims.viewByCode(code)) };
    }
    // One read answers both questions: is it still pending, and if not, what the worker sees.
    const state = await this.claims.stateByCode(code);
    if (!state) return null;
    if (state !== PENDING) return { created: false, claim: state };
    await this.claims.withdrawPending(code);
    throw outOfStock();
  }

  private rulesOf(benefitId: number): Promise<BenefitRules> {
    return this.rules.get(benefitId, () => this.loadRules(benefitId));
  }

  private async loadRules(benefitId: number): Promise<BenefitRules> {
    const benefit = await this.benefits.forClaiming(benefitId);
    if (!benefit) throw AppException.notFound('福利不存在');
    return {
      benefit,
      stationIds: new Set(benefit.stations!.map((s) => s.id)),
      audience: benefit.audienceOrg
        ? { path: benefit.audienceOrg.path, name: benefit.audienceOrg.name }
        : null,
    };
  }
}

function found(view: ClaimView | null): ClaimView {
  if (!view) throw AppException.notFound('领取记录不存在');
  return view;
}

function outOfStock(): AppException {
  return new AppException('OUT_OF_STOCK');
}
