import reactHooks from 'eslint-plugin-react-hooks';
import { jingcaiEslint } from '@jingcai/config/eslint.preset.mjs';

export default jingcaiEslint(import.meta.dirname, [
  {
    files: ['**/*.tsx', 'src/hooks/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
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
