import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { shanghaiDaySql } from '../../common/database/shanghai-day';
import { Claim, PENDING } from './entities/claim.entity';

/** Counts per Shanghai day. */
export interface DayCount {
  day: string;
  count: number;
}

/**
 * The dashboard's care figures, each one range of idx_care_claims_trend (benefit_id, created_at,
 * redeemed_at, status), which holds every column they read (migration DashboardIndexes).
 */
@Injectable()
export class CareStatsRepository {
  constructor(@InjectRepository(Claim) private readonly claims: Repository<Claim>) {}

  /** Packs claimed per day in [from, to) (pending claims hold no pack and are left out). */
  claimedPerDay(benefitId: number, from: Date, to: Date): Promise<DayCount[]> {
    return this.perDay('c.created_at', benefitId, from, to, 'c.status <> :pending', { pending: PENDING });
  }

  /** Packs handed out per day in [from, to). */
  redeemedPerDay(benefitId: number, from: Date, to: Date): Promise<DayCount[]> {
    return this.perDay('c.redeemed_at', benefitId, from, to);
  }

  private async perDay(
    column: string,
    benefitId: number,
    from: Date,
    to: Date,
    condition = '1 = 1',
    parameters: Record<string, string> = {},
  ): Promise<DayCount[]> {
    const day = shanghaiDaySql(this.claims.manager.connection, column);
    const rows = await this.claims
      .createQueryBuilder('c')
      .select(day, 'day')
      .addSelect('COUNT(*)', 'count')
      .where(`c.benefit_id = :benefitId AND ${column} >= :from AND ${column} < :to`, { benefitId, from, to })
      .andWhere(condition, parameters)
      .groupBy(day)
      .getRawMany<{ day: string; count: string | number }>();
    return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
  }
}
