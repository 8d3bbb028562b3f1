import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '../../common/scheduling/interval-job';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ClaimsService } from './claims.service';

/** Runs the expiry sweep on every instance; several at once are safe by construction (see ClaimsService.sweep). */
@Injectable()
export class ClaimSweeper extends IntervalJob {
  protected readonly intervalSeconds: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly claims: ClaimsService,
  ) {
    super();
    this.intervalSeconds = config.care.sweepIntervalSeconds;
  }

  protected async runOnce(): Promise<string | undefined> {
    const result = await this.claims.sweep();
    return result.expired || result.reminded ? `swept claims: ${JSON.stringify(result)}` : undefined;
  }
}
