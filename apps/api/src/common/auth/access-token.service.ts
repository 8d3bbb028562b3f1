import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ROLES, type Role } from '@jingcai/shared';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AppException } from '../errors/app-exception';
import type { AuthUser, RoleGrant } from './auth-user';

interface AccessClaims {
  sub: string;
  /** Grants as `[role, orgId]` pairs: compact, since the token travels on every request. */
  g: [Role, number | null][];
  iat: number;
  exp: number;
  iss: string;
}

const ISSUER = 'jingcai';
/**
 * The one header this service signs. A token is accepted only with exactly this header, so no `alg`
 * a client chooses (`none`, RS256 with our secret as a "public key") is ever looked at.
 */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const SIGNATURE_BYTES = 32;
/** Clock difference tolerated between the instance that signed a token and the one verifying it. */
const CLOCK_SKEW_SECONDS = 60;
const VERIFIED_KEPT = 20_000;

/**
 * Short-lived HS256 access tokens (RFC 7519). Stateless, so any instance can verify them. Written on
 * node:crypto rather than jsonwebtoken: verification runs on every request, and the library's generic
 * algorithm and option handling was ~5% of the API's CPU in the claim rush (tests/bench/claims).
 */
@Injectable()
export class AccessTokenService {
  private readonly key: KeyObject;
  /**
   * Tokens this instance has verified, until they expire: a worker's requests present the same token for its
   * life, and the HMAC is most of a read's token check. Oldest out first past VERIFIED_KEPT. A deleted account
   * is still refused at once: the guard asks RevokedAccounts after this.
   */
  private readonly verified = new Map<string, { user: AuthUser; exp: number }>();
  readonly ttlSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.ttlSeconds = config.auth.accessTokenTtlSeconds;
    this.key = createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8'));
  }

  sign(userId: number, grants: RoleGrant[]): string {
    const iat = Math.floor(Date.now() / 1000);
    const claims: AccessClaims = {
      sub: String(userId),
      g: grants.map((g) => [g.role, g.orgId]),
      iat,
      exp: iat + this.ttlSeconds,
      iss: ISSUER,
    };
    const signed = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${signed}.${this.signature(signed).toString('base64url')}`;
  }

  verify(token: string): AuthUser {
    const now = Date.now() / 1000;
    const known = this.verified.get(token);
    if (known && known.exp > now) return { id: known.user.id, grants: known.user.grants.map((g) => ({ ...g })) };
    const claims = this.claimsOf(token);
    if (!claims) throw new AppException('UNAUTHENTICATED');
    if (claims.exp <= now) throw new AppException('TOKEN_EXPIRED');
    // We never sign a longer life than the TTL: a token that claims one was not made by this configuration.
    if (claims.exp - now > this.ttlSeconds + CLOCK_SKEW_SECONDS) throw new AppException('UNAUTHENTICATED');
    const user: AuthUser = {
      id: Number(claims.sub),
      // A role this instance does not know (one added by a newer version mid-deploy) grants nothing here.
      grants: claims.g.filter(([role]) => ROLES.includes(role)).map(([role, orgId]) => ({ role, orgId })),
    };
    if (this.verified.size >= VERIFIED_KEPT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { user, exp: claims.exp });
    return { id: user.id, grants: user.grants.map((g) => ({ ...g })) };
  }

  /** The claims of a token this service signed, or null for anything else. */
  private claimsOf(token: string): AccessClaims | null {
    const [header, payload, signature, extra] = token.split('.');
    if (header !== HEADER || !payload || !signature || extra !== undefined) return null;
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== SIGNATURE_BYTES || !timingSafeEqual(given, this.signature(`${header}.${payload}`))) {
      return null;
    }
    let claims: Partial<AccessClaims>;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<AccessClaims>;
    } catch {
      return null;
    }
    const valid =
      claims.iss === ISSUER &&
      typeof claims.exp === 'number' &&
      typeof claims.sub === 'string' &&
      /^[1-9]\d{0,15}$/.test(claims.sub) &&
      Array.isArray(claims.g) &&
      claims.g.every(isGrant);
    return valid ? (claims as AccessClaims) : null;
  }

  private signature(signed: string): Buffer {
    return createHmac('sha256', this.key).update(signed).digest();
  }
}

/** A `[role, orgId]` pair as `sign` writes it; anything else makes the whole token invalid (401, not 500). */
function isGrant(grant: unknown): grant is [Role, number | null] {
  return (
    Array.isArray(grant) &&
    grant.length === 2 &&
    typeof grant[0] === 'string' &&
    (grant[1] === null || (Number.isInteger(grant[1]) && (grant[1] as number) > 0))
  );
}
