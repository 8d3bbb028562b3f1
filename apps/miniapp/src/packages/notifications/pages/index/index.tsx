import { useCallback, useRef, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { NotificationView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDateTime } from '../../../../format';
import { openPage } from '../../../../navigation';
import { markRead, notifications } from '../../../../services/notifications';
import { pageClass } from '../../../../hooks/use-care-mode';
import './index.css';

type ListStatus = 'loading' | 'ready' | 'error';

/** 消息: review results and other notices, newest first; read ones lose their dot. */
export default function InboxPage() {
  const [items, setItems] = useState<NotificationView[]>([]);
  const [total, setTotal] = useState(0);
  const [unread, setUnread] = useState(0);
  const [status, setStatus] = useState<ListStatus>('loading');
  const [loadingMore, setLoadingMore] = useState(false);
  const [markingAll, setMarkingAll] = useState(false);
  // The last page loaded; a ref too, so a scroll-triggered load never asks for the same page twice.
  const loadedPage = useRef(0);
  const busy = useRef(false);

  const loadFirst = useCallback(async () => {
    try {
      const first = await notifications(1);
      loadedPage.current = 1;
      setItems(first.items);
      setTotal(first.total);
      setUnread(first.unread);
      setStatus('ready');
    } catch {
      setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, []);

  const hasMore = items.length < total;

  const loadMore = async () => {
    if (busy.current || !hasMore) return;
    busy.current = true;
    setLoadingMore(true);
    try {
      const next = await notifications(loadedPage.current + 1);
      loadedPage.current += 1;
      // A notice that arrived meanwhile shifts the pages by one; never show an item twice.
      setItems((current) => [...current, ...next.items.filter((item) => !current.some((seen) => seen.id === item.id))]);
      setTotal(next.total);
      setUnread(next.unread);
    } catch {
      // The services layer has shown why; the button stays for another try.
    } finally {
      busy.current = false;
      setLoadingMore(false);
    }
  };

  useLoad(() => {
    void loadFirst();
  });
  usePullDownRefresh(() => {
    void loadFirst().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void loadMore();
  });

  const markAllRead = async () => {
    setMarkingAll(true);
    try {
      const result = await markRead();
      setItems((current) => current.map((item) => ({ ...item, read: true })));
      setUnread(result.unread);
    } catch {
      // The services layer has already told the worker what went wrong.
    } finally {
      setMarkingAll(false);
    }
  };

  const open = (notification: NotificationView) => {
    if (!notification.read) {
      // Shown as read at once; the count follows the API's answer. Opening the page does not wait for it.
      setItems((current) => current.map((item) => (item.id === notification.id ? { ...item, read: true } : item)));
      setUnread((count) => Math.max(0, count - 1));
      markRead([notification.id])
        .then((result) => setUnread(result.unread))
        .catch(() => undefined);
    }
    if (notification.page) void openPage(notification.page).catch(() => undefined);
  };

  if (status !== 'ready') {
    return (
      <View className={pageClass('page notifications')}>
        <StatusView status={status} onRetry={() => void loadFirst()} />
      </View>
    );
  }

  return (
    <View className={pageClass('page notifications')}>
      <View className='notifications__toolbar'>
        <Text className='muted'>{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
        <Button size='small' fill='outline' disabled={unread === 0 || markingAll} onClick={() => void markAllRead()}>
          全部已读
        </Button>
      </View>

      {items.length === 0 ? (
        <StatusView status='empty' message='暂无消息' />
      ) : (
        <View className='notifications__list'>
          {items.map((item) => (
            <View
              key={item.id}
              className={`card notifications__item${item.read ? '' : ' notifications__item--unread'}`}
              role='button'
              onClick={() => open(item)}
            >
              <View className='notifications__heading'>
                {!item.read && <View className='notifications__dot' />}
                <Text className='notifications__title'>{item.title}</Text>
                {item.page && <Text className='notifications__arrow'>›</Text>}
              </View>
              <Text className='notifications__body'>{item.body}</Text>
              <Text className='muted'>{formatShanghaiDateTime(item.createdAt)}</Text>
            </View>
          ))}
          {hasMore ? (
            <Button block fill='none' loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
              加载更多
            </Button>
          ) : (
            <Text className='muted notifications__end'>没有更多消息了</Text>
          )}
        </View>
      )}
    </View>
  );
}
