import { QueryFailedError } from 'typeorm';
import { isTransientLockError } from './deadlock-retry';

/** mysql2's codes for a server it cannot reach, one that went away mid-query, or one out of connections. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
]);

/**
 * True when the database, not the request, is the problem for the moment: down, restarting, out of
 * connections, or a lock still contended after our own retries. The same request may well succeed a
 * second later, so clients and load balancers should hear 503 with Retry-After, not a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (isTransientLockError(error)) return true;
  const source: unknown = error instanceof QueryFailedError ? error.driverError : error;
  const code = (source as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && UNREACHABLE.has(code);
}
