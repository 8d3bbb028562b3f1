import { TtlCache } from '../cache/ttl-cache';

/**
 * How long a leaderboard's shared parts (the index of everyone's standing, the top, the org ranking) are
 * reused; a reader's own row is always read fresh.
 */
const RANKING_CACHE_MS = 5_000;

/**
 * A cache for a leaderboard's shared parts. Past the window the old ranking is served while one reload runs
 * in the background: an index of tens of thousands of rows takes tens of milliseconds to load, and readers
 * queued behind it were the slowest of the quiz benchmark's leaderboard reads.
 */
export function rankingCache<K, V>(): TtlCache<K, V> {
  return new TtlCache<K, V>(RANKING_CACHE_MS, 1000, { serveStaleWhileReloading: true });
}
