import reactHooks from 'eslint-plugin-react-hooks';
import { jingcaiEslint } from '@jingcai/config/eslint.preset.mjs';
import tapRole from './config/eslint-tap-role.mjs';

// WeChat's app service has none of these: a page using one throws on a phone while H5 and jsdom tests pass.
// Browser-only code lives in a service's H5 file (`src/services/<name>.h5.ts`, which Taro builds for H5
// only, in place of `<name>.ts`).
const BROWSER_ONLY = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'location', 'history'];

export default jingcaiEslint(import.meta.dirname, [
  {
    files: ['**/*.tsx', 'src/hooks/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.spec.ts', 'src/**/*.spec.tsx', 'src/services/**/*.h5.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...BROWSER_ONLY.map((name) => ({
          name,
          message: `WeChat has no ${name}: use Taro's API, or put browser-only code in src/services/<name>.h5.ts.`,
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...BROWSER_ONLY.map((property) => ({
          object: 'globalThis',
          property,
          message: `WeChat has no ${property}: use Taro's API, or put browser-only code in src/services/<name>.h5.ts.`,
        })),
      ],
    },
  },
  {
    // Every tappable box names its role (issue 20: accessible names, and H5 tap-target sizes key on the role).
    files: ['src/**/*.tsx'],
    plugins: { jingcai: tapRole },
    rules: { 'jingcai/tap-needs-role': 'error' },
  },
  {
    // Taro's defineAppConfig / definePageConfig are globals its build injects.
    files: ['src/**/*.config.ts'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
]);
