import type { RegisterStatus } from '@jingcai/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../../common/database/columns';

/** A family on the register of workers in hardship (建档), reviewed once a year. */
@Entity('assistance_register')
@Index('idx_assistance_register_scope', ['orgPath', 'status', 'reviewDueAt'])
@Index('idx_assistance_register_due', ['status', 'reviewDueAt'])
export class AssistanceRegisterEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  /** `userId` while active, NULL once closed: a family is on the register once. */
  @Index('uq_assistance_register_active', { unique: true })
  @Column({ name: 'active_key', type: 'int', nullable: true })
  activeKey!: number | null;

  @Column({ name: 'org_id', type: 'int' })
  orgId!: number;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  @Column({ name: 'street_org_id', type: 'int' })
  streetOrgId!: number;

  @Column({ type: 'varchar', length: 8 })
  status!: RegisterStatus;

  /** The application whose grant put the family here; null when staff registered them directly. */
  @Column({ name: 'application_id', type: 'int', nullable: true })
  applicationId!: number | null;

  @Column({ name: 'registered_by', type: 'int' })
  registeredBy!: number;

  @Column({ name: 'note_cipher', type: 'text', nullable: true })
  noteCipher!: string | null;

  @DateTimeColumn({ name: 'review_due_at' })
  reviewDueAt!: Date;

  /** The due date staff were last reminded of: one reminder per yearly review. */
  @DateTimeColumn({ name: 'reminded_for', nullable: true })
  remindedFor!: Date | null;

  @DateTimeColumn({ name: 'last_reviewed_at', nullable: true })
  lastReviewedAt!: Date | null;

  @DateTimeColumn({ name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
