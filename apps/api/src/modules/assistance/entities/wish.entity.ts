import type { HandOverKind, WishStatus } from '@jingcai/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../../common/database/columns';

/**
 * A 微心愿: written by a family on the register (or staff for them), vetted, then on the wall until exactly
 * one donor claims it (a conditional UPDATE on `status = 'open'`).
 */
@Entity('assistance_wishes')
@Index('idx_assistance_wishes_wall', ['status', 'publishedAt'])
@Index('idx_assistance_wishes_scope', ['orgPath', 'status'])
@Index('idx_assistance_wishes_beneficiary', ['beneficiaryId', 'id'])
@Index('idx_assistance_wishes_donor', ['donorUserId', 'id'])
export class Wish {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'beneficiary_id', type: 'int' })
  beneficiaryId!: number;

  @Column({ name: 'author_id', type: 'int' })
  authorId!: number;

  /** `beneficiaryId` until rejected or fulfilled: one wish in progress per family. */
  @Index('uq_assistance_wishes_active', { unique: true })
  @Column({ name: 'active_key', type: 'int', nullable: true })
  activeKey!: number | null;

  @Column({ name: 'org_id', type: 'int' })
  orgId!: number;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  /** The street-level union: the most the wall tells of where the family lives. */
  @Column({ name: 'street_org_id', type: 'int' })
  streetOrgId!: number;

  @Column({ type: 'varchar', length: 60 })
  title!: string;

  @Column({ type: 'text' })
  story!: string;

  /** What the wall shows: staff may rewrite the family's words in safe ones when publishing. */
  @Column({ name: 'public_title', type: 'varchar', length: 60, nullable: true })
  publicTitle!: string | null;

  @Column({ name: 'public_story', type: 'text', nullable: true })
  publicStory!: string | null;

  @Column({ name: 'amount_yuan', type: 'int' })
  amountYuan!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: WishStatus;

  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true })
  rejectReason!: string | null;

  @Column({ name: 'reviewed_by', type: 'int', nullable: true })
  reviewedBy!: number | null;

  @DateTimeColumn({ name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'hand_over_kind', type: 'varchar', length: 16, nullable: true })
  handOverKind!: HandOverKind | null;

  @Column({ name: 'hand_over_place', type: 'varchar', length: 200, nullable: true })
  handOverPlace!: string | null;

  /** The worker who claimed it, or the staff member who recorded an enterprise donor. */
  @Column({ name: 'donor_user_id', type: 'int', nullable: true })
  donorUserId!: number | null;

  @Column({ name: 'donor_enterprise', type: 'varchar', length: 60, nullable: true })
  donorEnterprise!: string | null;

  @DateTimeColumn({ name: 'claimed_at', nullable: true })
  claimedAt!: Date | null;

  @DateTimeColumn({ name: 'handed_over_at', nullable: true })
  handedOverAt!: Date | null;

  @Column({ name: 'confirmed_by', type: 'int', nullable: true })
  confirmedBy!: number | null;

  @DateTimeColumn({ name: 'fulfilled_at', nullable: true })
  fulfilledAt!: Date | null;

  /** For the union's records only: never on the wall, never shown to the donor. */
  @Column({ name: 'confirm_photo_id', type: 'varchar', length: 32, nullable: true })
  confirmPhotoId!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
