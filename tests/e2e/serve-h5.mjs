/**
 * A static file server for the mini-program's H5 build (apps/miniapp/dist/h5), so browser journeys need
 * no extra dependency. The build uses hash routes, so every page is index.html plus its assets.
 *
 * It serves the build as production should (docs/operations.md): text compressed (brotli, else gzip; each file
 * compressed once and kept), content-hashed assets under js/ and css/ cached for a year, index.html revalidated.
 * Uncompressed, the first page's ~500 KB of JavaScript alone took ~2.5 s on Lighthouse's slow 4G (issue 22).
 *
 *   node tests/e2e/serve-h5.mjs [PORT] [--root apps/miniapp/dist/h5]      (PORT defaults to 10086; --port works too)
 *
 * or, from a journey runner: `const server = await serveH5({ port: 10086 }); … server.close()`.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);
const ENCODERS = {
  br: promisify((data, callback) =>
    brotliCompress(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } }, callback),
  ),
  gzip: promisify((data, callback) => gzip(data, { level: 9 }, callback)),
};

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
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = !COMPRESSIBLE.has(path.extname(target)) ? undefined : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
    try {
      const body = await encoded(target, encoding);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
        // js/ and css/ file names carry a content hash; index.html names the current ones.
        'Cache-Control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        'Content-Length': body.length,
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(500).end();
    }
  });

  /** The file's bytes, compressed with `encoding` once per version of the file. */
  const cache = new Map();
  async function encoded(file, encoding) {
    const { mtimeMs } = await stat(file);
    const key = `${file}\0${encoding ?? ''}`;
    const hit = cache.get(key);
    if (hit?.mtimeMs === mtimeMs) return hit.body;
    const raw = await readFile(file);
    const body = encoding ? await ENCODERS[encoding](raw) : raw;
    cache.set(key, { mtimeMs, body });
    return body;
  }

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
