import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@jingcai/shared';
import { AppException } from '../errors/app-exception';
import { AccessTokenService } from './access-token.service';
import { isAdmin } from './auth-user';
import { IS_PUBLIC, REQUIRED_ROLES, type AuthenticatedRequest } from './decorators';
import { RevokedAccounts } from './revoked-accounts';

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

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) throw new AppException('UNAUTHENTICATED');
    const user = this.tokens.verify(token);
    // A deleted account's tokens die at once, though they are stateless (see RevokedAccounts).
    if (this.revoked.has(user.id)) throw new AppException('ACCOUNT_DELETED');
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !isAdmin(user) && !user.grants.some((g) => roles.includes(g.role))) {
      throw AppException.forbidden();
    }
    return true;
  }
}
