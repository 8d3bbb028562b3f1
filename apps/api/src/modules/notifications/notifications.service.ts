import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type {
  NotificationKind,
  NotificationPage,
  NotificationView,
  SubscribeTemplate,
} from '@jingcai/shared';
import { In, IsNull, Repository } from 'typeorm';
import type { PageQuery } from '../../common/http/pagination';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { User } from '../users/entities/user.entity';
import { WechatClient } from '../wechat/wechat.client';
import { Notification, type SubscribeDelivery } from './entities/notification.entity';

export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  page?: string;
  /** The WeChat subscribe message to send along, when the worker allowed it. */
  subscribe?: { template: SubscribeTemplate; data: Record<string, string> };
}

/**
 * The inbox plus WeChat subscribe messages. Callers notify AFTER their own transaction commits, and
 * `notify` never throws: a notification that cannot be written or sent is logged, never the reason an
 * approval or a claim fails. The WeChat send runs in the background so the worker's request is not held
 * up by WeChat; `drain()` waits for sends under way (tests, shutdown).
 */
@Injectable()
export class NotificationsService implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly sending = new Set<Promise<void>>();

  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wechat: WechatClient,
  ) {}

  async notify(userId: number, message: NotificationMessage): Promise<void> {
    let id: number;
    try {
      const inserted = await this.notifications.insert({
        userId,
        kind: message.kind,
        title: message.title,
        body: message.body,
        page: message.page ?? null,
      });
      id = Number(inserted.identifiers[0].id);
    } catch (error) {
      this.logger.error(
        `could not store a ${message.kind} notification for user ${userId}: ${String(error)}`,
      );
      return;
    }
    if (!message.subscribe) return;
    const send = this.sendSubscribe(id, userId, message).finally(() => this.sending.delete(send));
    this.sending.add(send);
  }

  async drain(): Promise<void> {
    while (this.sending.size) await Promise.all([...this.sending]);
  }

  onApplicationShutdown(): Promise<void> {
    return this.drain();
  }

  async list(userId: number, query: PageQuery): Promise<NotificationPage> {
    const [rows, total] = await this.notifications.findAndCount({
      where: { userId },
      order: { id: 'DESC' },
      skip: query.skip,
      take: query.pageSize,
    });
    return {
      items: rows.map(toNotificationView),
      total,
      unread: await this.unread(userId),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async markRead(userId: number, ids?: number[]): Promise<{ unread: number }> {
    await this.notifications.update(
      { userId, readAt: IsNull(), ...(ids ? { id: In(ids) } : {}) },
      { readAt: new Date() },
    );
    return { unread: await this.unread(userId) };
  }

  private unread(userId: number): Promise<number> {
    return this.notifications.countBy({ userId, readAt: IsNull() });
  }

  private async sendSubscribe(id: number, userId: number, message: NotificationMessage): Promise<void> {
    const { template, data } = message.subscribe!;
    const templateId = this.config.wechat.subscribeTemplates[template];
    let delivery: SubscribeDelivery = 'not_configured';
    if (templateId) {
      try {
        const user = await this.users.findOne({ select: { id: true, openid: true }, where: { id: userId } });
        delivery = user
          ? await this.wechat.sendSubscribeMessage({
              openid: user.openid,
              templateId,
              page: message.page ?? 'pages/home/index',
              data,
            })
          : 'failed';
      } catch (error) {
        delivery = 'failed';
        this.logger.warn(`subscribe message for notification ${id} failed: ${String(error)}`);
      }
    }
    await this.notifications.update(id, { subscribeDelivery: delivery }).catch(() => undefined);
  }
}

function toNotificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    page: n.page,
    read: n.readAt !== null,
    createdAt: n.createdAt.toISOString(),
  };
}
