import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AccessTokenService } from '../../common/auth/access-token.service';
import { RevokedAccounts } from '../../common/auth/revoked-accounts';
import { AccountDeletionsRepository } from './account-deletions.repository';

/** How often each instance learns of deletions made on the others. */
export const REVOCATION_POLL_MS = 1000;
/** As AccessTokenService's tolerance: a token may be accepted this long past its `exp` elsewhere. */
const SKEW_MS = 60_000;

/**
 * Keeps every instance's RevokedAccounts current: once a second, the accounts deleted within one access-token
 * lifetime (older tokens have expired). One indexed range read per instance per second, instead of a query
 * on every request; the claim rush pays one Set lookup. Wall clock, as token expiry is.
 */
@Injectable()
export class RevocationPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RevocationPoller.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly deletions: AccountDeletionsRepository,
    private readonly revoked: RevokedAccounts,
    private readonly tokens: AccessTokenService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.poll();
    this.timer = setInterval(() => {
      this.running ??= this.poll().finally(() => (this.running = undefined));
    }, REVOCATION_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async poll(): Promise<void> {
    try {
      const since = new Date(Date.now() - this.tokens.ttlSeconds * 1000 - SKEW_MS);
      this.revoked.replace(await this.deletions.requestedSince(since));
    } catch (error) {
      // The previous set stays: a database hiccup must not let deleted accounts back in.
      this.logger.warn(`revocation poll failed: ${String(error)}`);
    }
  }
}
