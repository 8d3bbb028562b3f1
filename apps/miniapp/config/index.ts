import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import { FirstPagePreload } from './first-page-preload';

// The shared package ships as TypeScript source; webpack must compile it like our own files.
const sharedSrc = path.resolve(__dirname, '../../../packages/shared/src');

export default defineConfig<'webpack5'>({
  projectName: 'jingcai-miniapp',
  // NutUI React Taro is drawn at 375; using the same for our own styles keeps one unit everywhere.
  designWidth: 375,
  deviceRatio: {
    375: 2,
    640: 2.34 / 2,
    750: 1,
    828: 1.81 / 2,
  },
  sourceRoot: 'src',
  outputRoot: `dist/${process.env.TARO_ENV}`,
  env: {
    // Read from the shell at build time (`TARO_APP_API_BASE=https://… pnpm build:h5`); .env files may override.
    TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000/api'),
  },
  // The map marker of a station's page, referenced by path (a `<Map>` marker cannot take an imported image).
  copy: {
    patterns:
      process.env.TARO_ENV === 'weapp'
        ? [{ from: 'src/packages/care/assets/', to: 'dist/weapp/packages/care/assets/' }]
        : [],
    options: {},
  },
  alias: {
    '@jingcai/shared': path.join(sharedSrc, 'index.ts'),
  },
  // Names and roles reach WeChat's screen reader (weapp-aria/index.js); H5 passes them to the browser as written.
  plugins: [path.resolve(__dirname, 'weapp-aria/index.js')],
  framework: 'react',
  compiler: 'webpack5',
  cache: { enable: false },
  mini: {
    compile: { include: [sharedSrc] },
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false },
    },
  },
  h5: {
    publicPath: '/',
    // Hash routes let the H5 build be served by any static file server, including tests/e2e/serve-h5.mjs.
    router: { mode: 'hash' },
    compile: { include: [sharedSrc] },
    output: {
      filename: 'js/[name].[contenthash:8].js',
      chunkFilename: 'js/[name].[contenthash:8].js',
    },
    miniCssExtractPluginOption: {
      ignoreOrder: true,
      filename: 'css/[name].[contenthash:8].css',
      chunkFilename: 'css/[name].[contenthash:8].css',
    },
    postcss: {
      autoprefixer: { enable: true, config: {} },
      cssModules: { enable: false },
    },
    webpackChain(chain) {
      // The H5 build serves demos and browser journeys; the size that matters is the weapp main package (pnpm size).
      chain.performance.hints(false);
      // Taro splits only initial chunks, so every page's lazy chunk carried its own copy of Taro's H5 APIs
      // and components, NutUI and the shared code (~400 KB each, minified). Split async chunks too: pages
      // now share those chunks (a page's own chunk is 20–50 KB), so the second page costs little.
      chain.optimization.splitChunks({
        chunks: 'all',
        minSize: 20_000,
        maxAsyncRequests: 30,
        maxInitialRequests: 30,
        cacheGroups: {
          defaultVendors: { test: /[\\/]node_modules[\\/]/, priority: -10, reuseExistingChunk: true },
          default: { minChunks: 2, priority: -20, reuseExistingChunk: true },
        },
      });
      // The plugin instance Taro's runner uses (hooks are per module instance).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const htmlPlugin = require(
        require.resolve('html-webpack-plugin', { paths: [require.resolve('@tarojs/webpack5-runner')] }),
      ) as ConstructorParameters<typeof FirstPagePreload>[1];
      chain.plugin('first-page-preload').use(FirstPagePreload, [/pages\/(login|home)\/index/, htmlPlugin]);
    },
  },
});
