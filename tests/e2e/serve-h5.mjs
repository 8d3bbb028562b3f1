/**
 * A static file server for the mini-program's H5 build (apps/miniapp/dist/h5), so browser journeys need
 * no extra dependency. The build uses hash routes, so every page is index.html plus its assets.
 *
 *   node tests/e2e/serve-h5.mjs [PORT] [--root apps/miniapp/dist/h5]      (PORT defaults to 10086; --port works too)
 *
 * or, from a journey runner: `const server = await serveH5({ port: 10086 }); … server.close()`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(here, '../../apps/miniapp/dist/h5');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Resolves once listening; the returned server's `url` is the H5 entry. */
export async function serveH5({ port = 10086, host = '127.0.0.1', root = DEFAULT_ROOT } = {}) {
  const rootDir = path.resolve(root);
  await stat(path.join(rootDir, 'index.html')).catch(() => {
    throw new Error(`${rootDir}/index.html not found: build it first (pnpm --filter @jingcai/miniapp build:h5)`);
  });

  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const file = path.join(rootDir, path.normalize(decodeURIComponent(pathname)));
    // Anything outside the build folder, or missing, gets the app shell.
    const inside = file.startsWith(rootDir + path.sep);
    const target = inside && (await isFile(file)) ? file : path.join(rootDir, 'index.html');
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(target).pipe(res);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  server.url = `http://${host}:${server.address().port}/`;
  return server;
}

async function isFile(file) {
  return stat(file).then(
    (info) => info.isFile(),
    () => false,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string' }, root: { type: 'string', default: DEFAULT_ROOT } },
  });
  const server = await serveH5({ port: Number(values.port ?? positionals[0] ?? 10086), root: values.root });
  console.log(`H5 build served at ${server.url} (Ctrl+C to stop)`);
}
