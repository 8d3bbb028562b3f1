import type { IncomingMessage } from 'node:http';

const OVERRIDABLE = new Set(['PATCH', 'PUT', 'DELETE']);

/**
 * WeChat's `wx.request` cannot send PATCH, so the mini-program sends POST with
 * `X-HTTP-Method-Override: PATCH`. Fastify routes on the method before any hook runs, so the rewrite
 * happens in the HTTP server itself, and only ever from POST to one of the write methods.
 */
export function applyMethodOverride(req: IncomingMessage): void {
  const override = req.headers['x-http-method-override'];
  if (req.method !== 'POST' || typeof override !== 'string') return;
  const method = override.trim().toUpperCase();
  if (OVERRIDABLE.has(method)) req.method = method;
}
