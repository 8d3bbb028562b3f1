import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  MINIAPP_PAGES,
  wechatPage,
  type NotificationKind,
  type NotificationPage,
  type NotificationView,
  type SubscribeTemplate,
} from '@jingcai/shared';
import { Clock } from '../../common/clock';
import type { PageQuery } from '../../common/http/pagination';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { WechatClient } from '../wechat/wechat.client';
import type { Notification, SubscribeDelivery } from './entities/notification.entity';
import { NotificationsRepository } from './notifications.repository';

export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  page?: string;
  /** The WeChat subscribe message to send along, when the worker allowed it. */
  subscribe?: { template: SubscribeTemplate; data: Record<string, string> };
}

/** A worker's openid, which WeChat's subscribe messages are addressed to (null: no such worker). */
export type OpenidLookup = (userId: number) => Promise<string | null>;

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
  private openidOf: OpenidLookup = () => Promise.resolve(null);

  constructor(
    private readonly notifications: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly wechat: WechatClient,
    private readonly clock: Clock,
  ) {}

  /**
   * The users feature tells us how to find a worker's openid at boot (it owns the users table and itself
   * sends notifications, so it registers here rather than being imported: no loop between the two).
   */
  useOpenids(lookup: OpenidLookup): void {
    this.openidOf = lookup;
  }

  async notify(userId: number, message: NotificationMessage): Promise<void> {
    let id: number;
    try {
      id = await this.notifications.insert({
        userId,
        kind: message.kind,
        title: message.title,
        body: message.body,
        page: message.page ?? null,
      });
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

  /**
   * `notify` without waiting for the inbox entry either, for callers on a hot path (a claim in a release
   * rush). `drain()` waits for it like for a send.
   */
  notifyLater(userId: number, message: NotificationMessage): void {
    const pending = this.notify(userId, message).finally(() => this.sending.delete(pending));
    this.sending.add(pending);
  }

  async drain(): Promise<void> {
    while (this.sending.size) await Promise.all([...this.sending]);
  }

  onApplicationShutdown(): Promise<void> {
    return this.drain();
  }

  async list(userId: number, query: PageQuery): Promise<NotificationPage> {
    const [rows, total] = await this.notifications.pageOf(userId, query.skip, query.pageSize);
    return {
      items: rows.map(toNotificationView),
      total,
      unread: await this.unread(userId),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async markRead(userId: number, ids?: number[]): Promise<{ unread: number }> {
    await this.notifications.markRead(userId, ids, this.clock.now());
    return { unread: await this.unread(userId) };
  }

  private unread(userId: number): Promise<number> {
    return this.notifications.unreadCount(userId);
  }

  private async sendSubscribe(id: number, userId: number, message: NotificationMessage): Promise<void> {
    const { template, data } = message.subscribe!;
    const templateId = this.config.wechat.subscribeTemplates[template];
    let delivery: SubscribeDelivery = 'not_configured';
    if (templateId) {
      try {
        const openid = await this.openidOf(userId);
        delivery = openid
          ? await this.wechat.sendSubscribeMessage({
              openid,
              templateId,
              page: message.page ?? wechatPage(MINIAPP_PAGES.home),
              data,
            })
          : 'failed';
      } catch (error) {
        delivery = 'failed';
        this.logger.warn(`subscribe message for notification ${id} failed: ${String(error)}`);
      }
    }
    await this.notifications.setDelivery(id, delivery).catch(() => undefined);
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
