import { shanghaiDay, shanghaiDayStart } from '@jingcai/shared';

/**
 * The seed's dice: mulberry32, a small seeded PRNG, so every demo database holds the same people, scores
 * and stories. Never for anything secret.
 */
export class Dice {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, bound). */
  int = (bound: number): number => Math.floor(this.next() * bound);

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, count);
  }

  /** An item by weight: `[[item, weight], …]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let roll = this.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of entries) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return entries[entries.length - 1][0];
  }
}

const DAY_MS = 86_400_000;

/**
 * "Now" as the seed sees it (the Clock's instant when seeding started): every date is relative to it, so
 * the demo always looks current. Days are Asia/Shanghai days.
 */
export class DemoTime {
  readonly today: string;

  constructor(readonly now: Date) {
    this.today = shanghaiDay(now);
  }

  /** The Shanghai day `offset` days from today (negative: past). */
  day(offset: number): string {
    return shanghaiDay(shanghaiDayStart(this.today).getTime() + offset * DAY_MS + DAY_MS / 2);
  }

  /**
   * An instant on the day `offset` days from today at `hour` (fractional, Shanghai time). Never after now:
   * a later hour today lands between the day's start (or two hours ago) and now instead.
   */
  at(offset: number, hour: number): Date {
    const start = shanghaiDayStart(this.day(offset)).getTime();
    const instant = start + hour * 3_600_000;
    const now = this.now.getTime();
    if (instant <= now) return new Date(instant);
    const earliest = Math.max(start, now - 2 * 3_600_000);
    return new Date(earliest + (now - earliest) * (hour % 1));
  }

  /** `days` days from now, exactly (negative: past). */
  shift(days: number): Date {
    return new Date(this.now.getTime() + days * DAY_MS);
  }

  /** A plausible waking hour for activity: most of it at lunch and in the evening. */
  static hour(dice: Dice): number {
    return dice.weighted([
      [7.5, 1],
      [9, 1],
      [12.2, 3],
      [13, 2],
      [18.5, 2],
      [20.5, 4],
      [21.5, 3],
    ]) + dice.next() * 0.9;
  }
}
