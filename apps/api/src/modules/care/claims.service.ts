import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  maskName,
  maskPhone,
  normalisePickupCode,
  PICKUP_CODE_PATTERN,
  shanghaiDay,
  shanghaiDayStart,
  type ClaimView,
  type RedemptionView,
} from '@jingcai/shared';
import { Between, DataSource, IsNull, LessThan, LessThanOrEqual, Not, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { TtlCache } from '../../common/cache/ttl-cache';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { withDeadlockRetry } from '../../common/database/deadlock-retry';
import { hotExecute, hotQuery, hotWrite, isMysql } from '../../common/database/hot-query';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { AppException } from '../../common/errors/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import { Org } from '../orgs/entities/org.entity';
import { OrgScopeService } from '../orgs/org-scope.service';
import { User } from '../users/entities/user.entity';
import { QrCodeService, type QrImage } from '../wechat/qr-code.service';
import { BenefitsService } from './benefits.service';
import { CLAIM_VIEW_SQL, claimViewOfRow, type ClaimViewRow } from './care.mapper';
import { ineligibilityReason } from './eligibility';
import { Benefit } from './entities/benefit.entity';
import { activeKeyOf, Claim, PENDING } from './entities/claim.entity';
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
const INSERT_PENDING_SQL = `INSERT INTO care_claims (benefit_id, user_id, station_id, code, status, active_key, expires_at)
  VALUES (?, ?, ?, ?, 'pending', ?, ?)`;
const TAKE_PACK_SQL = `UPDATE care_benefits b JOIN care_claims c ON c.code = ?
  SET b.remaining_stock = b.remaining_stock - 1, c.status = 'claimed'
  WHERE b.id = ? AND b.remaining_stock > 0 AND c.benefit_id = b.id AND c.status = 'pending'`;
const CODE_ATTEMPTS = 3;
const SWEEP_BATCH = 500;
const REMIND_BEFORE_MS = 24 * 3600_000;
const CLAIM_RELATIONS = { benefit: true, station: true } as const;
/** The staff page a mini-program code on a claim opens (with the pickup code as its scene). */
export const REDEEM_PAGE = 'packages/care/pages/redeem/index';

class OutOfStock extends Error {}

@Injectable()
export class ClaimsService {
  private readonly logger = new Logger(ClaimsService.name);
  /** One load per benefit at a time: when an entry expires mid-rush, the requests waiting share it. */
  private readonly rules = new TtlCache<number, BenefitRules>(RULES_TTL_MS);

  constructor(
    @InjectRepository(Claim) private readonly claims: Repository<Claim>,
    @InjectRepository(Benefit) private readonly benefitRepo: Repository<Benefit>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
    private readonly benefits: BenefitsService,
    private readonly scope: OrgScopeService,
    private readonly cipher: PiiCipher,
    private readonly qr: QrCodeService,
    private readonly notifications: NotificationsService,
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
    const { benefit, stationIds, audience } = await this.rulesOf(benefitId);
    const now = Date.now();
    if (now < benefit.claimStartsAt.getTime() || now > benefit.claimEndsAt.getTime()) {
      throw new AppException('CLAIM_CLOSED', `不在领取时间内（${window(benefit)}）`);
    }
    if (!stationIds.has(stationId)) {
      throw new AppException('VALIDATION_FAILED', '该服务站不提供此福利领取', [
        { field: 'stationId', message: '该服务站不提供此福利领取' },
      ]);
    }

    // The checks before the claim is written are plain SQL on the hot path: they run for every request of a
    // release rush, and TypeORM's find() machinery cost more CPU than the queries themselves.
    const mine = await hotQuery<{ id: number; status: string; code: string }>(
      this.dataSource,
      "SELECT id, status, code FROM care_claims WHERE user_id = ? AND benefit_id = ? AND status IN ('pending', 'claimed', 'redeemed')",
      [userId, benefitId],
    );
    const waiting = mine.find((c) => c.status === 'claimed');
    if (waiting) return { created: false, claim: await this.view('c.id = ?', [waiting.id]) };

    const reason = ineligibilityReason(await this.benefits.claimant(userId), benefit, audience);
    if (reason) throw new AppException('NOT_ELIGIBLE', reason);
    // A try of this worker's that was cut off between its two statements (or is still running) left a
    // pending claim: this try finishes it, taking a pack if one is left and withdrawing it otherwise. It must
    // come before the early stock answer, or a retry after the sellout would leave the claim pending.
    const started = mine.find((c) => c.status === PENDING);
    if (started) {
      const outcome = await this.complete(benefitId, started.code);
      if (outcome) return outcome;
    }
    if (mine.filter((c) => c.status !== PENDING).length >= benefit.perPersonLimit) {
      throw new AppException(
        'PER_PERSON_LIMIT',
        `每人限领 ${benefit.perPersonLimit} 份，你已领过`,
      );
    }
    // Cheap early answer for the common case of a rush: most requests arrive after the stock is gone.
    const [stock] = await hotQuery<{ remaining: number }>(
      this.dataSource,
      'SELECT remaining_stock AS remaining FROM care_benefits WHERE id = ?',
      [benefitId],
    );
    if (!stock || Number(stock.remaining) <= 0) throw outOfStock();

    // No transaction: the claim goes in as `pending`, then one statement takes a pack and marks it claimed.
    // So the benefit row, where a release rush queues, is locked only inside that statement, never across
    // a round trip to this process. A worker's other try finds the pending claim by `active_key` and takes
    // the pack for that same claim, so a try cut off between the two statements is finished by the retry.
    const key = activeKeyOf(benefitId, userId);
    for (let attempt = 1; ; attempt++) {
      let code = newPickupCode();
      try {
        const values = [benefitId, userId, stationId, code, key, benefit.pickupDeadline];
        await withDeadlockRetry(() => hotWrite(this.dataSource, INSERT_PENDING_SQL, values));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const [holder] = await hotQuery<{ code: string }>(
          this.dataSource,
          'SELECT code FROM care_claims WHERE active_key = ?',
          [key],
        );
        // No claim holds the key: the code clashed, or the holder was withdrawn meanwhile.
        if (!holder && attempt >= CODE_ATTEMPTS) throw error;
        if (!holder) continue;
        code = holder.code;
      }
      const outcome = await this.complete(benefitId, code);
      if (outcome) return outcome;
      if (attempt >= CODE_ATTEMPTS) throw outOfStock();
    }
  }

  mine(userId: number): Promise<ClaimView[]> {
    return this.views("c.user_id = ? AND c.status <> 'pending' ORDER BY c.id DESC LIMIT 50", [userId]);
  }

  /** The worker's own claim; anyone else's is 404. */
  get(userId: number, id: number): Promise<ClaimView> {
    return this.view("c.id = ? AND c.user_id = ? AND c.status <> 'pending'", [id, userId]);
  }

  async qrCode(userId: number, id: number, plain: boolean): Promise<QrImage> {
    const claim = await this.own(userId, id);
    return this.qr.forScene(claim.code, REDEEM_PAGE, { preferPlain: plain });
  }

  /** Cancelling before pickup returns the pack to the stock, in the same transaction. */
  async cancel(userId: number, id: number): Promise<ClaimView> {
    const claim = await this.own(userId, id);
    const cancelled = await this.close(claim, 'cancelled');
    if (!cancelled)
      throw new AppException('CLAIM_NOT_CANCELLABLE', '该领取记录已领取或已失效，不能取消');
    return this.get(userId, id);
  }

  async redeem(staff: AuthUser, rawCode: string): Promise<RedemptionView> {
    const code = normalisePickupCode(rawCode);
    const claim = PICKUP_CODE_PATTERN.test(code)
      ? await this.claims.findOne({
          where: { code, status: Not(PENDING) },
          relations: { benefit: true, station: { org: true } },
        })
      : null;
    if (!claim) throw AppException.notFound('领取码不存在，请核对后重试');
    if (!this.scope.contains(await this.scope.scopeOf(staff), claim.station!.org!)) {
      throw new AppException(
        'OUT_OF_SCOPE',
        `该领取码需到「${claim.station!.name}」核销`,
      );
    }
    const now = new Date();
    const result = await this.claims
      .createQueryBuilder()
      .update()
      .set({ status: 'redeemed', redeemedAt: now, redeemedBy: staff.id, activeKey: null, closedAt: now })
      .where('id = :id AND status = :status AND expires_at > :now', { id: claim.id, status: 'claimed', now })
      .execute();
    if (!result.affected) throw await this.notRedeemable(claim.id);
    return this.redemptionView(claim.id);
  }

  /** Redemptions made today (Asia/Shanghai) at the stations this staff member covers. */
  async todaysRedemptions(staff: AuthUser): Promise<RedemptionView[]> {
    const start = shanghaiDayStart(shanghaiDay(Date.now()));
    const scope = await this.scope.scopeOf(staff);
    const qb = this.claims
      .createQueryBuilder('c')
      .innerJoin('c.station', 's')
      .innerJoin(Org, 'o', 'o.id = s.org_id')
      .select('c.id')
      .where('c.status = :status AND c.redeemed_at >= :start', { status: 'redeemed', start })
      .andWhere(...OrgScopeService.pathCondition(scope, 'o.path'))
      .orderBy('c.redeemedAt', 'DESC')
      .limit(200);
    const ids = (await qb.getMany()).map((c) => c.id);
    return Promise.all(ids.map((id) => this.redemptionView(id)));
  }

  /**
   * Expires claims past their pickup deadline (returning their stock), reminds workers a day before, and
   * withdraws pending claims an instance abandoned (they hold no pack). Each claim is closed by a
   * conditional UPDATE, so sweeps running at once on several instances never return the same pack twice.
   */
  async sweep(now = new Date()): Promise<{ expired: number; reminded: number }> {
    await this.claims.delete({
      status: PENDING,
      createdAt: LessThan(new Date(now.getTime() - PENDING_ABANDONED_MS)),
    });
    let expired = 0;
    const due = await this.claims.find({
      select: { id: true, benefitId: true, status: true },
      where: { status: 'claimed', expiresAt: LessThanOrEqual(now) },
      take: SWEEP_BATCH,
    });
    for (const claim of due) if (await this.close(claim, 'expired', now)) expired++;

    let reminded = 0;
    const soon = await this.claims.find({
      where: {
        status: 'claimed',
        remindedAt: IsNull(),
        expiresAt: Between(new Date(now.getTime() + 1), new Date(now.getTime() + REMIND_BEFORE_MS)),
      },
      relations: CLAIM_RELATIONS,
      take: SWEEP_BATCH,
    });
    for (const claim of soon) {
      const marked = await this.claims.update({ id: claim.id, remindedAt: IsNull() }, { remindedAt: now });
      if (!marked.affected) continue;
      reminded++;
      await this.notifications.notify(claim.userId, {
        kind: 'claim_expiring',
        title: '福利即将过期',
        body: `你领取的「${claim.benefit!.title}」请在 ${formatShanghai(claim.expiresAt)} 前到「${claim.station!.name}」领取，领取码 ${claim.code}。`,
        page: `packages/care/pages/claim/index?id=${claim.id}`,
        subscribe: {
          template: 'claim_expiring',
          data: {
            thing1: claim.benefit!.title.slice(0, 20),
            thing2: claim.station!.name.slice(0, 20),
            time3: formatShanghai(claim.expiresAt),
          },
        },
      });
    }
    return { expired, reminded };
  }

  /** Closes a waiting claim and returns its pack, atomically; false when it was no longer waiting. */
  private async close(
    claim: Pick<Claim, 'id' | 'benefitId'>,
    status: 'cancelled' | 'expired',
    now = new Date(),
  ): Promise<boolean> {
    return withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const closed = await manager.update(
          Claim,
          { id: claim.id, status: 'claimed' },
          { status, activeKey: null, closedAt: now },
        );
        if (!closed.affected) return false;
        await manager
          .createQueryBuilder()
          .update(Benefit)
          .set({ remainingStock: () => 'remaining_stock + 1' })
          .where('id = :id', { id: claim.benefitId })
          .updateEntity(false)
          .execute();
        return true;
      }),
    );
  }

  private async notRedeemable(id: number): Promise<AppException> {
    const claim = await this.claims.findOneByOrFail({ id });
    switch (claim.status) {
      case 'redeemed': {
        const by = claim.redeemedBy ? await this.users.findOneBy({ id: claim.redeemedBy }) : null;
        return new AppException(
          'ALREADY_REDEEMED',
          `已于 ${formatShanghai(claim.redeemedAt!)} 由 ${by?.realName ?? by?.nickname ?? '工作人员'} 核销`,
        );
      }
      case 'cancelled':
        return new AppException('CLAIM_CANCELLED', '该领取码已被取消');
      case 'expired':
      case 'claimed': // still waiting, but past its deadline: the sweep will expire it
        return new AppException('CLAIM_EXPIRED', '该领取码已过领取截止时间');
      case PENDING: // found before it was withdrawn for want of a pack
        return AppException.notFound('领取码不存在，请核对后重试');
    }
  }

  private async redemptionView(id: number): Promise<RedemptionView> {
    const claim = await this.claims.findOneOrFail({ where: { id }, relations: CLAIM_RELATIONS });
    const [worker, staff] = await Promise.all([
      this.users.findOneBy({ id: claim.userId }),
      claim.redeemedBy ? this.users.findOneBy({ id: claim.redeemedBy }) : null,
    ]);
    return {
      claimId: claim.id,
      benefit: { id: claim.benefit!.id, title: claim.benefit!.title, kind: claim.benefit!.kind },
      station: { id: claim.station!.id, name: claim.station!.name },
      workerName: maskName(worker?.realName),
      workerPhone: worker?.phoneCipher ? maskPhone(this.cipher.decrypt(worker.phoneCipher)) : null,
      redeemedAt: claim.redeemedAt!.toISOString(),
      redeemedBy: staff?.realName ?? staff?.nickname ?? '工作人员',
    };
  }

  private async own(userId: number, id: number): Promise<Claim> {
    const claim = await this.claims.findOneBy({ id, userId, status: Not(PENDING) });
    if (!claim) throw AppException.notFound('领取记录不存在');
    return claim;
  }

  /** Claims as workers see them, in one plain statement: every claim answered in a rush carries one. */
  private async views(condition: string, params: unknown[]): Promise<ClaimView[]> {
    const rows = await hotQuery<ClaimViewRow>(
      this.dataSource,
      `${CLAIM_VIEW_SQL} WHERE ${condition}`,
      params,
    );
    return rows.map(claimViewOfRow);
  }

  private async view(condition: string, params: unknown[]): Promise<ClaimView> {
    const [view] = await this.views(condition, params);
    if (!view) throw AppException.notFound('领取记录不存在');
    return view;
  }

  /**
   * Takes one pack for the pending claim `code` and marks the claim claimed, as one atomic step; false when
   * no pack is left. On MySQL/MariaDB it is a single autocommit statement, whose locks last as long as it.
   */
  private takePack(benefitId: number, code: string): Promise<boolean> {
    if (isMysql(this.dataSource)) {
      return withDeadlockRetry(
        async () => (await hotWrite(this.dataSource, TAKE_PACK_SQL, [code, benefitId])) > 0,
      );
    }
    // SQLite (the embedded demo) has no multi-table UPDATE: the same two changes in one transaction.
    return this.dataSource
      .transaction(async (manager) => {
        const marked = await hotExecute(
          manager,
          "UPDATE care_claims SET status = 'claimed' WHERE code = ? AND benefit_id = ? AND status = 'pending'",
          [code, benefitId],
        );
        const taken =
          marked &&
          (await hotExecute(
            manager,
            'UPDATE care_benefits SET remaining_stock = remaining_stock - 1 WHERE id = ? AND remaining_stock > 0',
            [benefitId],
          ));
        if (!taken) throw new OutOfStock(); // rolls the status back
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof OutOfStock) return false;
        throw error;
      });
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
    if (await this.takePack(benefitId, code)) {
      return { created: true, claim: await this.view('c.code = ?', [code]) };
    }
    // One read answers both questions: is it still pending, and if not, what the worker sees.
    const [row] = await hotQuery<ClaimViewRow>(this.dataSource, `${CLAIM_VIEW_SQL} WHERE c.code = ?`, [code]);
    if (!row) return null;
    if ((row.status as string) !== PENDING) return { created: false, claim: claimViewOfRow(row) };
    await withDeadlockRetry(() =>
      hotWrite(this.dataSource, "DELETE FROM care_claims WHERE code = ? AND status = 'pending'", [code]),
    );
    throw outOfStock();
  }

  private rulesOf(benefitId: number): Promise<BenefitRules> {
    return this.rules.get(benefitId, () => this.loadRules(benefitId));
  }

  private async loadRules(benefitId: number): Promise<BenefitRules> {
    const benefit = await this.benefitRepo.findOne({
      where: { id: benefitId },
      relations: { stations: true, audienceOrg: true },
    });
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

function outOfStock(): AppException {
  return new AppException('OUT_OF_STOCK');
}

function formatShanghai(at: Date): string {
  return at.toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function window(benefit: Benefit): string {
  return `${formatShanghai(benefit.claimStartsAt)} 至 ${formatShanghai(benefit.claimEndsAt)}`;
}
