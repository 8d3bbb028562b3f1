/**
 * A small per-instance cache for figures everyone reads and nobody needs to the second (leaderboard tops,
 * org rankings, a season's settings). Entries live `ttlMs`; concurrent misses for one key share a single
 * load, so a rush of readers costs one query per key per window, not one per reader. Each API instance
 * keeps its own: with N instances a figure may be up to `ttlMs` older on one than on another.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    /**
     * Past its TTL, an entry that has loaded is still served while one reload runs in the background, so
     * readers never wait on a reload (a leaderboard's index of tens of thousands of rows), only on the
     * first load. A figure may then be up to `ttlMs` plus one load old.
     */
    private readonly options: { serveStaleWhileReloading?: boolean } = {},
  ) {}

  /**
   * The value of `key`, loaded by `load` when missing or expired. A background reload is handed the value it
   * replaces, so it can read only what changed since (a leaderboard's standings).
   */
  get(key: K, load: (previous?: V) => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (hit?.loaded && this.options.serveStaleWhileReloading) {
      if (!hit.reloading) {
        hit.reloading = true;
        load(hit.current).then(
          (value) => {
            // Unless the entry was dropped or replaced meanwhile (delete, clear, eviction). Re-inserted, so the
            // map stays in expiry order (one TTL for all) and eviction can stop at the first live entry.
            if (this.entries.get(key) === hit) {
              this.entries.delete(key);
              this.entries.set(key, loadedEntry(value, now + this.ttlMs));
            }
          },
          // A failed reload keeps serving the old value; the next reader past the TTL tries again.
          () => (hit.reloading = false),
        );
      }
      return hit.value;
    }
    if (hit) this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.evictExpired(now);
    const value = load();
    const entry: Entry<V> = { value, expires: now + this.ttlMs, loaded: false, reloading: false };
    this.entries.set(key, entry);
    value.then(
      (current) => {
        entry.loaded = true;
        entry.current = current;
      },
      // A failed load is not remembered: the next reader tries again.
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return value;
  }

  /** The live value of `key`, or undefined: never loads. */
  peek(key: K, now = Date.now()): Promise<V> | undefined {
    const hit = this.entries.get(key);
    return hit && hit.expires > now ? hit.value : undefined;
  }

  /** Keeps a value this instance already holds (one it just wrote), for `ttlMs`. */
  set(key: K, value: V, now = Date.now()): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.evictExpired(now);
    this.entries.set(key, loadedEntry(value, now + this.ttlMs));
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * Entries are kept in insertion order, which is expiry order (one TTL; a reload re-inserts): the expired
   * ones are at the front, so this stops at the first live one instead of walking a full map on every miss.
   */
  private evictExpired(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expires > now) break;
      this.entries.delete(key);
    }
    // Still full of live entries: drop the oldest inserted rather than grow without bound.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
  }
}

interface Entry<V> {
  value: Promise<V>;
  expires: number;
  /** The value has arrived (a pending or failed load is never served stale). */
  loaded: boolean;
  /** The value itself once it has arrived: what a reload starts from. */
  current?: V;
  reloading: boolean;
}

function loadedEntry<V>(value: V, expires: number): Entry<V> {
  return { value: Promise.resolve(value), current: value, expires, loaded: true, reloading: false };
}
