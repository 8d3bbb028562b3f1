/**
 * A small per-instance cache for figures everyone reads and nobody needs to the second (leaderboard tops,
 * org rankings, a season's settings). Entries live `ttlMs`; concurrent misses for one key share a single
 * load, so a rush of readers costs one query per key per window, not one per reader. Each API instance
 * keeps its own: with N instances a figure may be up to `ttlMs` older on one than on another.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: Promise<V>; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
  ) {}

  get(key: K, load: () => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (this.entries.size >= this.maxEntries) this.evictExpired(now);
    const value = load();
    this.entries.set(key, { value, expires: now + this.ttlMs });
    // A failed load is not remembered: the next reader tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private evictExpired(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expires <= now) this.entries.delete(key);
    // Still full of live entries: drop the oldest inserted rather than grow without bound.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
  }
}
