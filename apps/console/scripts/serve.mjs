/**
 * Serves the console's production build (apps/console/dist) as production should (scripts/static-server.mjs):
 * compressed, the hashed assets/ cached for a year, every other path index.html (the console routes in the
 * browser).
 *
 *   node apps/console/scripts/serve.mjs [PORT]        (PORT defaults to CONSOLE_PORT, then 10300)
 *
 * or from a runner: `const server = await serveConsole({ port }); … server.close()`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../../../scripts/static-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(here, '../dist');

export function serveConsole({ port = 10300, host = '127.0.0.1', root = DEFAULT_ROOT } = {}) {
  return serveStatic({
    root,
    assetDirs: ['assets'],
    port,
    host,
    buildHint: 'pnpm --filter @jingcai/console run build',
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.CONSOLE_PORT ?? 10300);
  const server = await serveConsole({ port });
  console.log(`Console build served at ${server.url} (Ctrl+C to stop)`);
}
