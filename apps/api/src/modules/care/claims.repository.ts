import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { ClaimStatus, ClaimView } from '@jingcai/shared';
import { Between, DataSource, In, IsNull, LessThan, LessThanOrEqual, Not, Repository } from 'typeorm';
import { withDeadlockRetry } from '../../common/database/deadlock-retry';
import { hotExecute, hotQuery, hotWrite, isMysql } from '../../common/database/hot-query';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { claimViewOfRow, type ClaimViewRow } from './care.mapper';
import { Benefit } from './entities/benefit.entity';
import { Claim, PENDING } from './entities/claim.entity';

/**
 * A claim as a worker sees it, in one plain statement: every claim answered in a release rush carries it,
 * and loading the two relations through TypeORM's query builder cost ~1 ms of CPU a time (tests/bench/claims).
 */
const CLAIM_VIEW_SQL = `SELECT c.id, c.code, c.status, c.expires_at AS expiresAt, c.created_at AS claimedAt,
    c.redeemed_at AS redeemedAt, b.id AS benefitId, b.title, b.kind, s.id AS stationId, s.name AS stationName,
    s.address, s.hours, s.latitude, s.longitude
  FROM care_claims c JOIN care_benefits b ON b.id = c.benefit_id JOIN care_stations s ON s.id = c.station_id`;
const VIEW_BY_ID_SQL = `${CLAIM_VIEW_SQL} WHERE c.id = ?`;
const VIEW_BY_CODE_SQL = `${CLAIM_VIEW_SQL} WHERE c.code = ?`;
const WORKER_VIEW_SQL = `${CLAIM_VIEW_SQL} WHERE c.id = ? AND c.user_id = ? AND c.status <> 'pending'`;
const WORKER_VIEWS_SQL = `${CLAIM_VIEW_SQL} WHERE c.user_id = ? AND c.status <> 'pending' ORDER BY c.id DESC LIMIT 50`;
const HELD_SQL =
  "SELECT id, status, code FROM care_claims WHERE user_id = ? AND benefit_id = ? AND status IN ('pending', 'claimed', 'redeemed')";
const INSERT_PENDING_SQL = `INSERT INTO care_claims (benefit_id, user_id, station_id, code, status, active_key, expires_at)
  VALUES (?, ?, ?, ?, 'pending', ?, ?)`;
const KEY_HOLDER_SQL = 'SELECT code FROM care_claims WHERE active_key = ?';
const TAKE_PACK_SQL = `UPDATE care_benefits b JOIN care_claims c ON c.code = ?
  SET b.remaining_stock = b.remaining_stock - 1, c.status = 'claimed'
  WHERE b.id = ? AND b.remaining_stock > 0 AND c.benefit_id = b.id AND c.status = 'pending'`;
const WITHDRAW_SQL = "DELETE FROM care_claims WHERE code = ? AND status = 'pending'";
const CLAIM_RELATIONS = { benefit: true, station: true } as const;

/** A claim of the worker's that waits for a pack, waits for pickup or was picked up. */
export interface HeldClaim {
  id: number;
  status: ClaimStatus | typeof PENDING;
  code: string;
}

/** How many of a benefit's claims a station has, by status. */
export interface StationClaimCount {
  stationId: number;
  status: ClaimStatus;
  count: number;
}

/** A person as staff see them on a claim. */

/** The new claim to write as pending, before it takes a pack. */
export interface PendingClaim {
  benefitId: number;
  userId: number;
  stationId: number;
  code: string;
  activeKey: string;
  expiresAt: Date;
}

class OutOfStock extends Error {}

/**
 * The care_claims table's statements. The claim path's are plain SQL (hotQuery/hotWrite), each its own
 * autocommit statement: the benefit row a release rush queues on is locked only inside one statement.
 */
