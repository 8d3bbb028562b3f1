/**
 * A static server for the console's production build (apps/console/dist): hashed assets are cached for
 * a year, every other path gets index.html (the console routes in the browser). Node built-ins only.
 *
 *   node apps/console/scripts/serve.mjs [PORT]        (PORT defaults to CONSOLE_PORT, then 10300)
 *
 * or from a runner: `const server = await serveConsole({ port }); … server.close()`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_ROOT = path.resolve(here, '../dist');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export async function serveConsole({ port = 10300, host = '127.0.0.1', root = DEFAULT_ROOT } = {}) {
  const rootDir = path.resolve(root);
  await stat(path.join(rootDir, 'index.html')).catch(() => {
    throw new Error(`${rootDir}/index.html not found: build it first (pnpm --filter @jingcai/console run build)`);
  });

  const server = createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.join(rootDir, path.normalize(pathname));
    const inside = file.startsWith(rootDir + path.sep);
    const found = inside && (await isFile(file));
    if (!found && pathname.startsWith('/assets/')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const target = found ? file : path.join(rootDir, 'index.html');
    const hashed = found && pathname.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
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
  const port = Number(process.argv[2] ?? process.env.CONSOLE_PORT ?? 10300);
  const server = await serveConsole({ port });
  console.log(`Console build served at ${server.url} (Ctrl+C to stop)`);
}
