/**
 * Drives a loaded mini-program through what WeChat does with it: App launch, then for one page at a time
 * load → show → ready → hide → unload, applying each setData to the page's data. A page fails when a hook
 * throws or rejects, when the app logs console.error (how React reports a render error) or leaves an
 * unhandled rejection or exception while the page is open, or when nothing was rendered under its root.
 */
import { applySetData, renderedNodes } from './set-data.mjs';

/** Lets queued callbacks (wx stubs answer on a timer, React and Taro batch on microtasks) run. */
export async function settle(rounds = 12) {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setTimeout(resolve, 1));
}

/**
 * Collects what the app reports while `fn` runs: console.error lines, unhandled rejections and uncaught
 * exceptions (a throw inside a timer or a wx callback surfaces there, not at the hook's call).
 */
export async function watchProblems(problems, fn) {
  const onRejection = (reason) => problems.push(`unhandled rejection: ${describe(reason)}`);
  const onException = (error) => problems.push(`uncaught exception: ${describe(error)}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  try {
    await fn();
    await settle();
  } finally {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  }
}

/** Calls a lifecycle hook with `this` the instance; a returned promise is awaited, its rejection reported. */
async function hook(problems, instance, name, ...args) {
  const fn = instance[name];
  if (typeof fn !== 'function') return;
  try {
    await fn.apply(instance, args);
  } catch (error) {
    problems.push(`${name} threw: ${describe(error)}`);
  }
  await settle();
}

/** Runs App()'s launch hooks. Returns the problems seen (empty when the launch was clean). */
export async function launchApp(runtime, sink) {
  const problems = [];
  sink.target = problems;
  await watchProblems(problems, async () => {
    const app = runtime.loadApp();
    await hook(problems, app, 'onLaunch', { path: 'pages/home/index', query: {}, scene: 1001 });
    await hook(problems, app, 'onShow', { path: 'pages/home/index', query: {}, scene: 1001 });
  });
  return problems;
}

/**
 * Loads the page file (its chunks, its components), makes an instance as WeChat's Page() would and runs its
 * lifecycle with `query` as onLoad's options. Returns { problems, nodes, setDataCalls, data } (the page's
 * data once it has settled, before it hides).
 */
export async function runPage(runtime, sink, route, query = {}) {
  const problems = [];
  sink.target = problems;
  let nodes = 0;
  let setDataCalls = 0;
  let data = {};
  await watchProblems(problems, async () => {
    let options;
    try {
      options = runtime.loadPage(route);
    } catch (error) {
      problems.push(`load failed: ${describe(error)}`);
      return;
    }
    const instance = Object.create(options);
    instance.data = JSON.parse(JSON.stringify(options.data ?? {}));
    instance.route = route;
    instance.__route__ = route;
    instance.options = query;
    instance.setData = (patch, callback) => {
      setDataCalls += 1;
      try {
        applySetData(instance.data, patch);
      } catch (error) {
        problems.push(`setData failed: ${describe(error)}`);
      }
      if (callback) setTimeout(() => callback.call(instance), 0);
    };
    instance.selectComponent = () => null;
    instance.selectAllComponents = () => [];
    instance.createSelectorQuery = () => runtime.wx.createSelectorQuery();
    instance.getOpenerEventChannel = () => ({ on() {}, off() {}, once() {}, emit() {} });
    runtime.stack.push(instance);
    try {
      await hook(problems, instance, 'onLoad', query);
      await hook(problems, instance, 'onShow');
      await hook(problems, instance, 'onReady');
      await settle(25); // the page's requests come back and re-render
      nodes = renderedNodes(instance.data);
      data = JSON.parse(JSON.stringify(instance.data));
      if (nodes === 0) problems.push('rendered nothing (no node under the page root)');
      await hook(problems, instance, 'onHide');
      await hook(problems, instance, 'onUnload');
    } finally {
      runtime.stack.pop();
      runtime.clearTimers();
    }
  });
  return { problems, nodes, setDataCalls, data };
}

/** A console for the app whose errors land in the current page's (or the launch's) problem list. */
export function problemSink() {
  const sink = {
    target: [],
    error: (...args) => sink.target.push(`console.error: ${args.map(describe).join(' ').slice(0, 300)}`),
  };
  return sink;
}

export function describe(value) {
  if (value && typeof value === 'object' && 'message' in value) {
    const where = /dist\/weapp\/[^)\s]+/.exec(String(value.stack ?? ''))?.[0];
    return `${value.name ?? 'Error'}: ${value.message}${where ? ` (${where})` : ''}`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
