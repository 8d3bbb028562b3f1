/**
 * Jest preset for Node-side TypeScript (API, shared, fake WeChat). SWC compiles with decorator metadata,
 * which NestJS's DI and class-validator need, at a fraction of ts-jest's time; `pnpm typecheck` is what checks types.
 */
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // content-disposition (used by @fastify/static for Swagger UI) ships ESM only; Jest's CJS runtime needs it compiled.
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/content-disposition|content-disposition)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Tests run against the shared package's source, so they never need a prior build.
  moduleNameMapper: {
    '^@jingcai/shared$': path.join(__dirname, '../packages/shared/src/index.ts'),
    '^@jingcai/fake-wechat$': path.join(__dirname, '../packages/fake-wechat/src/index.ts'),
  },
};
