import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { unreadCount } from '../services/notifications';

/** Unread notifications for a badge, fetched each time the page shows; 0 until known or when it fails. */
export function useUnreadCount(): number {
  const [unread, setUnread] = useState(0);
  useDidShow(() => {
    unreadCount()
      .then(setUnread)
      .catch(() => undefined);
  });
  return unread;
}
