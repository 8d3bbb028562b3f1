import type { ApplicationStatus, WorkerCategory } from '@jingcai/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn } from '../../../common/database/columns';
import { Org } from '../../orgs/entities/org.entity';

@Entity('membership_applications')
@Index('idx_membership_applications_user', ['userId', 'id'])
@Index('idx_membership_applications_status', ['status', 'id'])
export class MembershipApplication {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  /**
   * The applicant's id while the application is pending, NULL once decided. Its unique index is what
   * guarantees one pending application per worker, even when two submissions race.
   */
  @Index('uq_membership_applications_pending', { unique: true })
  @Column({ name: 'pending_user_id', type: 'int', nullable: true })
  pendingUserId!: number | null;

  @Column({ name: 'real_name', type: 'varchar', length: 32 })
  realName!: string;

  @Column({ name: 'phone_cipher', type: 'varchar', length: 255 })
  phoneCipher!: string;

  @Column({ name: 'phone_hash', type: 'varchar', length: 64 })
  phoneHash!: string;

  @Column({ name: 'org_id', type: 'int', nullable: true })
  orgId!: number | null;

  @ManyToOne(() => Org, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'org_id' })
  org?: Relation<Org> | null;

  @Column({ name: 'org_not_listed', type: 'varchar', length: 100, nullable: true })
  orgNotListed!: string | null;

  @Column({ type: 'varchar', length: 32 })
  category!: WorkerCategory;

  @Column({ type: 'varchar', length: 30, nullable: true })
  platform!: string | null;

  @Column({ name: 'proof_upload_id', type: 'varchar', length: 32, nullable: true })
  proofUploadId!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: ApplicationStatus;

  @Column({ name: 'reject_reason', type: 'varchar', length: 200, nullable: true })
  rejectReason!: string | null;

  @Column({ name: 'member_no', type: 'varchar', length: 32, nullable: true })
  memberNo!: string | null;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy!: number | null;

  @DateTimeColumn({ name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
