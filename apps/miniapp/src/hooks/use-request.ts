import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ErrorCode } from '@jingcai/shared';
import type { ApiError } from '../services/request';

/**
 * What a page shows for what it fetched: `loading` (StatusView's spinner), `ready` (the content), `missing`
 * (refused with one of the `missingOn` codes: "not there, or not yours", shown as an empty state without a
 * retry) or `error` (StatusView's 重试).
 */
export type RequestStatus = 'loading' | 'ready' | 'missing' | 'error';

export interface UseRequestOptions {
  /**
   * `open` (the default): when the page or component opens. `show`: each time the page shows, quietly once
   * it has something on screen (back from a page that changed things). Either way a new `load` (its inputs
   * changed: a filter, an id) loads again at once, showing the spinner: keep it stable with useCallback.
   */
  when?: 'open' | 'show';
  /** Pull-to-refresh loads again quietly (the page config must enable it). */
  pullDownRefresh?: boolean;
  /** Refusals that mean there is nothing to show, e.g. `[ErrorCode.NotFound]`. */
  missingOn?: readonly ErrorCode[];
}

export interface RequestState<T> {
  /** The latest answer; kept on screen while loading again and after a failed reload. */
  data: T | undefined;
  status: RequestStatus;
  /** The last failure, if the last load failed. */
  error: unknown;
  /** Loads again without the spinner; a failure keeps what is shown (the request's toast has said why). */
  reload: () => Promise<void>;
  /** Back to the spinner and loads again: the 重试 of the error state. */
  retry: () => void;
  /** Changes what is shown (an answer the page already has); a function changes nothing before the first answer. */
  setData: (next: T | ((current: T) => T)) => void;
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as ApiError).code : undefined;
}

/**
 * The mini-program's one way to fetch what a page shows, with its loading, missing and error states, a
 * retry and pull-to-refresh. Only the latest answer counts: a slow earlier load never overwrites a later one.
 */
export function useRequest<T>(load: () => Promise<T>, options: UseRequestOptions = {}): RequestState<T> {
  const { when = 'open', pullDownRefresh = false, missingOn } = options;
  const [data, setDataState] = useState<T>();
  const [status, setStatus] = useState<RequestStatus>('loading');
  const [error, setError] = useState<unknown>();
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const missingRef = useRef(missingOn);
  missingRef.current = missingOn;
  /** The `load` last run: a `show` page's first load waits for the show, a later new one does not. */
  const ran = useRef<(() => Promise<T>) | null>(null);

  const run = useCallback(async () => {
    const ticket = ++latest.current;
    ran.current = loadRef.current;
    try {
      const value = await loadRef.current();
      if (ticket !== latest.current) return;
      setDataState(() => value);
      setError(undefined);
      setStatus('ready');
    } catch (failure: unknown) {
      if (ticket !== latest.current) return;
      setError(failure);
      const code = codeOf(failure);
      if (missingRef.current?.some((missing) => missing === code)) setStatus('missing');
      else setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, []);

  const retry = useCallback(() => {
    setStatus('loading');
    void run();
  }, [run]);

  useEffect(() => {
    // `load` is the input: a new one (its inputs changed) loads again. A `show` page loads first on its show.
    if (when === 'open' || (ran.current !== null && ran.current !== load)) retry();
  }, [when, load, retry]);

  useDidShow(() => {
    if (when === 'show') void run();
  });

  usePullDownRefresh(() => {
    if (pullDownRefresh) void run().finally(() => Taro.stopPullDownRefresh());
  });

  const setData = useCallback((next: T | ((current: T) => T)) => {
    setDataState((current) => {
      if (typeof next !== 'function') return next;
      return current === undefined ? current : (next as (current: T) => T)(current);
    });
  }, []);

  return { data, status, error, reload: run, retry, setData };
}
