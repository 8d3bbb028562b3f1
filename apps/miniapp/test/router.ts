import Taro from '@tarojs/taro';

type Params = Record<string, string>;

const mock = Taro as unknown as { __setRouterParams: (params: Params) => void };

/** The query the next rendered page reads with `useRouter()`, as if opened with `?id=5`. */
export function openedWith(params: Params): void {
  mock.__setRouterParams(params);
}
