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

  /**
   * This index with `changes` in place of the entries they supersede (`previousOf` answers the entry held
   * now, the very object, or undefined for a newcomer). The changes are sorted and merged with the rest in
   * one pass: a reload that read the few standings changed since the last one costs a walk of the array,
   * not a sort of it or a read of every row.
   */
  withChanges(changes: readonly T[], previousOf: (entry: T) => T | undefined): RankIndex<T> {
    if (!changes.length) return this;
    const superseded = new Set<T>();
    for (const change of changes) {
      const previous = previousOf(change);
      if (previous !== undefined) superseded.add(previous);
    }
    const fresh = [...changes].sort(this.compare);
    const merged: T[] = [];
    let held = 0;
    let next = 0;
    while (held < this.sorted.length || next < fresh.length) {
      const kept = this.sorted[held];
      if (held < this.sorted.length && superseded.has(kept)) held++;
      else if (next >= fresh.length || (held < this.sorted.length && this.compare(kept, fresh[next]) <= 0)) {
        merged.push(kept);
        held++;
      } else merged.push(fresh[next++]);
    }
    return new RankIndex(merged, this.compare);
  }
}
