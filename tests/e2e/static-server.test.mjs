/**
 * scripts/static-server.mjs, which serves the H5 and the console in `pnpm demo`, the journeys and the H5 bench:
 * compression, caching, the app shell, and requests it must refuse (a missing hashed file, a path outside the
 * build, malformed percent-encoding) without falling over.
 */
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serveStatic } from '../../scripts/static-server.mjs';

const SHELL = '<!doctype html><title>京彩职工</title>';
const SCRIPT = `console.log(${JSON.stringify('京彩'.repeat(200))});`;

/** A raw GET (fetch would decompress, and would refuse a path with `..` in it before sending). */
function get(url, rawPath, headers = {}) {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    http
      .get({ hostname, port, path: rawPath, headers }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

test('serves a build compressed, hashed files for a year, the shell for any route, and refuses what it must', async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), 'jingcai-static-'));
  await mkdir(path.join(root, 'js'));
  await writeFile(path.join(root, 'index.html'), SHELL);
  await writeFile(path.join(root, 'js', 'app.1a2b3c4d.js'), SCRIPT);
  await writeFile(path.join(root, 'robots.txt'), 'User-agent: *');
  const server = await serveStatic({ root, assetDirs: ['js'], port: 0, buildHint: 'test' });
  t.after(async () => {
    server.close();
    await rm(root, { recursive: true, force: true });
  });

  const brotli = await get(server.url, '/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(brotli.status, 200);
  assert.equal(brotli.headers['content-encoding'], 'br');
  assert.equal(brotli.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(brotliDecompressSync(brotli.body).toString(), SCRIPT);
  assert.ok(brotli.body.length < Buffer.byteLength(SCRIPT) / 4, 'compressed');

  const gzipped = await get(server.url, '/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip' });
  assert.equal(gzipped.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(gzipped.body).toString(), SCRIPT);

  const plain = await get(server.url, '/js/app.1a2b3c4d.js');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.toString(), SCRIPT);

  // A route the app handles in the browser gets the shell, revalidated; so does a file outside the asset dirs.
  for (const route of ['/', '/quiz/campaigns/12', '/js/../index.html']) {
    const shell = await get(server.url, route);
    assert.equal(shell.status, 200, route);
    assert.equal(shell.headers['cache-control'], 'no-cache', route);
    assert.equal(shell.body.toString(), SHELL, route);
  }
  assert.equal((await get(server.url, '/robots.txt')).body.toString(), 'User-agent: *');

  // A missing hashed file is a 404, never the shell (a browser would run HTML as a script).
  assert.equal((await get(server.url, '/js/gone.00000000.js')).status, 404);
  // Outside the build: the shell, not the file.
  const escaped = await get(server.url, '/../../../etc/passwd');
  assert.equal(escaped.body.toString(), SHELL);
  // Malformed percent-encoding: 400, and the server keeps serving.
  assert.equal((await get(server.url, '/%E0%A4%A')).status, 400);
  assert.equal((await get(server.url, '/')).status, 200);
});

test('refuses to start on a folder with no build in it, saying how to make one', async () => {
  const empty = await mkdtemp(path.join(tmpdir(), 'jingcai-static-'));
  try {
    await assert.rejects(
      serveStatic({ root: empty, assetDirs: ['js'], port: 0, buildHint: 'pnpm build:h5' }),
      /index\.html not found: build it first \(pnpm build:h5\)/,
    );
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
});
