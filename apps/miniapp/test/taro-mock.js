/**
 * `@tarojs/taro` for component tests: the H5 API implementation (whose default export lacks the API
 * functions that a real build merges in) plus page lifecycle hooks. Those hooks need a Taro page
 * instance; here a page "shows" and "loads" once, when it mounts, and `useRouter` gives the query a test
 * set with `openedWith` (test/router.ts).
 */
const { useEffect } = require('react');
const h5 = require('@tarojs/taro-h5');

const onMount = (callback) =>
  useEffect(() => {
    callback();
  }, []);

let routerParams = {};

const taro = {
  ...h5,
  ...h5.default,
  useRouter: () => ({ params: routerParams, path: '' }),
  __setRouterParams: (params) => {
    routerParams = params;
  },
  useLoad: onMount,
  useDidShow: onMount,
  usePullDownRefresh: () => undefined,
  useReachBottom: () => undefined,
  useShareAppMessage: () => undefined,
};

module.exports = { __esModule: true, ...taro, default: taro };
