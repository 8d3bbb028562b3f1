// Unit tests of the vm harness's pieces, on a tiny hand-written mini-program in a temp folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { requestKey, replay } from './fixtures.mjs';
import { wxApiNames } from './harness/api-names.mjs';
import { launchApp, problemSink, runPage } from './harness/page-runner.mjs';
import { applySetData, parsePath, renderedNodes } from './harness/set-data.mjs';
import { appPages, createWeappRuntime } from './harness/weapp-runtime.mjs';
import { createWx } from './harness/wx-stub.mjs';

describe('setData paths', () => {
  test('Taro and WeChat path forms', () => {
    assert.deepEqual(parsePath('root.cn.[0].v'), ['root', 'cn', 0, 'v']);
    assert.deepEqual(parsePath('list[2].name'), ['list', 2, 'name']);
    assert.throws(() => parsePath('a..b'), /empty segment/);
  });

  test('creates arrays and objects on the way and copies values', () => {
    const value = { v: 'hi' };
    const data = applySetData({}, { 'root.cn.[0]': { cn: [value] }, 'a.b': 1 });
    value.v = 'changed';
    assert.deepEqual(data, { root: { cn: [{ cn: [{ v: 'hi' }] }] }, a: { b: 1 } });
    assert.equal(renderedNodes(data), 2);
    assert.equal(renderedNodes({ root: { cn: [] } }), 0);
  });
});

describe('wx stub', () => {
  const names = wxApiNames();
  test('has exactly the API names of miniprogram-api-typings', () => {
    assert.ok(names.includes('request') && names.includes('getStorageSync') && names.includes('requirePrivacyAuthorize'));
    const { wx } = createWx({ pages: new Set(), respond: async () => ({}), parseJson: JSON.parse });
    assert.deepEqual(Object.keys(wx).sort(), names);
  });

  test('navigation to a page app.json lacks fails, as on WeChat', async () => {
    const { wx, navigations } = createWx({ pages: new Set(['pages/a/index']), respond: async () => ({}), parseJson: JSON.parse });
    const outcome = (url) => new Promise((resolve) => wx.navigateTo({ url, success: () => resolve('ok'), fail: (e) => resolve(e.errMsg) }));
    assert.equal(await outcome('/pages/a/index?id=1'), 'ok');
    assert.match(await outcome('/pages/missing/index'), /navigateTo:fail page "pages\/missing\/index" is not found/);
    assert.equal(navigations.length, 2);
  });
});

test('fixtures: query order does not matter, unrecorded requests answer 404 and are listed', async () => {
  assert.equal(requestKey('get', '/x?b=2&a=1'), 'GET /x?a=1&b=2');
  const { respond, unrecorded } = replay({ 'GET /x?a=1&b=2': { statusCode: 200, data: [1] } });
  assert.deepEqual(await respond({ method: 'GET', path: '/x?b=2&a=1' }), { statusCode: 200, data: [1] });
  assert.equal((await respond({ method: 'GET', path: '/y' })).statusCode, 404);
  assert.deepEqual([...unrecorded], ['GET /y']);
});

describe('runtime and page lifecycle on a tiny build', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'weapp-harness-'));
  after(() => rmSync(dist, { recursive: true, force: true }));
  const write = (file, text) => {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), text);
  };
  write('app.json', JSON.stringify({ pages: ['pages/ok/index', 'pages/window/index', 'pages/empty/index'], subPackages: [{ root: 'sub', pages: ['pages/x/index'] }] }));
  write('lib.js', 'module.exports = { root: (v) => ({ root: { cn: [{ v }] } }) };');
  write('app.js', 'const lib = require("./lib"); App({ onLaunch() { this.lib = lib; } });');
  const page = (body) => `Page({ data: {}, onLoad() { ${body} } });`;
  for (const route of ['pages/ok/index', 'pages/window/index', 'pages/empty/index', 'sub/pages/x/index']) write(`${route}.json`, '{}');
  write('pages/ok/index.js', page('this.setData(getApp().lib.root("hello"));'));
  write('pages/window/index.js', page('window.scrollTo(0, 0); this.setData(getApp().lib.root("x"));'));
  write('pages/empty/index.js', page('console.error("React says", new Error("boom"));'));
  write('sub/pages/x/index.js', 'require("../../sub-vendors.js"); Page({});');

  const sink = problemSink();
  const runtime = createWeappRuntime({
    distDir: dist,
    console: sink,
    makeWx: ({ parseJson }) => createWx({ pages: new Set(), respond: async () => ({}), parseJson }).wx,
  });

  test('lists main and subpackage pages', () => {
    assert.deepEqual(
      appPages(dist).map((p) => `${p.pkg}:${p.route}`),
      ['main:pages/ok/index', 'main:pages/window/index', 'main:pages/empty/index', 'sub:sub/pages/x/index'],
    );
  });

  test('the context has no browser globals', () => {
    for (const name of ['window', 'document', 'navigator', 'localStorage', 'fetch']) {
      assert.equal(runtime.context[name], undefined, name);
    }
  });

  test('a clean page passes; window, console.error, nothing rendered and a missing chunk fail', async () => {
    assert.deepEqual(await launchApp(runtime, sink), []);
    assert.deepEqual((await runPage(runtime, sink, 'pages/ok/index')).problems, []);
    assert.match((await runPage(runtime, sink, 'pages/window/index')).problems.join('\n'), /onLoad threw: ReferenceError: window is not defined/);
    const empty = (await runPage(runtime, sink, 'pages/empty/index')).problems.join('\n');
    assert.match(empty, /console.error: React says Error: boom/);
    assert.match(empty, /rendered nothing/);
    assert.match((await runPage(runtime, sink, 'sub/pages/x/index')).problems.join('\n'), /module "sub\/sub-vendors.js" is not defined/);
  });
});
