/**
 * Loads a compiled mini-program (dist/weapp) into a Node `vm` context the way WeChat's app service does:
 * each file is a module with its own `require`, `module` and `exports`, relative requires resolve against
 * the requiring file, and the globals are WeChat's (`wx`, `App`, `Page`, `Component`, `Behavior`, `getApp`,
 * `getCurrentPages`) — no `window`, `document`, `navigator`, `localStorage` or `fetch`, which WeChat lacks.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** Globals a browser has and WeChat's app service does not: the context must not offer them. */
export const BROWSER_ONLY_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'fetch', 'XMLHttpRequest'];

/**
 * @param {object} options
 * @param {string} options.distDir the compiled mini-program
 * @param {(wxRealm: {parseJson: (text: string) => unknown}) => object} options.makeWx builds `wx` once the realm exists
 * @param {{error: (...args: unknown[]) => void}} options.console where the app's console output goes
 */
export function createWeappRuntime({ distDir, makeWx, console: sink }) {
  const registry = { app: null, pages: new Map(), components: new Map(), loading: null };
  const stack = [];
  const timers = new Set();
  const track = (set, clear) => ({
    set: (fn, ms, ...args) => {
      const handle = set(
        (...a) => {
          if (set === setTimeout) timers.delete(handle);
          fn(...a);
        },
        ms,
        ...args,
      );
      timers.add(handle);
      return handle;
    },
    clear: (handle) => {
      timers.delete(handle);
      clear(handle);
    },
  });
  const timeout = track(setTimeout, clearTimeout);
  const interval = track(setInterval, clearInterval);

  const context = vm.createContext({
    console: {
      log: () => {},
      info: () => {},
      debug: () => {},
      warn: () => {},
      error: (...args) => sink.error(...args),
    },
    setTimeout: timeout.set,
    clearTimeout: timeout.clear,
    setInterval: interval.set,
    clearInterval: interval.clear,
  });
  const parseJson = vm.runInContext('JSON.parse', context);
  const wx = makeWx({ parseJson });
  Object.assign(context, {
    wx,
    App: (options) => {
      registry.app = options;
    },
    Page: (options) => {
      if (!registry.loading) throw new Error('Page() called outside a page file');
      registry.pages.set(registry.loading, options);
    },
    Component: (options) => {
      registry.components.set(registry.loading ?? '?', options);
    },
    Behavior: (options) => options,
    getApp: () => registry.app,
    getCurrentPages: () => [...stack],
    requirePlugin: () => {
      throw new Error('plugins are not used by this app');
    },
  });
  // Whatever a bundle might probe for must really be absent, not merely undefined by accident.
  for (const name of BROWSER_ONLY_GLOBALS) {
    if (vm.runInContext(`typeof ${name}`, context) !== 'undefined') throw new Error(`context leaks ${name}`);
  }

  const cache = new Map();
  function load(file) {
    if (cache.has(file)) return cache.get(file).exports;
    if (!existsSync(file)) {
      throw new Error(`module "${path.relative(distDir, file)}" is not defined (missing from the build)`);
    }
    const module = { exports: {} };
    cache.set(file, module);
    const wrapper = vm.runInContext(
      `(function (require, module, exports) {${readFileSync(file, 'utf8')}\n})`,
      context,
      { filename: file },
    );
    wrapper.call(module.exports, (request) => load(resolve(file, request)), module, module.exports);
    return module.exports;
  }
  function resolve(from, request) {
    const base = request.startsWith('/') ? path.join(distDir, request) : path.resolve(path.dirname(from), request);
    return base.endsWith('.js') ? base : `${base}.js`;
  }

  return {
    context,
    wx,
    registry,
    stack,
    /** Runs app.js as WeChat does at launch (it requires runtime, taro, vendors and common itself). */
    loadApp() {
      registry.loading = 'app';
      try {
        load(path.join(distDir, 'app.js'));
      } finally {
        registry.loading = null;
      }
      if (!registry.app) throw new Error('app.js did not call App()');
      return registry.app;
    },
    /** Loads a page's file and the components its JSON names; returns the options it gave Page(). */
    loadPage(route) {
      registry.loading = route;
      try {
        for (const component of usingComponents(distDir, route)) load(component);
        load(path.join(distDir, `${route}.js`));
      } finally {
        registry.loading = null;
      }
      const options = registry.pages.get(route);
      if (!options) throw new Error(`${route}.js did not call Page()`);
      return options;
    },
    /** Stops every timer the app left running (a countdown a page forgot), so the process can exit. */
    clearTimers() {
      for (const handle of timers) {
        clearTimeout(handle);
        clearInterval(handle);
      }
      timers.clear();
    },
  };
}

/** The component files a page's JSON lists (`usingComponents`), resolved like WeChat does. */
export function usingComponents(distDir, route) {
  const jsonFile = path.join(distDir, `${route}.json`);
  if (!existsSync(jsonFile)) throw new Error(`${route}.json is missing`);
  const json = JSON.parse(readFileSync(jsonFile, 'utf8'));
  return Object.values(json.usingComponents ?? {}).map((target) => {
    const base = target.startsWith('/') ? path.join(distDir, target) : path.resolve(path.dirname(jsonFile), target);
    return `${base}.js`;
  });
}

/** Every page route of app.json, main package first, then each subpackage's pages under its root. */
export function appPages(distDir) {
  const app = JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8'));
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [
    ...app.pages.map((route) => ({ route, pkg: 'main' })),
    ...subs.flatMap((sub) =>
      sub.pages.map((page) => ({ route: `${sub.root.replace(/\/+$/, '')}/${page}`, pkg: sub.root.replace(/\/+$/, '') })),
    ),
  ];
}
