/**
 * Serves the mini-program's H5 build (apps/miniapp/dist/h5) as production should (scripts/static-server.mjs), so
 * browser journeys and `pnpm demo` need no extra dependency. The build uses hash routes: every page is index.html
 * plus its content-hashed js/ and css/.
 *
 *   node tests/e2e/serve-h5.mjs [PORT] [--root apps/miniapp/dist/h5]      (PORT defaults to 10086; --port works too)
 *
 * or, from a journey runner: `const server = await serveH5({ port: 10086 }); … server.close()`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveStatic } from '../../scripts/static-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(here, '../../apps/miniapp/dist/h5');

/** Resolves once listening; the returned server's `url` is the H5 entry. */
export function serveH5({ port = 10086, host = '127.0.0.1', root = DEFAULT_ROOT } = {}) {
  return serveStatic({
    root,
    assetDirs: ['js', 'css'],
    port,
    host,
    buildHint: 'pnpm --filter @jingcai/miniapp build:h5',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string' }, root: { type: 'string', default: DEFAULT_ROOT } },
  });
  const server = await serveH5({ port: Number(values.port ?? positionals[0] ?? 10086), root: values.root });
  console.log(`H5 build served at ${server.url} (Ctrl+C to stop)`);
}
