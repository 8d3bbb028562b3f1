import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ERROR_MESSAGES, type ErrorCode, type ErrorEnvelope } from '@jingcai/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EntityNotFoundError } from 'typeorm';
import { isUniqueViolation } from '../database/unique-violation';
import { isDatabaseUnavailable } from '../database/unavailable';
import { AppException } from './app-exception';

/** What the OpenAPI document promises about the envelope; longer texts and lists are cut here. */
export const ERROR_MESSAGE_MAX_LENGTH = 500;
export const ERROR_DETAILS_MAX_ITEMS = 50;

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Seconds a client should wait before retrying while the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/**
 * Turns every error into the one envelope `{ code, message, details?, requestId }`. Nothing of a stack or
 * an SQL statement reaches the client; unexpected errors are logged with the request id so support can
 * find them from what the worker sees.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const [status, body] = errorAnswer(exception);
    if (status >= 500) request.log.error({ err: exception }, 'unhandled error');
    if (status === 429) setRetryAfter(reply);
    if (status === 503) void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    // Set the type explicitly: a route that declared text/plain must still send its errors as JSON.
    void reply
      .status(status)
      .header('content-type', 'application/json; charset=utf-8')
      .send({ ...body, requestId: String(request.id) } satisfies ErrorEnvelope);
  }
}

/** The status and envelope (all but its request id) an error answers with, cut to the documented bounds. */
export function errorAnswer(exception: unknown): [number, Omit<ErrorEnvelope, 'requestId'>] {
  const [status, body] = toEnvelope(exception);
  return [status, bounded(body)];
}

function toEnvelope(exception: unknown): [number, Omit<ErrorEnvelope, 'requestId'>] {
  if (exception instanceof AppException) {
    return [
      exception.getStatus(),
      { code: exception.code, message: exception.message, details: exception.details },
    ];
  }
  if (exception instanceof ThrottlerException) return envelope(HttpStatus.TOO_MANY_REQUESTS);
  if (exception instanceof HttpException) return envelope(exception.getStatus());
  if (exception instanceof EntityNotFoundError) return envelope(HttpStatus.NOT_FOUND);
  if (isUniqueViolation(exception)) return envelope(HttpStatus.CONFLICT);
  if (isDatabaseUnavailable(exception)) return envelope(HttpStatus.SERVICE_UNAVAILABLE);
  // Fastify's own errors (bad JSON, wrong content type, body too large) carry a 4xx statusCode.
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return envelope(statusCode);
  }
  return envelope(HttpStatus.INTERNAL_SERVER_ERROR);
}

function bounded(body: Omit<ErrorEnvelope, 'requestId'>): Omit<ErrorEnvelope, 'requestId'> {
  const cut = (text: string) => text.slice(0, ERROR_MESSAGE_MAX_LENGTH);
  const details = Array.isArray(body.details)
    ? body.details
        .slice(0, ERROR_DETAILS_MAX_ITEMS)
        .map((d) => ({ field: cut(d.field), message: cut(d.message) }))
    : body.details;
  return { ...body, message: cut(body.message), ...(details !== undefined && { details }) };
}

/**
 * The throttler names its header after the limit that was hit (`Retry-After-login`); clients and proxies
 * read the standard `Retry-After`, so it carries the longest wait of any limit.
 */
function setRetryAfter(reply: FastifyReply): void {
  const waits = Object.entries(reply.getHeaders())
    .filter(([name]) => name.toLowerCase().startsWith('retry-after-'))
    .map(([, value]) => Number(value))
    .filter((seconds) => Number.isFinite(seconds) && seconds > 0);
  void reply.header('retry-after', String(Math.ceil(Math.max(1, ...waits))));
}

function envelope(status: number): [number, Omit<ErrorEnvelope, 'requestId'>] {
  const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
  return [status, { code, message: ERROR_MESSAGES[code] }];
}
