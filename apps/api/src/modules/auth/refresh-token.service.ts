import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AppException } from '../../common/errors/app-exception';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** How long a just-spent refresh token may still be presented (concurrent refreshes) without counting as reuse. */
export const REUSE_GRACE_MS = 10_000;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opaque, rotating refresh tokens with reuse detection (see RefreshToken). */
@Injectable()
export class RefreshTokenService {
  private readonly logger = new Logger(RefreshTokenService.name);
  private readonly ttlMs: number;

  constructor(
    private readonly tokens: RefreshTokensRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.ttlMs = config.auth.refreshTokenTtlSeconds * 1000;
  }

  /** Starts a new family (a new login). */
  issue(userId: number): Promise<string> {
    return this.create(userId, randomBytes(16).toString('hex'));
  }

  /**
   * Spends `token` and returns its successor. The spend is one conditional UPDATE, so of concurrent
   * refreshes with the same token exactly one spends it. The others — a client's parallel requests, or
   * a retry of a refresh whose answer was lost — get a sibling in the same family if the token was spent
   * at most REUSE_GRACE_MS ago; a use of a spent token after that is reuse (theft or replay) and revokes
   * the whole family. `usedAt` is in MySQL, so every instance draws the same line.
   */
  async rotate(token: string): Promise<{ userId: number; token: string }> {
    const tokenHash = hash(token);
    const row = await this.tokens.byHash(tokenHash);
    const now = this.clock.now();
    if (!row || row.revokedAt || row.expiresAt.getTime() <= now.getTime()) throw refreshInvalid();
    if (!(await this.tokens.spend(row.id, now))) {
      const spent = await this.tokens.byHash(tokenHash);
      if (!spent || spent.revokedAt) throw refreshInvalid(); // logged out meanwhile: no grace
      const sinceUse = spent.usedAt ? now.getTime() - spent.usedAt.getTime() : Infinity;
      if (sinceUse > REUSE_GRACE_MS) {
        this.logger.warn(`refresh token reuse detected for user ${row.userId}; revoking its family`);
        await this.revokeFamily(row.familyId);
        throw refreshInvalid();
      }
    }
    const successor = await this.create(row.userId, row.familyId);
    // A logout or a reuse may have revoked the family between the spend and the insert, missing the
    // new row: revoke again so no live token outlives its family.
    if ((await this.tokens.byHash(tokenHash))?.revokedAt) {
      await this.revokeFamily(row.familyId);
      throw refreshInvalid();
    }
    return { userId: row.userId, token: successor };
  }

  /** Logout: the presented token's whole family stops working. Unknown tokens are ignored. */
  async revoke(token: string): Promise<void> {
    const row = await this.tokens.byHash(hash(token));
    if (row) await this.revokeFamily(row.familyId);
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.revokeFamily(familyId, this.clock.now());
  }

  private async create(userId: number, familyId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.insert({
      userId,
      familyId,
      tokenHash: hash(token),
      expiresAt: new Date(this.clock.now().getTime() + this.ttlMs),
    });
    return token;
  }
}

function refreshInvalid(): AppException {
  return new AppException('REFRESH_TOKEN_INVALID');
}
