import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Login and content limits must hold however many API instances run behind the load balancer, so their
 * counters live in MySQL: one window per key, one upsert and one primary-key read per limited request
 * (only logins and worker-written posts are). The write limit, on every write including the claim rush,
 * stays in each instance's memory: it only damps floods, and a database round trip there would cost the
 * hot paths. The embedded SQLite demo is one process: memory is shared enough.
 */
export class SharedRateLimitStorage implements ThrottlerStorage {
  private readonly local = new ThrottlerStorageService();

  constructor(
    private readonly dataSource: DataSource,
    private readonly sharedLimits: ReadonlySet<string>,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (!this.sharedLimits.has(throttlerName) || this.dataSource.options.type === 'sqljs') {
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    const now = Date.now();
    // The window opens at a key's first hit and lasts `ttl`, as in the throttler's own memory store, so a
    // limit means the same whichever store counts it. Assignments run left to right: `hits` still sees
    // the stored window when it decides whether that window is over.
    await this.dataSource.query(
      'INSERT INTO rate_limit_windows (bucket, window_start, hits) VALUES (?, ?, 1) ' +
        'ON DUPLICATE KEY UPDATE hits = IF(window_start > ?, hits + 1, 1), ' +
        'window_start = IF(window_start > ?, window_start, VALUES(window_start))',
      [key, now, now - ttl, now - ttl],
    );
    const [row] = await this.dataSource.query<{ hits: number; windowStart: string }[]>(
      'SELECT hits, window_start AS windowStart FROM rate_limit_windows WHERE bucket = ?',
      [key],
    );
    const totalHits = Number(row?.hits ?? 1);
    const timeToExpire = Math.max(1, Math.ceil((Number(row?.windowStart ?? now) + ttl - now) / 1000));
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }
}
