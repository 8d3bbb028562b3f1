/**
 * Everyone's standing in one sorted array, so "what is my rank?" is a binary search instead of a COUNT
 * over every row ahead of me. Built from one ordered index scan and cached for a few seconds: a reader's
 * own row is read fresh and placed among the others as they stood when the index was built. Standings
 * only ever improve (a best score, a count of days), so a reader's older entry never sits ahead of the
 * fresh one and is never counted against them.
 */
export class RankIndex<T> {
  constructor(
    /** Sorted best first by `compare`. */
    readonly sorted: readonly T[],
    private readonly compare: (a: T, b: T) => number,
  ) {}

  /** 1 + the number of entries strictly ahead of `entry`. */
  rankOf(entry: T): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(this.sorted[middle], entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  }
}
