// The draw of @jingcai/shared with the HMAC the API (and scripts/events-draw.mjs) gives it.
import { createHash } from 'node:crypto';
import { drawLottery, type LotteryEntry } from '@jingcai/shared';
import { hmacSha256Hex as hmac } from './event-codes';

const seedOf = (i: number) => createHash('sha256').update(`seed-${i}`).digest('hex');
const entries = (count: number, sessionId = 1): LotteryEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    publicNo: `A${String(i).padStart(7, '2')}`,
    sessionId,
    deprioritised: false,
  }));

describe(drawLottery.name, () => {
  it('is reproducible: the same seed and list give the same winners, whatever order the list comes in', () => {
    const list = entries(20);
    const first = drawLottery(seedOf(1), [{ sessionId: 1, capacity: 5 }], list, hmac);
    const shuffled = [...list].reverse();
    expect(drawLottery(seedOf(1), [{ sessionId: 1, capacity: 5 }], shuffled, hmac)).toEqual(first);
    expect(first[0].winners).toHaveLength(5);
    expect(first[0].waitlist).toHaveLength(15);
    expect(new Set([...first[0].winners, ...first[0].waitlist]).size).toBe(20);
    expect(drawLottery(seedOf(2), [{ sessionId: 1, capacity: 5 }], list, hmac)).not.toEqual(first);
  });

  it('gives every sign-up an equal chance: 2,000 seeds, 20 sign-ups, 5 places', () => {
    const draws = 2000;
    const list = entries(20);
    const wins = new Map(list.map((e) => [e.publicNo, 0]));
    for (let i = 0; i < draws; i++) {
      for (const no of drawLottery(seedOf(i), [{ sessionId: 1, capacity: 5 }], list, hmac)[0].winners)
        wins.set(no, wins.get(no)! + 1);
    }
    const p = 5 / 20;
    const expected = draws * p; // 500
    const sd = Math.sqrt(draws * p * (1 - p)); // ≈ 19.4
    // Each count is Binomial(2000, 1/4): 5 sd either side fails a fair draw about once in 1.7 million per entry.
    for (const count of wins.values()) expect(Math.abs(count - expected)).toBeLessThan(5 * sd);
    // Together: the chi-square statistic (scaled for a fixed total of winners) below χ²(19)'s 99.9 % point.
    const chi = [...wins.values()].reduce((sum, o) => sum + (o - expected) ** 2 / (expected * (1 - p)), 0);
    expect(chi).toBeLessThan(43.82);
  });

  it('draws each session on its own and puts deprioritised entries after everyone else', () => {
    const list = [
      ...entries(6, 1),
      ...entries(3, 2).map((e) => ({ ...e, publicNo: `B${e.publicNo.slice(1)}` })),
    ];
    list[0] = { ...list[0], deprioritised: true };
    list[1] = { ...list[1], deprioritised: true };
    for (let i = 0; i < 50; i++) {
      const [one, two] = drawLottery(
        seedOf(i),
        [
          { sessionId: 1, capacity: 4 },
          { sessionId: 2, capacity: 5 },
        ],
        list,
        hmac,
      );
      expect(one.winners).not.toContain(list[0].publicNo);
      expect(one.winners).not.toContain(list[1].publicNo);
      expect(one.waitlist).toHaveLength(2);
      expect(two.winners).toHaveLength(3);
      expect(two.waitlist).toHaveLength(0);
    }
  });
});
