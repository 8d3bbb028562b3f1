import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonalDataSectionView } from '@jingcai/shared';
import { DataSource } from 'typeorm';
import { iso, type PersonalDataPart } from '../../common/personal-data';
import { Notification } from './entities/notification.entity';

/** The in-app inbox in a worker's data copy; deleted with the account (nobody else reads it). */
@Injectable()
export class NotificationsPersonalDataRepository implements PersonalDataPart {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exportOf(userId: number): Promise<PersonalDataSectionView[]> {
    const rows = await this.dataSource.getRepository(Notification).find({ where: { userId }, order: { id: 'ASC' } });
    return [
      {
        key: 'notifications',
        title: '消息',
        rows: rows.map((n) => ({ kind: n.kind, title: n.title, body: n.body, read: n.readAt !== null, createdAt: iso(n.createdAt) })),
      },
    ];
  }

  async eraseOf(userId: number): Promise<void> {
    await this.dataSource.getRepository(Notification).delete({ userId });
  }
}
