import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClaimsService } from './claims.service';

/**
 * Runs the expiry sweep on every instance at a fixed interval. Running it on several instances at once
 * is safe by construction (see ClaimsService.sweep), so no leader election is needed.
 */
@Injectable()
export class ClaimSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ClaimSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly claims: ClaimsService,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.care.sweepIntervalSeconds;
    if (!seconds) return;
    this.timer = setInterval(() => {
      if (this.running) return; // the previous sweep is still going
      this.running = this.claims
        .sweep()
        .then(
          (result) =>
            (result.expired || result.reminded) && this.logger.log(`swept claims: ${JSON.stringify(result)}`),
        )
        .catch((error: unknown) => this.logger.error(`claim sweep failed: ${String(error)}`))
        .finally(() => (this.running = undefined));
    }, seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
