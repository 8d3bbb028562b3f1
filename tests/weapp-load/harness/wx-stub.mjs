/**
 * A `wx` object for the vm harness: exactly the keys WeChat has (api-names.mjs), with working storage,
 * navigation that checks its target is a page of app.json, `request` answered by a `respond` function, and
 * every other API answering success (`errMsg: "<name>:ok"`) as a phone would after the worker agreed.
 */
import { wxApiNames } from './api-names.mjs';

const SYSTEM_INFO = {
  brand: 'harness',
  model: 'iPhone 12',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 763,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.0',
  platform: 'ios',
  SDKVersion: '3.5.0',
  safeArea: { top: 47, left: 0, right: 390, bottom: 810, width: 390, height: 763 },
  theme: 'light',
};

const RESULTS = {
  login: () => ({ code: 'harness-login-code' }),
  getLocation: () => ({ latitude: 39.9, longitude: 116.4, accuracy: 30 }),
  getFuzzyLocation: () => ({ latitude: 39.9, longitude: 116.4 }),
  chooseImage: () => ({ tempFilePaths: ['wxfile://tmp/photo.jpg'], tempFiles: [{ path: 'wxfile://tmp/photo.jpg', size: 1024 }] }),
  chooseMedia: () => ({ type: 'image', tempFiles: [{ tempFilePath: 'wxfile://tmp/photo.jpg', size: 1024, fileType: 'image' }] }),
  scanCode: () => ({ result: 'ABCD1234', scanType: 'QR_CODE', charSet: 'utf-8' }),
  downloadFile: () => ({ statusCode: 200, tempFilePath: 'wxfile://tmp/download' }),
  uploadFile: () => ({ statusCode: 200, data: '{}' }),
  getSetting: () => ({ authSetting: {} }),
  getPrivacySetting: () => ({ needAuthorization: false, privacyContractName: '京彩职工隐私保护指引' }),
  requestSubscribeMessage: () => ({}),
  getNetworkType: () => ({ networkType: 'wifi' }),
  getSystemInfo: () => ({ ...SYSTEM_INFO }),
  showModal: () => ({ confirm: false, cancel: true }),
  showActionSheet: () => ({ tapIndex: 0 }),
};

const SYNC_RESULTS = {
  getSystemInfoSync: () => ({ ...SYSTEM_INFO }),
  getWindowInfo: () => ({ ...SYSTEM_INFO }),
  getDeviceInfo: () => ({ ...SYSTEM_INFO }),
  getAppBaseInfo: () => ({ ...SYSTEM_INFO }),
  getSystemSetting: () => ({ locationEnabled: true, wifiEnabled: true }),
  getAppAuthorizeSetting: () => ({ locationAuthorized: 'authorized' }),
  getLaunchOptionsSync: () => ({ path: 'pages/home/index', query: {}, scene: 1001, referrerInfo: {} }),
  getEnterOptionsSync: () => ({ path: 'pages/home/index', query: {}, scene: 1001, referrerInfo: {} }),
  getAccountInfoSync: () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } }),
  getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 51, right: 383, bottom: 83, left: 296 }),
  canIUse: () => true,
  arrayBufferToBase64: (buffer) => Buffer.from(buffer).toString('base64'),
  base64ToArrayBuffer: (text) => Uint8Array.from(Buffer.from(text, 'base64')).buffer,
};

/**
 * @param {object} options
 * @param {Set<string>} options.pages every page route of app.json (`pages/home/index`)
 * @param {(req: {url: string, method: string, header: object, data: unknown}) => Promise<{statusCode: number, header?: object, data: unknown}>} options.respond
 * @param {Record<string, unknown>} [options.storage] initial storage (a signed-in worker's tokens)
 * @param {(text: string) => unknown} options.parseJson JSON.parse of the app's realm, so arrays pass Array checks there
 */
