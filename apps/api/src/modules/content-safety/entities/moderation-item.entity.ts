import type { ModerationReason, ModerationStatus } from '@jingcai/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn } from '../../../common/database/columns';

/**
 * A piece of worker content waiting for a verdict: WeChat said `review`, WeChat could not be asked, or
 * an image check is under way. The subject (`subjectType` + `subjectId`) stays unpublished until the
 * item is approved; the owning feature applies the decision through its registered handler.
 */
@Entity('moderation_items')
@Index('idx_moderation_items_status', ['status', 'id'])
@Index('idx_moderation_items_subject', ['subjectType', 'subjectId'])
export class ModerationItem {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 64 })
  subjectId!: string;

  @Column({ name: 'author_id', type: 'int' })
  authorId!: number;

  /** The author's org when submitted: staff moderate their own subtree. */
  @Column({ name: 'org_id', type: 'int', nullable: true })
  orgId!: number | null;

  @Column({ type: 'varchar', length: 8 })
  kind!: 'text' | 'image';

  /** The text under review, or the upload id of the image. */
  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'varchar', length: 24 })
  reason!: ModerationReason;

  @Index('idx_moderation_items_trace')
  @Column({ name: 'trace_id', type: 'varchar', length: 64, nullable: true })
  traceId!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: ModerationStatus;

  @Column({ name: 'decided_by', type: 'int', nullable: true })
  decidedBy!: number | null;

  @DateTimeColumn({ name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
