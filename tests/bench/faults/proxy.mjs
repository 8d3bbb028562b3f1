#!/usr/bin/env node
// A small round-robin HTTP proxy in front of the API instances, standing in for the load balancer.
// Usage: node proxy.mjs <listen port> <upstream port>...   (prints "ready" once listening)
//
// Like nginx's default `proxy_next_upstream error`, it moves on to the next instance only when the
// connection is refused: the request never reached that instance, so sending it elsewhere cannot make
// anything happen twice, and a real load balancer does the same. An instance that refused is skipped for
// a second (nginx's fail_timeout). A request that was sent and then lost — the instance died under it —
// is never retried here: the proxy answers 502 and the client decides, which is exactly the case the
// API's idempotent claim and submit must survive. GET /__proxy/stats reports what the proxy saw.
import http from 'node:http';

const [listenPort, ...upstreamPorts] = process.argv.slice(2).map(Number);
const SKIP_MS = 1000;
const UPSTREAM_TIMEOUT_MS = 30_000;

const upstreams = upstreamPorts.map((port) => ({
  port,
  agent: new http.Agent({ keepAlive: true, maxSockets: 256 }),
  skipUntil: 0,
}));
const stats = { requests: 0, refusedSkips: 0, gatewayErrors: 0, perUpstream: {} };
let next = 0;

function pick(tried) {
  const now = Date.now();
  for (let i = 0; i < upstreams.length; i++) {
    const candidate = upstreams[(next + i) % upstreams.length];
    if (!tried.has(candidate) && candidate.skipUntil <= now) {
      next = (upstreams.indexOf(candidate) + 1) % upstreams.length;
      return candidate;
    }
  }
  // Every instance refused recently: try one not yet tried for this request anyway.
  return upstreams.find((u) => !tried.has(u));
}

function forward(req, res, body, tried) {
  const upstream = pick(tried);
  if (!upstream) return fail(res, 502);
  tried.add(upstream);
  const headers = { ...req.headers, 'content-length': String(body.length) };
  delete headers.connection;
  const outgoing = http.request(
    {
      agent: upstream.agent,
      host: '127.0.0.1',
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers,
      timeout: UPSTREAM_TIMEOUT_MS,
    },
    (upstreamRes) => {
      stats.perUpstream[upstream.port] = (stats.perUpstream[upstream.port] ?? 0) + 1;
      const responseHeaders = { ...upstreamRes.headers };
      delete responseHeaders.connection;
      delete responseHeaders['keep-alive'];
      res.writeHead(upstreamRes.statusCode, responseHeaders);
      upstreamRes.pipe(res);
      upstreamRes.on('error', () => res.destroy());
    },
  );
  outgoing.on('timeout', () => outgoing.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
  outgoing.on('error', (error) => {
    if (res.headersSent) return res.destroy();
    if (error.code === 'ECONNREFUSED') {
      stats.refusedSkips++;
      upstream.skipUntil = Date.now() + SKIP_MS;
      if (tried.size < upstreams.length) return forward(req, res, body, tried);
    }
    fail(res, error.code === 'ETIMEDOUT' ? 504 : 502);
  });
  outgoing.end(body);
}

function fail(res, status) {
  stats.gatewayErrors++;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ code: 'BAD_GATEWAY', message: 'upstream unavailable' }));
}

const server = http.createServer((req, res) => {
  if (req.url === '/__proxy/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(stats));
  }
  stats.requests++;
  // Bodies here are small JSON: buffering them is what lets a refused connect be tried elsewhere.
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => forward(req, res, Buffer.concat(chunks), new Set()));
});
server.keepAliveTimeout = 60_000;
server.listen(listenPort, '127.0.0.1', () => console.log('ready'));
