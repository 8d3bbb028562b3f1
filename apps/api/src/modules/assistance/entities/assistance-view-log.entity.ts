import type { ViewLogAction } from '@jingcai/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../../../common/database/columns';

/** Every time staff read an application's sensitive fields (a view, or an admin's export that included them). */
@Entity('assistance_view_logs')
@Index('idx_assistance_view_logs_application', ['applicationId', 'id'])
export class AssistanceViewLog {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'application_id', type: 'int' })
  applicationId!: number;

  @Column({ name: 'viewer_id', type: 'int' })
  viewerId!: number;

  @Column({ type: 'varchar', length: 8 })
  action!: ViewLogAction;

  @CreatedAtColumn()
  createdAt!: Date;
}
