import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '../../common/scheduling/interval-job';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AccountService } from './account.service';

/**
 * Erases deleted accounts on every instance. Each step is idempotent, so instances sweeping at once need no
 * leader. Every deletion is erased on the first run after it, well inside the 15 working days the law allows;
 * a failing one is retried on each run.
 */
@Injectable()
export class ErasureSweeper extends IntervalJob {
  protected readonly intervalSeconds: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly account: AccountService,
  ) {
    super();
    this.intervalSeconds = config.account.sweepIntervalSeconds;
  }

  protected async runOnce(): Promise<string | undefined> {
    const erased = await this.account.sweep();
    return erased ? `erased ${erased} deleted account(s)` : undefined;
  }
}
