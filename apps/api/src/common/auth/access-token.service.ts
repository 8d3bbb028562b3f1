import { createSecretKey } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { ROLES, type Role } from '@jingcai/shared';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AppException } from '../errors/app-exception';
import type { AuthUser, RoleGrant } from './auth-user';

interface AccessClaims {
  sub: string;
  /** Grants as `[role, orgId]` pairs: compact, since the token travels on every request. */
  g: [Role, number | null][];
}

/** Short-lived HS256 access tokens. Stateless, so any instance can verify them. */
@Injectable()
export class AccessTokenService {
  private readonly jwt: JwtService;
  readonly ttlSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ttlSeconds = config.auth.accessTokenTtlSeconds;
    // A KeyObject made once: handed a string, jsonwebtoken derives a key object on every call, which
    // showed up as ~10% of the API's CPU in the claim-rush profile.
    const key = createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8'));
    this.jwt = new JwtService({
      secretOrKeyProvider: () => key,
      signOptions: { algorithm: 'HS256', expiresIn: this.ttlSeconds, issuer: 'jingcai' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'jingcai' },
    });
  }

  sign(userId: number, grants: RoleGrant[]): string {
    const claims: AccessClaims = { sub: String(userId), g: grants.map((g) => [g.role, g.orgId]) };
    return this.jwt.sign(claims);
  }

  verify(token: string): AuthUser {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token);
    } catch (error) {
      if (error instanceof TokenExpiredError)
        throw new AppException('TOKEN_EXPIRED', HttpStatus.UNAUTHORIZED);
      throw new AppException('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED);
    }
    const id = Number(claims.sub);
    if (!Number.isInteger(id) || !Array.isArray(claims.g))
      throw new AppException('UNAUTHENTICATED', HttpStatus.UNAUTHORIZED);
    return {
      id,
      grants: claims.g.filter(([role]) => ROLES.includes(role)).map(([role, orgId]) => ({ role, orgId })),
    };
  }
}
