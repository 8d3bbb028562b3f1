import { AppException } from '../../common/errors/app-exception';
import { childDepth, childPath, MAX_ORG_DEPTH, scopeContains, scopePathCondition } from './org-tree';

describe(childDepth.name, () => {
  it('puts a top-level org at depth 0 and a child one below its parent', () => {
    expect(childDepth(null)).toBe(0);
    expect(childDepth({ depth: 2 })).toBe(3);
  });

  it(`refuses a tree deeper than ${MAX_ORG_DEPTH} levels`, () => {
    expect(childDepth({ depth: MAX_ORG_DEPTH - 2 })).toBe(MAX_ORG_DEPTH - 1);
    expect(() => childDepth({ depth: MAX_ORG_DEPTH - 1 })).toThrow(AppException);
  });
});

describe(childPath.name, () => {
  it("appends the org's own id to its parent's path", () => {
    expect(childPath(null, 7)).toBe('/7/');
    expect(childPath({ path: '/1/4/' }, 9)).toBe('/1/4/9/');
  });
});

describe(scopeContains.name, () => {
  it('lets admins see every org', () => {
    expect(scopeContains({ all: true }, { path: '/3/' })).toBe(true);
  });

  it("lets staff see their orgs' subtrees and nothing beside them", () => {
    const scope = { all: false as const, paths: ['/1/4/', '/2/'] };
    expect(scopeContains(scope, { path: '/1/4/' })).toBe(true);
    expect(scopeContains(scope, { path: '/1/4/9/' })).toBe(true);
    expect(scopeContains(scope, { path: '/2/5/' })).toBe(true);
    expect(scopeContains(scope, { path: '/1/' })).toBe(false);
    expect(scopeContains(scope, { path: '/1/5/' })).toBe(false);
  });

  it('lets staff with no grant see nothing', () => {
    expect(scopeContains({ all: false, paths: [] }, { path: '/1/' })).toBe(false);
  });
});

describe(scopePathCondition.name, () => {
  it('matches every row for admins and none for staff without a grant', () => {
    expect(scopePathCondition({ all: true }, 'o.path')).toEqual(['1 = 1', {}]);
    expect(scopePathCondition({ all: false, paths: [] }, 'o.path')).toEqual(['1 = 0', {}]);
  });

  it('is a prefix match per granted subtree, with the paths as parameters', () => {
    expect(scopePathCondition({ all: false, paths: ['/1/4/', '/2/'] }, 'o.path')).toEqual([
      '(o.path LIKE :scopePath0 OR o.path LIKE :scopePath1)',
      { scopePath0: '/1/4/%', scopePath1: '/2/%' },
    ]);
  });
});
