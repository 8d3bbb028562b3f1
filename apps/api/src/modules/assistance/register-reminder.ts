import { Inject, Injectable } from '@nestjs/common';
import { IntervalJob } from '../../common/scheduling/interval-job';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { RegisterService } from './register.service';

/** Reminds staff of each family's yearly review; safe on several instances (see RegisterService.remindDue). */
@Injectable()
export class RegisterReminder extends IntervalJob {
  protected readonly intervalSeconds: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly register: RegisterService,
  ) {
    super();
    this.intervalSeconds = config.assistance.reminderIntervalSeconds;
  }

  protected async runOnce(): Promise<string | undefined> {
    const reminded = await this.register.remindDue();
    return reminded ? `yearly register reviews reminded: ${reminded}` : undefined;
  }
}
