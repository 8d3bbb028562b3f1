import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { countHit } from './rate-limit-windows.repository';

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
    const row = await countHit(this.dataSource, key, ttl, now);
    const totalHits = row.hits;
    const timeToExpire = Math.max(1, Math.ceil((row.windowStart + ttl - now) / 1000));
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }
}
