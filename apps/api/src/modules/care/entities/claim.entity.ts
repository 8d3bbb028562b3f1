import type { ClaimStatus } from '@jingcai/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn } from '../../../common/database/columns';
import { Benefit } from './benefit.entity';
import { Station } from './station.entity';

@Entity('care_claims')
@Index('idx_care_claims_user', ['userId', 'id'])
@Index('idx_care_claims_expiry', ['status', 'expiresAt'])
@Index('idx_care_claims_station', ['benefitId', 'stationId', 'status'])
@Index('idx_care_claims_trend', ['benefitId', 'createdAt', 'redeemedAt', 'status'])
export class Claim {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'benefit_id', type: 'int' })
  benefitId!: number;

  /**
   * No foreign key: through it every claim's INSERT would share-lock the benefit row that a release rush
   * contends for (migration ClaimStockLock).
   */
  @ManyToOne(() => Benefit, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'benefit_id' })
  benefit?: Relation<Benefit>;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'station_id', type: 'int' })
  stationId!: number;

  @ManyToOne(() => Station, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'station_id' })
  station?: Relation<Station>;

  @Index('uq_care_claims_code', { unique: true })
  @Column({ type: 'varchar', length: 12 })
  code!: string;

  @Column({ type: 'varchar', length: 16, default: 'claimed' })
  status!: ClaimStatus | typeof PENDING;

  /**
   * `benefitId:userId` while the claim waits for pickup, NULL afterwards. Its unique index makes a
   * double tap or a retry land on the same claim, whichever API instance receives it.
   */
  @Index('uq_care_claims_active', { unique: true })
  @Column({ name: 'active_key', type: 'varchar', length: 32, nullable: true })
  activeKey!: string | null;

  @DateTimeColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @DateTimeColumn({ name: 'reminded_at', nullable: true })
  remindedAt!: Date | null;

  @DateTimeColumn({ name: 'redeemed_at', nullable: true })
  redeemedAt!: Date | null;

  @Column({ name: 'redeemed_by', type: 'int', nullable: true })
  redeemedBy!: number | null;

  @DateTimeColumn({ name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}

/**
 * A claim between its INSERT and taking its pack: milliseconds, unless its instance stopped in between
 * (the sweep withdraws those). It holds no pack, and no one ever sees it.
 */
export const PENDING = 'pending';

export function activeKeyOf(benefitId: number, userId: number): string {
  return `${benefitId}:${userId}`;
}
