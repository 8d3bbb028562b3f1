import { RankIndex } from './rank-index';

type Row = { score: number; userId: number };
const byScore = (a: Row, b: Row) => b.score - a.score || a.userId - b.userId;

describe('RankIndex', () => {
  const rows: Row[] = [
    { score: 100, userId: 3 },
    { score: 90, userId: 1 },
    { score: 90, userId: 4 },
    { score: 70, userId: 2 },
  ];
  const index = new RankIndex(rows, byScore);

  it('ranks an entry by how many come strictly before it', () => {
    expect(index.rankOf({ score: 100, userId: 3 })).toBe(1);
    expect(index.rankOf({ score: 90, userId: 4 })).toBe(3);
    expect(index.rankOf({ score: 70, userId: 2 })).toBe(4);
  });

  it('places a fresher, better standing among the others without counting its own older entry', () => {
    // User 2 improved from 70 to 95 since the index was built.
    expect(index.rankOf({ score: 95, userId: 2 })).toBe(2);
    expect(index.rankOf({ score: 10, userId: 9 })).toBe(5);
  });

  it('agrees with counting on random data', () => {
    const random: Row[] = Array.from({ length: 500 }, (_, i) => ({ score: (i * 7919) % 37, userId: i }));
    const sorted = [...random].sort(byScore);
    const big = new RankIndex(sorted, byScore);
    for (const row of random.slice(0, 50)) {
      expect(big.rankOf(row)).toBe(random.filter((other) => byScore(other, row) < 0).length + 1);
    }
  });
});
