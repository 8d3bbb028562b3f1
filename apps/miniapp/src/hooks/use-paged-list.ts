import { useCallback, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import type { Page } from '@jingcai/shared';
import { useRequest, type RequestStatus, type UseRequestOptions } from './use-request';

interface Loaded<T> {
  items: T[];
  total: number;
  /** The last page loaded, and the page size the API answered with. */
  page: number;
  pageSize: number;
}

export interface PagedList<T> {
  /** Every item loaded so far, in the API's order, each once. */
  items: T[];
  total: number;
  /** The first page's state (see `useRequest`); later pages never take the list back to the spinner. */
  status: RequestStatus;
  hasMore: boolean;
  loadingMore: boolean;
  /** The next page, appended; one at a time, and a no-op when everything is loaded. */
  loadMore: () => Promise<void>;
  /** From the first page again, quietly (pull-to-refresh does it too when enabled). */
  reload: () => Promise<void>;
  /** The 重试 of the error state. */
  retry: () => void;
}

/**
 * A list the API answers page by page (`Page<T>`): the first page through `useRequest` (loading, empty,
 * missing and error states, pull-to-refresh), then more on 加载更多 or when the page reaches its bottom.
 * `fetchPage` must be stable (useCallback over its inputs): a new one starts from the first page.
 * An item that moved to a later page while the worker scrolled (something new arrived) is shown once.
 */
export function usePagedList<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  keyOf: (item: T) => string | number,
  options: UseRequestOptions = {},
): PagedList<T> {
  // Bumped by every first-page load: a later page that answers after it belongs to the old list.
  const generation = useRef(0);
  const loadFirst = useCallback(async (): Promise<Loaded<T>> => {
    generation.current += 1;
    const first = await fetchPage(1);
    return { items: first.items, total: first.total, page: 1, pageSize: first.pageSize };
  }, [fetchPage]);
  const { data, status, reload, retry, setData } = useRequest(loadFirst, options);
  const [loadingMore, setLoadingMore] = useState(false);
  const busy = useRef(false);
  const hasMore = data !== undefined && data.page * data.pageSize < data.total;
  const keyRef = useRef(keyOf);
  keyRef.current = keyOf;

  const loadMore = useCallback(async () => {
    if (busy.current || !data || !hasMore) return;
    busy.current = true;
    setLoadingMore(true);
    const ticket = generation.current;
    try {
      const next = await fetchPage(data.page + 1);
      if (ticket !== generation.current) return;
      setData((current) => {
        const seen = new Set(current.items.map((item) => keyRef.current(item)));
        const fresh = next.items.filter((item) => !seen.has(keyRef.current(item)));
        return { items: [...current.items, ...fresh], total: next.total, page: next.page, pageSize: next.pageSize };
      });
    } catch {
      // The request layer has shown why; 加载更多 stays for another try.
    } finally {
      busy.current = false;
      setLoadingMore(false);
    }
  }, [data, hasMore, fetchPage, setData]);

  useReachBottom(() => {
    void loadMore();
  });

  return { items: data?.items ?? [], total: data?.total ?? 0, status, hasMore, loadingMore, loadMore, reload, retry };
}
