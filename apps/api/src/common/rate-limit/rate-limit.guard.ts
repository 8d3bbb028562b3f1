import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AppConfig } from '../../config/app-config';
import { CONTENT_RATE_LIMIT, LOGIN_RATE_LIMIT, type AuthenticatedRequest } from '../auth/decorators';

/** Every limit counts per minute. */
export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Who a signed-in caller's limits count against (an anonymous one's count against their address). */
export const userTracker = (userId: number): string => `user:${userId}`;

/** The write limit's counter of one route and caller: per instance, so plain text rather than a hash. */
export function writeLimitKey(controller: string, handler: string, tracker: string): string {
  return `${WRITE_THROTTLER}-${controller}.${handler}-${tracker}`;
}

export const LOGIN_THROTTLER = 'login';
export const WRITE_THROTTLER = 'write';
export const CONTENT_THROTTLER = 'content';

/** Which limits a route counts against: read once per route from its decorators. */
interface RouteLimits {
  login: boolean;
  content: boolean;
}
const routeLimits = new WeakMap<object, RouteLimits>();
const reflector = new Reflector();

function limitsOf(context: ExecutionContext): RouteLimits {
  const handler = context.getHandler();
  let limits = routeLimits.get(handler);
  if (!limits) {
    const targets = [handler, context.getClass()];
    limits = {
      login: reflector.getAllAndOverride<boolean>(LOGIN_RATE_LIMIT, targets) ?? false,
      content: reflector.getAllAndOverride<boolean>(CONTENT_RATE_LIMIT, targets) ?? false,
    };
    routeLimits.set(handler, limits);
  }
  return limits;
}

/**
 * Three limits: logins per IP (WeChat's own login is rate-limited, and codes are guessable noise),
 * writes per user (or per IP before login), and — stricter — posts of worker-written content per user
 * (check-ins, legal questions and messages: what spam would be made of). Reads are not limited here. The
 * login and content limits apply only to routes marked for them, and a login is not also a write: each
 * throttler's `skipIf` decides that before the library's per-throttler metadata lookups, so a claim in a
 * release rush pays for one limit, not three.
 */
export function throttlers(limits: AppConfig['rateLimit']) {
  return [
    {
      name: LOGIN_THROTTLER,
      ttl: RATE_LIMIT_WINDOW_MS,
      limit: limits.loginPerMinute,
      skipIf: (context: ExecutionContext) => !limitsOf(context).login,
    },
    {
      name: WRITE_THROTTLER,
      ttl: RATE_LIMIT_WINDOW_MS,
      limit: limits.writesPerMinute,
      skipIf: (context: ExecutionContext) => limitsOf(context).login,
    },
    {
      name: CONTENT_THROTTLER,
      ttl: RATE_LIMIT_WINDOW_MS,
      limit: limits.contentPerMinute,
      skipIf: (context: ExecutionContext) => !limitsOf(context).content,
    },
  ];
}

/**
 * The login and content counters are shared by every instance (`SharedRateLimitStorage`); the write
 * counter stays in each instance's memory.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /**
   * Content counts per user across every content route. Writes count per route and user, as the library
   * does, but unhashed: that key only lives in this instance's memory. Logins keep the library's hash, a
   * bounded key for the shared table.
   */
  protected override generateKey(context: ExecutionContext, suffix: string, name: string): string {
    if (name === CONTENT_THROTTLER) return `${name}-${suffix}`;
    if (name === WRITE_THROTTLER)
      return writeLimitKey(context.getClass().name, context.getHandler().name, suffix);
    return super.generateKey(context, suffix, name);
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const req = request as unknown as AuthenticatedRequest;
    return Promise.resolve(req.user ? userTracker(req.user.id) : `ip:${req.ip}`);
  }

  /**
   * Reads are never limited (every limit above is on a POST, PUT, PATCH or DELETE): skip them before the
   * library's per-throttler metadata lookups, which cost the hot leaderboard reads more than they do.
   */
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const method = context.switchToHttp().getRequest<AuthenticatedRequest>().method;
    return Promise.resolve(method === 'GET' || method === 'HEAD');
  }
}
