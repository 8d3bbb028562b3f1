import type { ClientConfigView, MarkReadBody, NotificationPage } from '@jingcai/shared';
import { request, type RequestOptions } from './request';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export function notifications(
  page: number,
  pageSize = NOTIFICATIONS_PAGE_SIZE,
  { quiet }: Pick<RequestOptions, 'quiet'> = {},
): Promise<NotificationPage> {
  return request<NotificationPage>('/notifications', { query: { page, pageSize }, quiet });
}

/** Marks the given notifications read, or all of them when `ids` is left out; answers the unread count left. */
export function markRead(ids?: number[]): Promise<{ unread: number }> {
  return request<{ unread: number }>('/notifications/read', { method: 'POST', body: (ids ? { ids } : {}) satisfies MarkReadBody });
}

/** For the badge on 我的: one item is enough to learn the count, and a failure is not worth a toast. */
export async function unreadCount(): Promise<number> {
  const { unread } = await notifications(1, 1, { quiet: true });
  return unread;
}

/** Fetched before the worker is asked for anything (subscribe-message template ids); callers fall back quietly. */
export function clientConfig(): Promise<ClientConfigView> {
  return request<ClientConfigView>('/config/client', { quiet: true });
}
