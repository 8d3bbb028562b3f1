import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { Notification, type SubscribeDelivery } from './entities/notification.entity';

/** The notifications table's statements: a worker's inbox. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectRepository(Notification) private readonly notifications: Repository<Notification>) {}

  /** Stores a notification; answers its id. */
  async insert(notification: Pick<Notification, 'userId' | 'kind' | 'title' | 'body' | 'page'>): Promise<number> {
    const inserted = await this.notifications.insert(notification);
    return Number(inserted.identifiers[0].id);
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
    await this.notifications.update(id, { subscribeDelivery: delivery });
  }
}
