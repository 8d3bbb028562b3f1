import type { ApplicationHistoryAction, ReviewStep } from '@jingcai/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../../../common/database/columns';

/** A line of an application's review history; the internal note or return reason only as ciphertext. */
@Entity('assistance_events')
@Index('idx_assistance_events_application', ['applicationId', 'id'])
export class AssistanceEvent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'application_id', type: 'int' })
  applicationId!: number;

  @Column({ type: 'varchar', length: 16 })
  action!: ApplicationHistoryAction;

  @Column({ type: 'varchar', length: 8, nullable: true })
  step!: ReviewStep | null;

  @Column({ name: 'actor_id', type: 'int' })
  actorId!: number;

  @Column({ name: 'note_cipher', type: 'text', nullable: true })
  noteCipher!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
