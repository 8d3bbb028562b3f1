import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import { CONTENT_RATE_LIMIT, LOGIN_RATE_LIMIT, type AuthenticatedRequest } from '../auth/decorators';

export const LOGIN_THROTTLER = 'login';
export const WRITE_THROTTLER = 'write';
export const CONTENT_THROTTLER = 'content';

/**
 * Three limits: logins per IP (WeChat's own login is rate-limited, and codes are guessable noise),
 * writes per user (or per IP before login), and — stricter — posts of worker-written content per user
 * (check-ins, legal questions and messages: what spam would be made of). Reads are not limited here. The
 * login and content counters are shared by every instance (`SharedRateLimitStorage`); the write counter
 * stays in each instance's memory.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    const isLogin = this.reflector.getAllAndOverride<boolean>(LOGIN_RATE_LIMIT, [
      request.context.getHandler(),
      request.context.getClass(),
    ]);
    if (request.throttler.name === LOGIN_THROTTLER && !isLogin) return true;
    const isContent = this.reflector.getAllAndOverride<boolean>(CONTENT_RATE_LIMIT, [
      request.context.getHandler(),
      request.context.getClass(),
    ]);
    if (request.throttler.name === CONTENT_THROTTLER && !isContent) return true;
    if (request.throttler.name === WRITE_THROTTLER && isLogin) return true;
    return super.handleRequest(request);
  }

  /** Content counts per user across every content route; the other limits per route, as the library does. */
  protected override generateKey(context: ExecutionContext, suffix: string, name: string): string {
    return name === CONTENT_THROTTLER ? `${name}-${suffix}` : super.generateKey(context, suffix, name);
  }

  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const req = request as unknown as AuthenticatedRequest;
    return Promise.resolve(req.user ? `user:${req.user.id}` : `ip:${req.ip}`);
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
