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

  it('takes changes in place of the entries they supersede, as a full sort would order them', () => {
    const random: Row[] = Array.from({ length: 2000 }, (_, i) => ({ score: (i * 7919) % 37, userId: i }));
    const byUser = new Map(random.map((row) => [row.userId, row]));
    const before = new RankIndex([...random].sort(byScore), byScore);
    // Some improve, some newcomers arrive, and some re-read rows come back unchanged.
    const changes: Row[] = [
      ...random.filter((row) => row.userId % 13 === 0).map((row) => ({ ...row, score: row.score + 5 })),
      ...Array.from({ length: 40 }, (_, i) => ({ score: (i * 31) % 45, userId: 5000 + i })),
      ...random.filter((row) => row.userId % 17 === 1 && row.userId % 13 !== 0).map((row) => ({ ...row })),
    ];
    const after = before.withChanges(changes, (change) => byUser.get(change.userId));

    const expected = new Map(byUser);
    for (const change of changes) expected.set(change.userId, change);
    expect(after.sorted).toEqual([...expected.values()].sort(byScore));
    expect(before.sorted).toHaveLength(2000);
    expect(before.withChanges([], () => undefined).sorted).toEqual(before.sorted);
  });
});
