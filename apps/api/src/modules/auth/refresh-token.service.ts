import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AppException } from '../../common/errors/app-exception';
import { RefreshTokensRepository } from './refresh-tokens.repository';

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
   * Spends `token` and returns its successor. The spend is one conditional UPDATE, so two concurrent
   * refreshes with the same token cannot both succeed; the loser is treated as reuse.
   */
  async rotate(token: string): Promise<{ userId: number; token: string }> {
    const row = await this.tokens.byHash(hash(token));
    const now = this.clock.now();
    if (!row || row.revokedAt || row.expiresAt.getTime() <= now.getTime()) throw refreshInvalid();
    if (!(await this.tokens.spend(row.id, now))) {
      this.logger.warn(`refresh token reuse detected for user ${row.userId}; revoking its family`);
      await this.revokeFamily(row.familyId);
      throw refreshInvalid();
    }
    return { userId: row.userId, token: await this.create(row.userId, row.familyId) };
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