@Injectable()
export class ClaimsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Claim) private readonly claims: Repository<Claim>,
  ) {}

  // --- The claim path (one release rush runs these thousands of times a second) ---

  /** The worker's claims of the benefit that are pending, waiting for pickup or picked up. */
  async held(userId: number, benefitId: number): Promise<HeldClaim[]> {
    return hotQuery<HeldClaim>(this.dataSource, HELD_SQL, [userId, benefitId]);
  }

  /** Writes the claim as pending (no pack yet); a unique violation when its code or active key is taken. */
  async insertPending(claim: PendingClaim): Promise<void> {
    const values = [
      claim.benefitId,
      claim.userId,
      claim.stationId,
      claim.code,
      claim.activeKey,
      claim.expiresAt,
    ];
    await withDeadlockRetry(() => hotWrite(this.dataSource, INSERT_PENDING_SQL, values));
  }

  /** The code of the claim holding `activeKey`, null when none does. */
  async codeHolding(activeKey: string): Promise<string | null> {
    const [holder] = await hotQuery<{ code: string }>(this.dataSource, KEY_HOLDER_SQL, [activeKey]);
    return holder?.code ?? null;
  }

  /**
   * Takes one pack for the pending claim `code` and marks the claim claimed, as one atomic step; false when
   * no pack is left. On MySQL/MariaDB it is a single autocommit statement, whose locks last as long as it.
   */
  takePack(benefitId: number, code: string): Promise<boolean> {
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

  /** Deletes the claim `code` if it is still pending (it holds no pack). */
  async withdrawPending(code: string): Promise<void> {
    await withDeadlockRetry(() => hotWrite(this.dataSource, WITHDRAW_SQL, [code]));
  }

  /**
   * The claim `code` in one read: PENDING while it waits for a pack, else as its worker sees it; null once
   * it was withdrawn.
   */
  async stateByCode(code: string): Promise<ClaimView | typeof PENDING | null> {
    const [row] = await hotQuery<ClaimViewRow>(this.dataSource, VIEW_BY_CODE_SQL, [code]);
    if (!row) return null;
    return (row.status as string) === PENDING ? PENDING : claimViewOfRow(row);
  }

  // --- Claims as workers see them (plain statements: every claim answered in a rush carries one) ---

  viewById(id: number): Promise<ClaimView | null> {
    return this.view(VIEW_BY_ID_SQL, [id]);
  }

  viewByCode(code: string): Promise<ClaimView | null> {
    return this.view(VIEW_BY_CODE_SQL, [code]);
  }

  /** The worker's own claim, null when it is someone else's or still pending. */
  workerView(userId: number, id: number): Promise<ClaimView | null> {
    return this.view(WORKER_VIEW_SQL, [id, userId]);
  }

  /** The worker's latest 50 claims, newest first. */
  async workerViews(userId: number): Promise<ClaimView[]> {
    return (await hotQuery<ClaimViewRow>(this.dataSource, WORKER_VIEWS_SQL, [userId])).map(claimViewOfRow);
  }

  // --- Single claims, for cancelling and redeeming ---

  /** The worker's own claim (not a pending one), or null. */
  workerClaim(userId: number, id: number): Promise<Claim | null> {
    return this.claims.findOneBy({ id, userId, status: Not(PENDING) });
  }

  /** The claim with the pickup code `code` (not a pending one), with its benefit and station and org. */
  byCode(code: string): Promise<Claim | null> {
    return this.claims.findOne({
      where: { code, status: Not(PENDING) },
      relations: { benefit: true, station: { org: true } },
    });
  }

  byId(id: number): Promise<Claim> {
    return this.claims.findOneByOrFail({ id });
  }

  /** The claim with its benefit and station. */
  withPlaces(id: number): Promise<Claim> {
    return this.claims.findOneOrFail({ where: { id }, relations: CLAIM_RELATIONS });
  }

  /** Marks a waiting claim within its deadline redeemed; false when it was not (any longer) redeemable. */
  async markRedeemed(id: number, staffId: number, now: Date): Promise<boolean> {
    const result = await this.claims
      .createQueryBuilder()
      .update()
      .set({ status: 'redeemed', redeemedAt: now, redeemedBy: staffId, activeKey: null, closedAt: now })
      .where('id = :id AND status = :status AND expires_at > :now', { id, status: 'claimed', now })
      .execute();
    return Boolean(result.affected);
  }

  /** Ids of the claims redeemed since `start` at stations in the scope, latest first (at most 200). */
  async redeemedSince(scope: OrgScope, start: Date): Promise<number[]> {
    const rows = await this.claims
      .createQueryBuilder('c')
      .innerJoin('c.station', 's')
      .innerJoin('s.org', 'o')
      .select('c.id')
      .where('c.status = :status AND c.redeemed_at >= :start', { status: 'redeemed', start })
      .andWhere(...OrgScopeService.pathCondition(scope, 'o.path'))
      .orderBy('c.redeemedAt', 'DESC')
      .limit(200)
      .getMany();
    return rows.map((c) => c.id);
  }

  /**
   * Closes a waiting claim and returns its pack, in one transaction (run again if InnoDB picks it as a
   * deadlock victim); false when it was no longer waiting.
   */
  closeAndReturnStock(
    claim: Pick<Claim, 'id' | 'benefitId'>,
    status: 'cancelled' | 'expired',
    now: Date,
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

  // --- The sweep ---

  /** Deletes pending claims created before `before` (they hold no pack). */
  async deletePendingBefore(before: Date): Promise<void> {
    await this.claims.delete({ status: PENDING, createdAt: LessThan(before) });
  }

  /** Waiting claims whose pickup deadline has passed. */
  dueToExpire(now: Date, take: number): Promise<Pick<Claim, 'id' | 'benefitId' | 'status'>[]> {
    return this.claims.find({
      select: { id: true, benefitId: true, status: true },
      where: { status: 'claimed', expiresAt: LessThanOrEqual(now) },
      take,
    });
  }

  /** Waiting, not yet reminded claims whose deadline falls in (from, to], with benefit and station. */
  dueForReminder(from: Date, to: Date, take: number): Promise<Claim[]> {
    return this.claims.find({
      where: { status: 'claimed', remindedAt: IsNull(), expiresAt: Between(from, to) },
      relations: CLAIM_RELATIONS,
      take,
    });
  }

  /** Marks the claim reminded; false when another sweep did first. */
  async markReminded(id: number, now: Date): Promise<boolean> {
    const marked = await this.claims.update({ id, remindedAt: IsNull() }, { remindedAt: now });
    return Boolean(marked.affected);
  }

  // --- A benefit's claims, for its managers and the benefit list ---

  /** Every claim of the benefit but the pending ones, oldest first. */
  settledOf(benefitId: number): Promise<Claim[]> {
    return this.claims.find({ where: { benefitId, status: Not(PENDING) }, order: { id: 'ASC' } });
  }

  /** The benefit's claims (pending ones aside) counted by station and status. */
  async countsByStation(benefitId: number): Promise<StationClaimCount[]> {
    const rows = await this.claims
      .createQueryBuilder('c')
      .select('c.station_id', 'stationId')
      .addSelect('c.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('c.benefit_id = :id AND c.status <> :pending', { id: benefitId, pending: PENDING })
      .groupBy('c.station_id')
      .addGroupBy('c.status')
      .getRawMany<{ stationId: number | string; status: ClaimStatus; count: number | string }>();
    return rows.map((r) => ({ stationId: Number(r.stationId), status: r.status, count: Number(r.count) }));
  }

  /** The worker's claims of these benefits that count against the per-person limit. */
  countingOf(userId: number, benefitIds: number[]): Promise<Claim[]> {
    if (!benefitIds.length) return Promise.resolve([]);
    return this.claims.find({
      where: { userId, benefitId: In(benefitIds), status: In(['claimed', 'redeemed']) },
    });
  }

  /**
   * Names and phones (encrypted) of claimants and redeemers, for staff. The users feature exports no such read
   * yet (UsersRepository.facts carries no phone); until it does, this is care's one read of `users`, through
   * the entity so a renamed column fails the build.
   */
  private async view(sql: string, params: unknown[]): Promise<ClaimView | null> {
    const [row] = await hotQuery<ClaimViewRow>(this.dataSource, sql, params);
    return row ? claimViewOfRow(row) : null;
  }
}
