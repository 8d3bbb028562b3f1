import type { FeedbackCategory, FeedbackStatus } from '@jingcai/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  CodeListColumn,
  CreatedAtColumn,
  DateTimeColumn,
  UpdatedAtColumn,
} from '../../../common/database/columns';

/** A complaint or suggestion (投诉建议) and the union's reply. */
@Entity('feedback')
@Index('idx_feedback_sender', ['userId', 'id'])
@Index('idx_feedback_queue', ['orgPath', 'status', 'dueAt'])
export class Feedback {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  /** The sender's verified org when they wrote: staff of its subtree answer it (null: the district's). */
  @Column({ name: 'org_id', type: 'int', nullable: true })
  orgId!: number | null;

  @Column({ name: 'org_path', type: 'varchar', length: 255, nullable: true })
  orgPath!: string | null;

  @Column({ type: 'varchar', length: 16 })
  category!: FeedbackCategory;

  /** Emptied by the erasure sweep when the sender deletes their account. */
  @Column({ type: 'text' })
  text!: string;

  @CodeListColumn({ name: 'photo_ids' })
  photoIds!: string[];

  @Column({ name: 'wants_contact', type: 'boolean', default: false })
  wantsContact!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: FeedbackStatus;

  /** 5 working days after sending; an open item past it is overdue. */
  @DateTimeColumn({ name: 'due_at' })
  dueAt!: Date;

  @Column({ type: 'text', nullable: true })
  reply!: string | null;

  @Column({ name: 'replied_by', type: 'int', nullable: true })
  repliedBy!: number | null;

  @DateTimeColumn({ name: 'replied_at', nullable: true })
  repliedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
