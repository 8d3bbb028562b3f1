import { addDays, daysBetween, fillDays, mondayOf, sumByWeek, trendWindow } from './dashboard';

describe('dashboard days and weeks', () => {
  it('moves across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysBetween('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('starts weeks on Monday: a Sunday belongs to the week before', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07'); // Monday
    expect(mondayOf('2026-12-13')).toBe('2026-12-07'); // Sunday
    expect(mondayOf('2026-12-14')).toBe('2026-12-14');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('ends a window on the last day of what has ended, and starts it no earlier than its first', () => {
    expect(trendWindow('2026-12-07', 7)).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(trendWindow('2026-12-07', 30, { startsOn: '2026-12-03', endsOn: '2026-12-31' })).toEqual({
      from: '2026-12-03',
      to: '2026-12-07',
    });
    expect(trendWindow('2026-12-07', 7, { startsOn: '2026-10-01', endsOn: '2026-11-10' })).toEqual({
      from: '2026-11-04',
      to: '2026-11-10',
    });
    const future = trendWindow('2026-12-07', 7, { startsOn: '2026-12-20', endsOn: '2026-12-31' });
    expect(daysBetween(future.from, future.to)).toEqual([]);
  });

  it('fills days without rows with zeros, in order', () => {
    const rows = [{ day: '2026-12-03', n: 4 }];
    expect(fillDays(rows, { from: '2026-12-02', to: '2026-12-04' }, { n: 0 })).toEqual([
      { day: '2026-12-02', n: 0 },
      { day: '2026-12-03', n: 4 },
      { day: '2026-12-04', n: 0 },
    ]);
  });

  it('sums days into Monday weeks, empty weeks included', () => {
    const rows = [
      { day: '2026-11-29', a: 1, b: 0 }, // Sunday: the week of Nov 23
      { day: '2026-11-30', a: 2, b: 1 },
      { day: '2026-12-06', a: 3, b: 2 },
    ];
    expect(sumByWeek(rows, { from: '2026-11-25', to: '2026-12-08' }, ['a', 'b'])).toEqual([
      { week: '2026-11-23', a: 1, b: 0 },
      { week: '2026-11-30', a: 5, b: 3 },
      { week: '2026-12-07', a: 0, b: 0 },
    ]);
  });
});
