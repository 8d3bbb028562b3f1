/**
 * The static server of the two browser builds (the mini-program's H5, the staff console), serving them as
 * production should (docs/operations.md): text compressed (brotli, else gzip; each file compressed once per
 * version and kept), the content-hashed files under `assetDirs` cached for a year and a missing one a 404,
 * and the app shell (index.html, revalidated) for every other path, since both apps route in the browser.
 * Uncompressed, the H5's first page alone was ~500 KB of JavaScript: ~2.5 s on Lighthouse's slow 4G (issue 22).
 * Node built-ins only.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

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
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);
const ENCODERS = {
  br: promisify((data, callback) =>
    brotliCompress(
      data,
      { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } },
      callback,
    ),
  ),
  gzip: promisify((data, callback) => gzip(data, { level: 9 }, callback)),
};

/**
 * Serves the build in `root` (which must hold index.html; `buildHint` says how to make it) on `host:port`;
 * resolves once listening, with the server's `url` set.
 */
export async function serveStatic({ root, assetDirs, port, host = '127.0.0.1', buildHint }) {
  const rootDir = path.resolve(root);
  const shell = path.join(rootDir, 'index.html');
  await stat(shell).catch(() => {
    throw new Error(`${shell} not found: build it first (${buildHint})`);
  });
  const assetPrefixes = assetDirs.map((dir) => `/${dir}/`);
  const cache = new Map();

  /** The file's bytes, compressed with `encoding` once per version of the file. */
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

  const server = createServer(async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end(); // malformed percent-encoding
      return;
    }
    const file = path.join(rootDir, path.normalize(pathname));
    // Anything outside the build folder is never read.
    const found = file.startsWith(rootDir + path.sep) && (await isFile(file));
    const asset = assetPrefixes.some((prefix) => pathname.startsWith(prefix));
    if (asset && !found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const target = found ? file : shell;
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = !COMPRESSIBLE.has(path.extname(target))
      ? undefined
      : /\bbr\b/.test(accepts)
        ? 'br'
        : /\bgzip\b/.test(accepts)
          ? 'gzip'
          : undefined;
    try {
      const body = await encoded(target, encoding);
      res.writeHead(200, {
        'Content-Type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
        // Hashed names change with their content; index.html names the current ones.
        'Cache-Control': asset ? 'public, max-age=31536000, immutable' : 'no-cache',
        'Content-Length': body.length,
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
      });
      res.end(body);
    } catch {
      res.writeHead(500).end();
    }
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
