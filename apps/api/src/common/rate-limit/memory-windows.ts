/** One counting window of a bucket: how many hits since it opened (epoch ms). */
export interface WindowCount {
  hits: number;
  windowStart: number;
}

/**
 * Rate-limit windows in this process's memory: a key's window opens at its first hit and lasts `ttlMs`, as in
 * the shared table (countHit), so a limit means the same whichever store counts it. One small record per key,
 * in two generations swapped every `generationMs` (at least the longest window): a window still open when its
 * generation retires moves to the new one on its next hit, and a whole generation is dropped at once when it
 * can hold no open window. The
 * throttler library's own store kept a record per key with a list of every hit's expiry until a sweep each
 * minute; in a release rush (thousands of new workers a minute) that heap grew from round to round and the
 * API's CPU per claim grew with it (tests/bench/claims).
 */
export class MemoryWindows {
  private current = new Map<string, WindowCount>();
  private previous = new Map<string, WindowCount>();
  private rotatedAt = 0;

  constructor(private readonly generationMs: number) {}

  /** Counts one hit of `key` in a window of `ttlMs` at `now` (epoch ms); answers its window including the hit. */
  hit(key: string, ttlMs: number, now: number): WindowCount {
    this.rotate(now);
    const stored = this.current.get(key) ?? this.previous.get(key);
    const open = stored && stored.windowStart > now - ttlMs;
    const window = open
      ? { windowStart: stored.windowStart, hits: stored.hits + 1 }
      : { windowStart: now, hits: 1 };
    this.current.set(key, window);
    return { ...window };
  }

  /** Takes back one hit, if the window it was counted in is still the key's. */
  unhit(key: string, window: WindowCount): void {
    const stored = this.current.get(key) ?? this.previous.get(key);
    if (stored && stored.windowStart === window.windowStart && stored.hits > 0) stored.hits -= 1;
  }

  /** Keys held, both generations (for tests). */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  private rotate(now: number): void {
    if (now - this.rotatedAt < this.generationMs) return;
    // Every window in `previous` opened before the last rotation, a generation or more ago: all closed. Every
    // hit in `current` came before the next rotation was due: two generations on, those are closed too.
    this.previous =
      now - this.rotatedAt < 2 * this.generationMs ? this.current : new Map<string, WindowCount>();
    this.current = new Map<string, WindowCount>();
    this.rotatedAt = now;
  }
}
