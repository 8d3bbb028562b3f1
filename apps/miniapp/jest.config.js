/**
 * Component tests run the H5 flavour of Taro in jsdom: `@tarojs/components` resolves to its React
 * wrappers of the web components and `@tarojs/taro` to the H5 API implementation.
 */
const path = require('node:path');

// Packages that ship ESM only and so must go through Babel. pnpm stores a package at
// node_modules/.pnpm/<scope>+<name>@<version>/node_modules/<scope>/<name>; a prefix matches both forms.
const esmPackages = ['@tarojs', '@nutui', '@stencil', '@swc', '@rollup', 'tslib', 'query-string', 'decode-uri-component', 'split-on-first', 'filter-obj', 'lodash-es', 'nanoid', 'swiper', 'ssr-window', 'dom7'];

module.exports = {
  testEnvironment: 'jsdom',
  // config/ holds the specs of the local ESLint rule and the WeChat build's role rename.
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/config'],
  testMatch: ['**/*.spec.ts?(x)'],
  // As Taro's H5 build does, a service's `<name>.h5.ts` wins over `<name>.ts`.
  moduleFileExtensions: ['h5.ts', 'h5.tsx', 'ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  setupFiles: ['<rootDir>/test/taro-globals.js'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-tests.ts'],
  transform: {
    '^.+\\.(m?js|jsx|tsx?)$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' } }],
          ['@babel/preset-react', { runtime: 'automatic' }],
          '@babel/preset-typescript',
        ],
        plugins: [require('./config/nutui-import.js')],
      },
    ],
  },
  // Skip node_modules unless the path passes through one of those packages (Taro bundles its own
  // ESM dependencies inside its dist folders).
  transformIgnorePatterns: [`^(?!.*/node_modules/(\\.pnpm/)?(${esmPackages.join('|')})).*/node_modules/`],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/taro-mock.js',
    '^@jingcai/shared$': path.join(__dirname, '../../packages/shared/src/index.ts'),
    '\\.css$': '<rootDir>/test/file-stub.js',
  },
};
