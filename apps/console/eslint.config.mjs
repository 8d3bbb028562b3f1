import reactHooks from 'eslint-plugin-react-hooks';
import { jingcaiEslint } from '@jingcai/config/eslint.preset.mjs';

export default jingcaiEslint(import.meta.dirname, [
  {
    files: ['**/*.tsx', 'src/hooks/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // antd's Popconfirm / Modal.confirm await a returned promise (the OK button spins until it settles).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // antd/locale/* is CommonJS: bundled, its default import is the module wrapper and antd falls back to
      // no words (unnamed expand buttons, English date pickers). The ES build's default is the locale itself.
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^antd/(lib/)?locale/', message: "Import antd's locales from antd/es/locale/." }] },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
]);
