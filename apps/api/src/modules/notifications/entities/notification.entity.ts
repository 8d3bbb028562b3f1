import type { NotificationKind } from '@jingcai/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn } from '../../../common/database/columns';

/** What happened to the WeChat subscribe message that went with an inbox entry. */
export type SubscribeDelivery = 'sent' | 'refused' | 'failed' | 'not_configured';

@Entity('notifications')
@Index('idx_notifications_user', ['userId', 'id'])
export class Notification {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ type: 'varchar', length: 32 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 64 })
  title!: string;

  @Column({ type: 'varchar', length: 255 })
  body!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  page!: string | null;

  @DateTimeColumn({ name: 'read_at', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'subscribe_delivery', type: 'varchar', length: 16, nullable: true })
  subscribeDelivery!: SubscribeDelivery | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