export function createWx({ pages, respond, storage = {}, parseJson }) {
  const store = new Map(Object.entries(storage).map(([key, value]) => [key, JSON.stringify(value)]));
  const calls = [];
  const navigations = [];
  const wx = {};

  const later = (fn) => setTimeout(fn, 0);
  const settle = (name, options, result, error) => {
    later(() => {
      if (error) {
        options?.fail?.({ errMsg: `${name}:fail ${error}` });
      } else {
        options?.success?.({ errMsg: `${name}:ok`, ...result });
      }
      options?.complete?.(error ? { errMsg: `${name}:fail ${error}` } : { errMsg: `${name}:ok`, ...result });
    });
  };

  const navigate = (name) => (options = {}) => {
    const route = String(options.url ?? '').split('?')[0].replace(/^\//, '');
    navigations.push({ api: name, url: options.url });
    if (name !== 'navigateBack' && !pages.has(route)) {
      settle(name, options, null, `page "${route}" is not found`);
    } else {
      settle(name, options, {});
    }
  };

  for (const name of wxApiNames()) {
    if (SYNC_RESULTS[name]) {
      wx[name] = (...args) => {
        calls.push(name);
        return SYNC_RESULTS[name](...args);
      };
    } else if (/^(on|off)[A-Z]/.test(name)) {
      wx[name] = () => calls.push(name);
    } else if (/^create|^get\w*Manager$|^getFileSystemManager$/.test(name)) {
      wx[name] = () => {
        calls.push(name);
        return chainable();
      };
    } else if (/Sync$/.test(name)) {
      wx[name] = () => calls.push(name);
    } else if (name === 'env') {
      wx.env = { USER_DATA_PATH: 'wxfile://usr' };
    } else if (name === 'cloud') {
      wx.cloud = chainable();
    } else {
      wx[name] = (options) => {
        calls.push(name);
        settle(name, options, RESULTS[name]?.() ?? {});
      };
    }
  }

  Object.assign(wx, {
    setStorageSync: (key, value) => void store.set(key, JSON.stringify(value ?? null)),
    getStorageSync: (key) => (store.has(key) ? parseJson(store.get(key)) : ''),
    removeStorageSync: (key) => void store.delete(key),
    clearStorageSync: () => store.clear(),
    getStorageInfoSync: () => ({ keys: [...store.keys()], currentSize: 1, limitSize: 10240 }),
    setStorage: (options) => {
      store.set(options.key, JSON.stringify(options.data ?? null));
      settle('setStorage', options, {});
    },
    getStorage: (options) =>
      store.has(options.key)
        ? settle('getStorage', options, { data: parseJson(store.get(options.key)) })
        : settle('getStorage', options, null, 'data not found'),
    removeStorage: (options) => {
      store.delete(options.key);
      settle('removeStorage', options, {});
    },
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    switchTab: navigate('switchTab'),
    navigateBack: navigate('navigateBack'),
    nextTick: (fn) => later(fn),
    request: (options) => {
      calls.push('request');
      let aborted = false;
      respond({ url: options.url, method: options.method ?? 'GET', header: options.header ?? {}, data: options.data }).then(
        (res) => {
          if (aborted) return;
          const data = responseData(res, options, parseJson);
          settle('request', options, { statusCode: res.statusCode, header: res.header ?? {}, data });
        },
        (error) => settle('request', options, null, error.message),
      );
      return { abort: () => (aborted = true), onHeadersReceived() {}, offHeadersReceived() {} };
    },
  });

  return { wx, calls, navigations, storage: store };
}

/** What `success` gets as `data`: bytes for `responseType: 'arraybuffer'`, else JSON parsed in the app's realm. */
function responseData(res, options, parseJson) {
  if (options.responseType === 'arraybuffer') {
    const bytes = Buffer.from(res.base64 ?? Buffer.from(JSON.stringify(res.data ?? '')).toString('base64'), 'base64');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  }
  if (options.dataType === 'text') return typeof res.data === 'string' ? res.data : JSON.stringify(res.data);
  return parseJson(JSON.stringify(res.data ?? null));
}

/** An object whose every method returns itself (selector queries, animations, canvas contexts…). */
function chainable() {
  const target = function () {};
  const proxy = new Proxy(target, {
    get(_, key) {
      if (key === 'then') return undefined; // not a thenable
      if (key === 'exec') return (cb) => setTimeout(() => cb?.([]), 0);
      return () => proxy;
    },
    apply: () => proxy,
  });
  return proxy;
}
