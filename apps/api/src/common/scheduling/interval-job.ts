import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * A job every API instance runs at a fixed interval (expiry sweeps, erasure, reminders). Jobs built on it
 * must be safe to run on several instances at once (conditional updates, idempotent steps), so no leader
 * election is needed. A run never overlaps the previous one, a failure is logged and retried on the next
 * tick, and shutdown waits for the run in progress.
 */
export abstract class IntervalJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  /** Seconds between runs; 0 turns the job off (tests drive it by hand). */
  protected abstract readonly intervalSeconds: number;
  /** One run; returns a line to log when it did something. */
  protected abstract runOnce(): Promise<string | undefined>;

  onApplicationBootstrap(): void {
    if (!this.intervalSeconds) return;
    this.timer = setInterval(() => {
      if (this.running) return; // the previous run is still going
      this.running = this.runOnce()
        .then((done) => done && this.logger.log(done))
        .catch((error: unknown) => this.logger.error(`${this.constructor.name} failed: ${String(error)}`))
        .finally(() => (this.running = undefined));
    }, this.intervalSeconds * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
