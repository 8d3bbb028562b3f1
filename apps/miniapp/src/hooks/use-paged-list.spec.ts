import * as TaroModule from '@tarojs/taro';
import { act, renderHook } from '@testing-library/react';
import { ErrorCode, type Page } from '@jingcai/shared';
import { ApiError } from '../services/request';
import { usePagedList } from './use-paged-list';

interface Item {
  id: number;
}

/** Pages the test answers by hand, one promise per call, with the page number each call asked for. */
function deferredPages() {
  const calls: { page: number; resolve: (value: Page<Item>) => void; reject: (error: unknown) => void }[] = [];
  const fetchPage = jest.fn(
    (page: number) =>
      new Promise<Page<Item>>((resolve, reject) => {
        calls.push({ page, resolve, reject });
      }),
  );
  return { fetchPage, calls };
}

const page = (ids: number[], n: number, total: number, pageSize = 2): Page<Item> => ({
  items: ids.map((id) => ({ id })),
  total,
  page: n,
  pageSize,
});

async function settle(step: () => void): Promise<void> {
  await act(async () => {
    step();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe(usePagedList.name, () => {
  let reachedBottom: (() => void) | undefined;
  beforeEach(() => {
    reachedBottom = undefined;
    jest.spyOn(TaroModule, 'useReachBottom').mockImplementation((callback: () => void) => {
      reachedBottom = callback;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const render = (fetchPage: (page: number) => Promise<Page<Item>>) =>
    renderHook(() => usePagedList(fetchPage, (item) => item.id, { missingOn: [ErrorCode.NotFound] }));

  it('shows the first page, appends the next on 加载更多, and knows when everything is loaded', async () => {
    const { fetchPage, calls } = deferredPages();
    const { result } = render(fetchPage);
    expect(result.current).toMatchObject({ status: 'loading', items: [], hasMore: false });

    await settle(() => calls[0].resolve(page([1, 2], 1, 3)));
    expect(result.current).toMatchObject({ status: 'ready', items: [{ id: 1 }, { id: 2 }], total: 3, hasMore: true });

    act(() => void result.current.loadMore());
    expect(result.current.loadingMore).toBe(true);
    expect(calls[1].page).toBe(2);
    await settle(() => calls[1].resolve(page([3], 2, 3)));
    expect(result.current).toMatchObject({ items: [{ id: 1 }, { id: 2 }, { id: 3 }], hasMore: false, loadingMore: false });

    act(() => void result.current.loadMore());
    expect(fetchPage).toHaveBeenCalledTimes(2);
  });

  it('loads the next page when the page reaches its bottom, one request at a time', async () => {
    const { fetchPage, calls } = deferredPages();
    const { result } = render(fetchPage);
    await settle(() => calls[0].resolve(page([1, 2], 1, 5)));

    act(() => reachedBottom?.());
    act(() => reachedBottom?.());
    expect(fetchPage).toHaveBeenCalledTimes(2);
    await settle(() => calls[1].resolve(page([3, 4], 2, 5)));
    expect(result.current.items.map((item) => item.id)).toEqual([1, 2, 3, 4]);
    expect(result.current.hasMore).toBe(true);
  });

  it('shows an item that moved to the next page only once', async () => {
    const { fetchPage, calls } = deferredPages();
    const { result } = render(fetchPage);
    await settle(() => calls[0].resolve(page([5, 4], 1, 4)));

    // Something new arrived meanwhile: item 4 is now the first of page 2.
    act(() => void result.current.loadMore());
    await settle(() => calls[1].resolve(page([4, 3], 2, 5)));
    expect(result.current.items.map((item) => item.id)).toEqual([5, 4, 3]);
    expect(result.current.total).toBe(5);
  });

  it('keeps the list and 加载更多 when a later page fails', async () => {
    const { fetchPage, calls } = deferredPages();
    const { result } = render(fetchPage);
    await settle(() => calls[0].resolve(page([1, 2], 1, 3)));

    act(() => void result.current.loadMore());
    await settle(() => calls[1].reject(new ApiError(500, ErrorCode.Internal, '服务器开小差了，请稍后再试')));
    expect(result.current).toMatchObject({ status: 'ready', hasMore: true, loadingMore: false });
    expect(result.current.items).toHaveLength(2);
  });

  it('drops a later page that answers after the list was reloaded from the first', async () => {
    const { fetchPage, calls } = deferredPages();
    const { result } = render(fetchPage);
    await settle(() => calls[0].resolve(page([1, 2], 1, 4)));

    act(() => void result.current.loadMore());
    act(() => void result.current.reload());
    await settle(() => calls[2].resolve(page([9, 1], 1, 5)));
    await settle(() => calls[1].resolve(page([3, 4], 2, 4)));
    expect(result.current.items.map((item) => item.id)).toEqual([9, 1]);
  });

  it('fails to the error state, or to missing for the codes it was given', async () => {
    const { fetchPage, calls } = deferredPages();
    const { result } = render(fetchPage);
    await settle(() => calls[0].reject(new ApiError(500, ErrorCode.Internal, '服务器开小差了，请稍后再试')));
    expect(result.current.status).toBe('error');

    act(() => result.current.retry());
    expect(result.current.status).toBe('loading');
    await settle(() => calls[1].reject(new ApiError(404, ErrorCode.NotFound, '内容不存在或已删除')));
    expect(result.current.status).toBe('missing');
  });
});
