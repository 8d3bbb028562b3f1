import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AccountService } from './account.service';

/**
 * Runs the erasure of deleted accounts on every instance at a fixed interval (as care's ClaimSweeper). Each
 * step is idempotent, so instances sweeping at once need no leader. Every deletion is erased on the first
 * run after it, well inside the 15 working days the law allows; a failing one is retried on each run.
 */
@Injectable()
export class ErasureSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ErasureSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly account: AccountService,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.account.sweepIntervalSeconds;
    if (!seconds) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.account
        .sweep()
        .then((erased) => erased && this.logger.log(`erased ${erased} deleted account(s)`))
        .catch((error: unknown) => this.logger.error(`erasure sweep failed: ${String(error)}`))
        .finally(() => (this.running = undefined));
    }, seconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
