import { pathIds, stepOrgs, streetLevelOf } from './review-levels';

describe('review levels', () => {
  const staffed =
    (...ids: number[]) =>
    (id: number) =>
      ids.includes(id);

  it('reads the chain of a path', () => {
    expect(pathIds('/1/4/9/')).toEqual([1, 4, 9]);
    expect(streetLevelOf('/1/4/9/')).toBe(4);
    expect(streetLevelOf('/1/4/')).toBe(4);
    expect(streetLevelOf('/1/')).toBe(1);
  });

  it('lets an enterprise union with staff check; the street approves; the district grants', () => {
    expect(stepOrgs('/1/4/9/', staffed(9, 4))).toEqual({ check: 9, approve: 4, grant: 1 });
  });

  it('gives the check to the street when the enterprise has no union staff', () => {
    expect(stepOrgs('/1/4/9/', staffed(4))).toEqual({ check: 4, approve: 4, grant: 1 });
    expect(stepOrgs('/1/4/9/', staffed())).toEqual({ check: 4, approve: 4, grant: 1 });
  });

  it('takes the nearest staffed union between the enterprise and the street', () => {
    expect(stepOrgs('/1/4/7/9/', staffed(7, 4))).toEqual({ check: 7, approve: 4, grant: 1 });
    expect(stepOrgs('/1/4/7/9/', staffed(9, 7))).toEqual({ check: 9, approve: 4, grant: 1 });
  });

  it('keeps checking and approving with a street-level union for its own workers', () => {
    expect(stepOrgs('/1/5/', staffed(5))).toEqual({ check: 5, approve: 5, grant: 1 });
  });
});
