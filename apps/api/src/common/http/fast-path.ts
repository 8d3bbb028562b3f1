import type { IncomingMessage, ServerResponse } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import { Global, Injectable, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AccessLog } from '../logging/logger';
import { errorAnswer, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../errors/all-exceptions.filter';
import { bodyMediaType, parseJsonBody, requestIdOf } from './hardening';

/** A request sent with this header takes the framework route, however well it fits a fast path. */
export const FAST_PATH_OFF_HEADER = 'x-fast-path-off';

/** The largest body a fast path reads: its routes take a field or two; anything larger takes the framework. */
const MAX_BODY_BYTES = 1024;

/** What a fast path answers: a status, a JSON body and the headers the route adds (a rate limit's figures). */
export interface FastAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A request a fast path serves, once its line and headers said so: answers its parsed JSON body. */
export type FastHandler = (body: unknown) => Promise<FastAnswer>;

/**
 * A route's answer given on node:http, ahead of Fastify and Nest, for the one route whose rush sets what an
 * instance can take: a care package release (tests/bench/claims; Fastify's and Nest's layers were a fifth
 * of an instance's CPU there, docs/benchmarks.md). It serves only requests it answers exactly as the
 * framework route does (claim-fast-path.e2e-spec.ts sends each case both ways and compares), and declines
 * the rest, which then take the framework route as if it did not exist.
 */
export interface FastPath {
  /** Decides on the request line and headers alone, the body unread: a handler, or null to decline. */
  route(request: IncomingMessage): FastHandler | null;
}

/** What every answer carries, as the Fastify hooks set it (app.factory.ts). */
export interface FastPathServing {
  headers: Record<string, string>;
  accessLog: AccessLog;
  logger: Logger;
  trustProxy: string;
}

/**
 * The fast paths features register, asked first for every request by the HTTP server (app.factory.ts). Only
 * plain JSON POSTs from clients that need no CORS (the mini-program) are offered to them; a browser's request,
 * a method override, a chunked or large body take the framework route.
 */
@Injectable()
export class FastPaths {
  private readonly paths: FastPath[] = [];
  private serving?: FastPathServing & { trusted: (address: string, hop: number) => boolean };

  add(path: FastPath): void {
    this.paths.push(path);
  }

  /** Turns the fast paths on, with what the framework's hooks put on every answer. */
  serve(serving: FastPathServing): void {
    const trusted = proxyAddr.compile(serving.trustProxy.split(',').map((value) => value.trim()));
    const headers = {
      ...serving.headers,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    };
    this.serving = { ...serving, headers, trusted };
  }

  /** Whether a fast path took the request; it then answers it. */
  take(request: IncomingMessage, response: ServerResponse): boolean {
    if (!this.serving || request.method !== 'POST' || !offered(request)) return false;
    for (const path of this.paths) {
      const handler = path.route(request);
      if (handler) {
        void this.answer(request, response, handler);
        return true;
      }
    }
    return false;
  }

  private async answer(request: IncomingMessage, response: ServerResponse, handler: FastHandler) {
    const serving = this.serving!;
    const started = performance.now();
    const requestId = requestIdOf(request);
    let answer: FastAnswer;
    try {
      answer = await handler(parseJsonBody(await bodyOf(request)));
    } catch (error) {
      // A client that went away mid-body is owed nothing, and is no server error.
      if (response.destroyed) return;
      answer = failure(error);
      if (answer.status >= 500) serving.logger.error({ reqId: requestId, err: error }, 'unhandled error');
    }
    if (response.destroyed) return;
    const text = JSON.stringify(
      answer.status >= 400 ? { ...(answer.body as object), requestId } : answer.body,
    );
    response.writeHead(answer.status, {
      ...serving.headers,
      ...answer.headers,
      'content-length': Buffer.byteLength(text),
      'x-request-id': requestId,
    });
    response.end(text);
    serving.accessLog.write({
      reqId: requestId,
      method: 'POST',
      path: request.url ?? '',
      ip: proxyAddr(request, serving.trusted),
      statusCode: answer.status,
      responseTime: performance.now() - started,
    });
  }
}

/** A fast path's refusal: the framework's envelope and status for the same error. */
export function failure(error: unknown, headers?: Record<string, string>): FastAnswer {
  const [status, body] = errorAnswer(error);
  const retry = status === 503 ? { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } : undefined;
  return { status, body, headers: { ...headers, ...retry } };
}

function offered(request: IncomingMessage): boolean {
  const { headers } = request;
  const length = Number(headers['content-length']);
  return (
    headers[FAST_PATH_OFF_HEADER] === undefined &&
    headers.origin === undefined &&
    headers['x-http-method-override'] === undefined &&
    headers['transfer-encoding'] === undefined &&
    bodyMediaType(request) === 'application/json' &&
    length > 0 &&
    length <= MAX_BODY_BYTES
  );
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

@Global()
@Module({ providers: [FastPaths], exports: [FastPaths] })
export class FastPathModule {}
