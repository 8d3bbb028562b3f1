import { Global, Injectable, Module } from '@nestjs/common';

/** The time as features see it: one seam so tests can cross an Asia/Shanghai midnight without waiting. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
