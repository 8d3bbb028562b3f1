// Answers for requests that fail before routing, the header hooks and the exception filter run: each
// still gets the error envelope and the security headers, never Fastify's or Node's own text.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ERROR_MESSAGES, type ErrorEnvelope } from '@jingcai/shared';
import { parse as parseSecurely } from 'secure-json-parse';
import { securityHeaders } from './security-headers';

/**
 * No request body nests deeper than a few levels (a benefit's eligibility, a campaign's draw rules); the
 * validation pipe walks bodies recursively, so a deep one would exhaust the stack (a 500) instead of a 400.
 */
export const MAX_JSON_DEPTH = 32;

/** Whether the JSON text opens more than `max` nested arrays/objects, brackets inside strings aside. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character: an escaped quote does not end the string.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * A JSON request body as every route reads it. Empty is no body: wx.request labels bodiless DELETEs and POSTs
 * JSON. Too deep, malformed, or carrying `__proto__` or `constructor.prototype` keys (prototype pollution) is a
 * 400, as Fastify's own parser answers.
 */
export function parseJsonBody(text: string): unknown {
  if (text === '') return undefined;
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw badBody(new Error('JSON nested too deeply'));
  try {
    return parseSecurely(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    throw badBody(error instanceof Error ? error : new Error(String(error)));
  }
}

function badBody(error: Error): Error {
  return Object.assign(error, { statusCode: 400 });
}

/** A request body's media type, without parameters, lower case: `application/json; charset=utf-8` → `application/json`. */
export function bodyMediaType(request: Pick<IncomingMessage, 'headers'>): string {
  return (request.headers['content-type'] ?? '').split(';', 1)[0].trim().toLowerCase();
}

/** A client's `x-request-id` is kept only when it looks like one: it is echoed in bodies, headers and logs. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request's id: the client's `x-request-id` when it looks like one, else a new one. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

/** What the hooks would have set, for the two answers made before any of them runs. */
export const FALLBACK_HEADERS = {
  ...securityHeaders({ apiDocs: false }),
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
};

export function validationEnvelope(requestId: string): ErrorEnvelope {
  return { code: 'VALIDATION_FAILED', message: ERROR_MESSAGES.VALIDATION_FAILED, requestId };
}

/**
 * Requests Node's HTTP parser refuses (headers or URL over 16 KB, a malformed request line) never reach
 * Fastify's routing, the header hooks or the exception filter: answer them here with the same envelope
 * and headers.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout']
        : [400, 'Bad Request'];
  const requestId = randomUUID();
  const body = JSON.stringify(validationEnvelope(requestId));
  const headers = {
    ...FALLBACK_HEADERS,
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
    connection: 'close',
  };
  if (socket.writable) {
    const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`HTTP/1.1 ${status} ${reason}\r\n${head.join('')}\r\n${body}`);
  }
  socket.destroy(error);
}
