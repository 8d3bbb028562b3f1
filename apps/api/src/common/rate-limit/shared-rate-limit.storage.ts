import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { MemoryWindows, type WindowCount } from './memory-windows';
import { countHit } from './rate-limit-windows.repository';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Longer than any throttler's window (each counts a minute). */
const LOCAL_GENERATION_MS = 60_000;

/**
 * Login and content limits must hold however many API instances run behind the load balancer, so their
 * counters live in MySQL: one window per key, one upsert and one primary-key read per limited request
 * (only logins and worker-written posts are). The write limit, on every write including the claim rush,
 * stays in each instance's memory (MemoryWindows, the same windows): it only damps floods, and a database
 * round trip there would cost the hot paths. The embedded SQLite demo is one process: memory is shared
 * enough. A key over its limit stays refused until its window closes.
 */
export class SharedRateLimitStorage implements ThrottlerStorage {
  private readonly local = new MemoryWindows(LOCAL_GENERATION_MS);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sharedLimits: ReadonlySet<string>,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const shared = this.sharedLimits.has(throttlerName) && this.dataSource.options.type !== 'sqljs';
    const row: WindowCount = shared
      ? await countHit(this.dataSource, key, ttl, now)
      : this.local.hit(key, ttl, now);
    const timeToExpire = Math.max(1, Math.ceil((row.windowStart + ttl - now) / 1000));
    const isBlocked = row.hits > limit;
    return { totalHits: row.hits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }
}
