// The cross-app suites and the benches are plain JavaScript, which no type checker reads:
// this catches the mistakes that would otherwise surface only when a script runs (a name used but never
// imported broke the fault run once). Code inside page.evaluate() runs in the browser, hence its globals.
const NODE = Object.fromEntries(Object.getOwnPropertyNames(globalThis).map((name) => [name, 'readonly']));
const BROWSER = Object.fromEntries(
  [
    'window',
    'document',
    'localStorage',
    'sessionStorage',
    'location',
    'navigator',
    'getComputedStyle',
    'requestAnimationFrame',
    'MutationObserver',
    'HTMLElement',
    'Element',
    'Node',
    'NodeFilter',
  ].map((name) => [name, 'readonly']),
);

export default [
  { ignores: ['**/node_modules/**', '**/dist/**'] },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: { ...NODE, ...BROWSER, require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { 'no-undef': 'error', 'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }] },
  },
];
