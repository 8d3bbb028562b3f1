import type { Org } from './entities/org.entity';
import { comparedOrgs, participationByOrg, scopeReaches } from './org-comparison';

const org = (id: number, parentId: number | null, path: string, memberCount = 10): Org =>
  ({ id, parentId, path, name: `组织${id}`, kind: parentId === null ? 'district' : 'street', depth: path.split('/').length - 3, memberCount }) as Org;

// A district (1) with two streets (2, 3); street 2 has an enterprise (4).
const tree = [org(1, null, '/1/', 100), org(2, 1, '/1/2/', 20), org(3, 1, '/1/3/', 40), org(4, 2, '/1/2/4/', 8)];

describe(scopeReaches.name, () => {
  const street = { all: false as const, paths: ['/1/2/'] };
  it('shows staff what they run and what is aimed at their subtree, above it or inside it', () => {
    expect(scopeReaches(street, '/1/2/', '/1/2/')).toBe(true); // runs it
    expect(scopeReaches(street, '/1/', null)).toBe(true); // district-wide
    expect(scopeReaches(street, '/1/', '/1/')).toBe(true); // aimed at the whole district
    expect(scopeReaches(street, '/1/', '/1/2/4/')).toBe(true); // aimed at one of its enterprises
  });
  it('hides what is aimed at another street, and everything from staff without a subtree', () => {
    expect(scopeReaches(street, '/1/', '/1/3/')).toBe(false);
    expect(scopeReaches({ all: false, paths: [] }, '/1/', null)).toBe(false);
    expect(scopeReaches({ all: true }, '/1/3/', '/1/3/')).toBe(true);
  });
});

describe(comparedOrgs.name, () => {
  it('compares the streets for the district, the enterprises for a street, and an org without children alone', () => {
    expect(comparedOrgs(tree, { all: true }).map((o) => o.id)).toEqual([2, 3]);
    expect(comparedOrgs(tree, { all: false, paths: ['/1/2/'] }).map((o) => o.id)).toEqual([4]);
    expect(comparedOrgs(tree, { all: false, paths: ['/1/3/'] }).map((o) => o.id)).toEqual([3]);
  });
});

describe(participationByOrg.name, () => {
  it('sums participants over each subtree against its member count, highest rate first, zeros kept', () => {
    const counts = [
      { path: '/1/2/4/', participants: 4 },
      { path: '/1/2/', participants: 1 },
      { path: '/1/3/', participants: 0 },
    ];
    expect(participationByOrg(counts, [tree[2], tree[1]]).map((r) => [r.org.id, r.participants, r.participationRate])).toEqual([
      [2, 5, 0.25],
      [3, 0, 0],
    ]);
  });
  it('caps the rate at 100% and answers 0 without a member count on record', () => {
    const [full] = participationByOrg([{ path: '/1/2/', participants: 30 }], [tree[1]]);
    expect(full.participationRate).toBe(1);
    const [none] = participationByOrg([{ path: '/1/2/', participants: 3 }], [org(2, 1, '/1/2/', 0)]);
    expect(none.participationRate).toBe(0);
  });
});
