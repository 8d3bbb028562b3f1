import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MemoryWindows, type WindowCount } from './memory-windows';

/** Longer than any window counted here. */
const LOCAL_GENERATION_MS = 3600_000;


/**
 * Counts one hit of `key` in the shared table and answers the count including it. The window opens at a
 * key's first hit and lasts `ttlMs`, as in the throttler's own memory store, so a limit means the same
 * whichever store counts it. Assignments run left to right: `hits` still sees the stored window when it
 * decides whether that window is over. The read shares the upsert's transaction, whose row lock holds
 * other hits off until it commits: each hit reads its own place in the count, so a burst of concurrent
 * hits on any number of instances is cut exactly at the limit.
 */
export function countHit(dataSource: DataSource, key: string, ttlMs: number, now: number): Promise<WindowCount> {
  return dataSource.transaction(async (manager) => {
    await manager.query(
      'INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES (?, ?, 1) ' +
        'ON DUPLICATE KEY UPDATE hits = IF(window_start > ?, hits + 1, 1), ' +
        'window_start = IF(window_start > ?, window_start, VALUES(window_start))',
      [key, now, now - ttlMs, now - ttlMs],
    );
    const [row] = await manager.query<{ hits: number; windowStart: string }[]>(
      'SELECT hits, window_start AS windowStart FROM rate_limit_windows WHERE bucket = ?',
      [key],
    );
    return { hits: Number(row?.hits ?? 1), windowStart: Number(row?.windowStart ?? now) };
  });
}

/**
 * Limits that count outcomes rather than requests (failed console logins): a caller counts a hit before
 * it acts, so concurrent requests on any instance cannot overshoot the limit, and takes the hit back when
 * the outcome turns out not to count. Shared through MySQL like the login throttler; the embedded SQLite
 * demo is one process, so it counts in memory.
 */
@Injectable()
export class RateLimitWindowsRepository {
  /** The embedded SQLite demo's windows (logins: a minute; console-login failures: see the service). */
  private readonly local = new MemoryWindows(LOCAL_GENERATION_MS);

  constructor(private readonly dataSource: DataSource) {}

  hit(bucket: string, ttlMs: number, now: Date): Promise<WindowCount> {
    const at = now.getTime();
    if (this.dataSource.options.type !== 'sqljs') return countHit(this.dataSource, bucket, ttlMs, at);
    return Promise.resolve(this.local.hit(bucket, ttlMs, at));
  }

  /** Takes back one hit, if the window it was counted in is still the bucket's. */
  async unhit(bucket: string, window: WindowCount): Promise<void> {
    if (this.dataSource.options.type !== 'sqljs') {
      await this.dataSource.query(
        'UPDATE rate_limit_windows SET hits = hits - 1 WHERE bucket = ? AND window_start = ? AND hits > 0',
        [bucket, window.windowStart],
      );
      return;
    }
    this.local.unhit(bucket, window);
  }
}
