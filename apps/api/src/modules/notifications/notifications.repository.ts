import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { hotInsert, hotWrite } from '../../common/database/hot-query';
import { Notification, type SubscribeDelivery } from './entities/notification.entity';

const INSERT_SQL = 'INSERT INTO notifications (user_id, kind, title, body, page) VALUES (?, ?, ?, ?, ?)';
const SET_DELIVERY_SQL = 'UPDATE notifications SET subscribe_delivery = ? WHERE id = ?';

/** The notifications table's statements: a worker's inbox. */
@Injectable()
export class NotificationsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
  ) {}

  /**
   * Stores a notification; answers its id. Plain SQL, as `setDelivery`: a claim rush stores one for every pack
   * taken, and TypeORM's insert and update were most of what a claim's notice cost (tests/bench/claims).
   */
  insert(n: Pick<Notification, 'userId' | 'kind' | 'title' | 'body' | 'page'>): Promise<number> {
    return hotInsert(this.dataSource, INSERT_SQL, [n.userId, n.kind, n.title, n.body, n.page]);
  }

  /** A page of the worker's inbox, newest first, with the total. */
  pageOf(userId: number, skip: number, take: number): Promise<[Notification[], number]> {
    return this.notifications.findAndCount({ where: { userId }, order: { id: 'DESC' }, skip, take });
  }

  /** Marks these (or, without ids, all) of the worker's unread notifications read. */
  async markRead(userId: number, ids: number[] | undefined, at: Date): Promise<void> {
    await this.notifications.update(
      { userId, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) },
      { readAt: at },
    );
  }

  unreadCount(userId: number): Promise<number> {
    return this.notifications.countBy({ userId, readAt: IsNull() });
  }

  async setDelivery(id: number, delivery: SubscribeDelivery): Promise<void> {
    await hotWrite(this.dataSource, SET_DELIVERY_SQL, [delivery, id]);
  }
}
