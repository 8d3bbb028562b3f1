import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@jingcai/shared';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'jingcai:public';
export const REQUIRED_ROLES = 'jingcai:roles';
export const LOGIN_RATE_LIMIT = 'jingcai:login-rate-limit';
export const CONTENT_RATE_LIMIT = 'jingcai:content-rate-limit';

/** The route needs no access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller needs one of these roles (admin always passes). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** Counts against the stricter per-IP login limit. */
export const LoginRateLimit = () => SetMetadata(LOGIN_RATE_LIMIT, true);

/** Posts worker-written content (a check-in, a legal question or message): the stricter per-user content limit. */
export const ContentRateLimit = () => SetMetadata(CONTENT_RATE_LIMIT, true);

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
