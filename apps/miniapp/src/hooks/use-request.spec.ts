import * as TaroModule from '@tarojs/taro';
import Taro from '@tarojs/taro';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ErrorCode } from '@jingcai/shared';
import { ApiError } from '../services/request';
import { useRequest, type UseRequestOptions } from './use-request';

/** A load the test settles by hand, one promise per call. */
function deferredLoads<T>() {
  const calls: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const load = jest.fn(
    () =>
      new Promise<T>((resolve, reject) => {
        calls.push({ resolve, reject });
      }),
  );
  return { load, calls };
}

/** Runs `step` (settling a load) and lets React apply what follows from it. */
async function settle(step: () => void): Promise<void> {
  await act(async () => {
    step();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const failure = new ApiError(500, ErrorCode.Internal, '服务器开小差了，请稍后再试');

describe(useRequest.name, () => {
  let pulled: (() => void) | undefined;
  beforeEach(() => {
    pulled = undefined;
    jest.spyOn(TaroModule, 'usePullDownRefresh').mockImplementation((callback: () => void) => {
      pulled = callback;
    });
    jest.spyOn(Taro, 'stopPullDownRefresh').mockImplementation(() => Promise.resolve({ errMsg: 'stopPullDownRefresh:ok' }) as never);
  });
  afterEach(() => jest.restoreAllMocks());

  function render<T>(load: () => Promise<T>, options?: UseRequestOptions) {
    return renderHook(({ fetch }) => useRequest(fetch, options), { initialProps: { fetch: load } });
  }

  it('loads when it opens: loading, then ready with the answer', async () => {
    const { result } = render(() => Promise.resolve(['a', 'b']));

    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.data).toEqual(['a', 'b']);
  });

  it('fails to the error state, and 重试 goes back to loading and then shows the answer', async () => {
    const { load, calls } = deferredLoads<number>();
    const { result } = render(load);
    await settle(() => calls[0].reject(failure));
    expect(result.current.status).toBe('error');
    expect(result.current.error).toBe(failure);

    act(() => result.current.retry());
    expect(result.current.status).toBe('loading');
    await settle(() => calls[1].resolve(7));
    expect(result.current).toMatchObject({ status: 'ready', data: 7, error: undefined });
  });

  it('keeps what is shown when a reload fails', async () => {
    const { load, calls } = deferredLoads<number>();
    const { result } = render(load);
    await settle(() => calls[0].resolve(1));

    let reloaded: Promise<void> = Promise.resolve();
    act(() => {
      reloaded = result.current.reload();
    });
    expect(result.current.status).toBe('ready');
    await settle(() => calls[1].reject(failure));
    await act(() => reloaded);
    expect(result.current).toMatchObject({ status: 'ready', data: 1 });
  });

  it('shows the missing state for the codes it was given, even over a shown answer', async () => {
    const { load, calls } = deferredLoads<number>();
    const { result } = render(load, { missingOn: [ErrorCode.NotFound] });
    await settle(() => calls[0].resolve(1));

    act(() => void result.current.reload());
    await settle(() => calls[1].reject(new ApiError(404, ErrorCode.NotFound, '内容不存在或已删除')));
    expect(result.current.status).toBe('missing');
  });

  it('keeps only the latest answer when an earlier load is slower', async () => {
    const { load, calls } = deferredLoads<string>();
    const { result } = render(load);
    act(() => void result.current.reload());

    await settle(() => calls[1].resolve('new'));
    await settle(() => calls[0].resolve('old'));
    expect(result.current.data).toBe('new');
  });

  it('loads again, with the spinner, when its load changes', async () => {
    const { result, rerender } = render(() => Promise.resolve('person'));
    await waitFor(() => expect(result.current.data).toBe('person'));

    let answer: (value: string) => void = () => undefined;
    rerender({ fetch: () => new Promise<string>((resolve) => (answer = resolve)) });
    expect(result.current.status).toBe('loading');
    await settle(() => answer('org'));
    expect(result.current).toMatchObject({ status: 'ready', data: 'org' });
  });

  it('on a `show` page, loads first when the page shows, then again at once when its load changes', async () => {
    let shown: () => void = () => undefined;
    jest.spyOn(TaroModule, 'useDidShow').mockImplementation((callback: () => void) => {
      shown = callback;
    });
    const all = jest.fn(() => Promise.resolve('all'));
    const { result, rerender } = render(all, { when: 'show' });
    expect(all).not.toHaveBeenCalled();

    await settle(() => shown());
    expect(result.current).toMatchObject({ status: 'ready', data: 'all' });

    // A filter changed: the page does not show again, so the change itself loads.
    let answer: (value: string) => void = () => undefined;
    rerender({ fetch: () => new Promise<string>((resolve) => (answer = resolve)) });
    expect(result.current.status).toBe('loading');
    await settle(() => answer('claimed'));
    expect(result.current).toMatchObject({ status: 'ready', data: 'claimed' });
  });

  it('reloads quietly on pull-down when asked to, and stops the pull-down indicator', async () => {
    const { load, calls } = deferredLoads<number>();
    const { result } = render(load, { pullDownRefresh: true });
    await settle(() => calls[0].resolve(1));

    act(() => pulled?.());
    expect(result.current.status).toBe('ready');
    await settle(() => calls[1].resolve(2));
    expect(result.current.data).toBe(2);
    expect(Taro.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });

  it('ignores the pull-down unless asked to', async () => {
    const load = jest.fn(() => Promise.resolve(1));
    const { result } = render(load);
    await waitFor(() => expect(result.current.status).toBe('ready'));

    act(() => pulled?.());
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('changes the shown answer with setData, and a change before any answer does nothing', async () => {
    const { load, calls } = deferredLoads<{ count: number }>();
    const { result } = render(load);
    act(() => result.current.setData((current) => ({ count: current.count + 1 })));
    expect(result.current.data).toBeUndefined();

    await settle(() => calls[0].resolve({ count: 1 }));
    act(() => result.current.setData((current) => ({ count: current.count + 1 })));
    expect(result.current.data).toEqual({ count: 2 });
  });
});
