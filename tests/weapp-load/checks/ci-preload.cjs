// Loaded (NODE_OPTIONS --require) into miniprogram-ci's compiler process: its worker threads cannot load
// cssnano's svgo here, and this switch, which it reads from global.localStorage, keeps those tasks on the
// process's main thread. See ci-check.mjs.
if (!global.localStorage) {
  global.localStorage = { getItem: (key) => (key === 'compilerNotInWorker' ? '1' : null) };
}
