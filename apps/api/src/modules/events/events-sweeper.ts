import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '../../common/scheduling/interval-job';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { EventsSweepService } from './events-sweep.service';

/** Runs the events sweep on every instance; several at once are safe by construction (see EventsSweepService). */
@Injectable()
export class EventsSweeper extends IntervalJob {
  protected readonly intervalSeconds: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sweepService: EventsSweepService,
  ) {
    super();
    this.intervalSeconds = config.events.sweepIntervalSeconds;
  }

  protected async runOnce(): Promise<string | undefined> {
    const result = await this.sweepService.sweep();
    return Object.values(result).some(Boolean) ? `swept events: ${JSON.stringify(result)}` : undefined;
  }
}
