import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@jingcai/shared';
import { AppException } from '../errors/app-exception';
import { AccessTokenService } from './access-token.service';
import { isAdmin, type AuthUser } from './auth-user';
import { IS_PUBLIC, REQUIRED_ROLES, type AuthenticatedRequest } from './decorators';
import { RevokedAccounts } from './revoked-accounts';

/** The caller an `Authorization` header names; AppException (401) when it names no live account. */
export function authenticate(
  header: string | undefined,
  tokens: AccessTokenService,
  revoked: RevokedAccounts,
): AuthUser {
  const [scheme, token] = (header ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) throw new AppException('UNAUTHENTICATED');
  const user = tokens.verify(token);
  // A deleted account's tokens die at once, though they are stateless (see RevokedAccounts).
  if (revoked.has(user.id)) throw new AppException('ACCOUNT_DELETED');
  return user;
}

/**
 * Global guard: every route needs a valid access token unless marked @Public(), and the roles named by
 * @Roles(). Registered once in AppModule so no controller can forget it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly revoked: RevokedAccounts,
  ) {}

  /** Each handler's decorators, read once: every request passes here, and a rush is thousands a second. */
  private readonly routes = new WeakMap<object, { isPublic: boolean; roles?: Role[] }>();

  canActivate(context: ExecutionContext): boolean {
    const route = this.routeOf(context);
    if (route.isPublic) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = authenticate(request.headers.authorization, this.tokens, this.revoked);
    request.user = user;

    const { roles } = route;
    if (roles?.length && !isAdmin(user) && !user.grants.some((g) => roles.includes(g.role))) {
      throw AppException.forbidden();
    }
    return true;
  }

  private routeOf(context: ExecutionContext): { isPublic: boolean; roles?: Role[] } {
    const handler = context.getHandler();
    let route = this.routes.get(handler);
    if (!route) {
      const targets = [handler, context.getClass()];
      route = {
        isPublic: this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) ?? false,
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets),
      };
      this.routes.set(handler, route);
    }
    return route;
  }
}
