import { checkinDay, makeUpsLeft, progressOf, standingOf, type DayRecord } from './standing';

const season = {
  startsOn: '2026-11-01',
  endsOn: '2026-11-30',
  makeUpAllowance: 2,
  badgeThresholds: [3, 7, 21],
};

const read = (day: string, minutes = 30, makeUp = false): DayRecord => ({
  day,
  minutes,
  makeUp,
});

describe(checkinDay.name, () => {
  it('takes today when no date is given', () => {
    expect(checkinDay(season, '2026-11-10')).toEqual({
      day: '2026-11-10',
      makeUp: false,
    });
    expect(checkinDay(season, '2026-11-10', '2026-11-10')).toEqual({
      day: '2026-11-10',
      makeUp: false,
    });
  });

  it('makes an earlier day inside the season a make-up', () => {
    expect(checkinDay(season, '2026-11-10', '2026-11-01')).toEqual({
      day: '2026-11-01',
      makeUp: true,
    });
  });

  it('refuses a later day and a day before the season', () => {
    expect(checkinDay(season, '2026-11-10', '2026-11-11')).toEqual({
      refused: 'futureDay',
    });
    expect(checkinDay(season, '2026-11-10', '2026-10-31')).toEqual({
      refused: 'beforeSeason',
    });
  });

  it('refuses everything before the season starts and after it ends, make-ups included', () => {
    expect(checkinDay(season, '2026-10-31')).toEqual({
      refused: 'seasonClosed',
    });
    expect(checkinDay(season, '2026-12-01', '2026-11-30')).toEqual({
      refused: 'seasonClosed',
    });
    expect(checkinDay(season, '2026-11-30')).toEqual({
      day: '2026-11-30',
      makeUp: false,
    });
  });
});

describe(makeUpsLeft.name, () => {
  it('counts down the allowance and stops at zero', () => {
    expect(makeUpsLeft(2, 0)).toBe(2);
    expect(makeUpsLeft(2, 2)).toBe(0);
    expect(makeUpsLeft(1, 3)).toBe(0);
  });
});

describe(standingOf.name, () => {
  it('is empty before the first check-in', () => {
    expect(standingOf([])).toEqual({
      days: 0,
      longestStreak: 0,
      lastRun: 0,
      lastDay: null,
      minutes: 0,
    });
  });

  it('sums minutes and finds the longest run and the run ending on the last day', () => {
    const days = [
      read('2026-11-01', 10),
      read('2026-11-02', 20),
      read('2026-11-03', 5),
      read('2026-11-06', 40),
    ];
    expect(standingOf(days)).toEqual({
      days: 4,
      longestStreak: 3,
      lastRun: 1,
      lastDay: '2026-11-06',
      minutes: 75,
    });
  });

  it('joins two runs when a make-up fills the gap between them', () => {
    const before = [read('2026-11-01'), read('2026-11-02'), read('2026-11-04'), read('2026-11-05')];
    expect(standingOf(before).longestStreak).toBe(2);
    const after = [
      read('2026-11-01'),
      read('2026-11-02'),
      read('2026-11-03', 30, true),
      read('2026-11-04'),
      read('2026-11-05'),
    ];
    expect(standingOf(after)).toMatchObject({
      days: 5,
      longestStreak: 5,
      lastRun: 5,
      lastDay: '2026-11-05',
    });
  });

  it('counts runs across a month end', () => {
    expect(standingOf([read('2026-10-31'), read('2026-11-01')]).longestStreak).toBe(2);
  });
});

describe(progressOf.name, () => {
  it('keeps the current streak alive through today while yesterday was checked in', () => {
    const days = [read('2026-11-08'), read('2026-11-09')];
    expect(progressOf(days, '2026-11-10', season)).toMatchObject({
      currentStreak: 2,
      longestStreak: 2,
      checkedInToday: false,
    });
    expect(progressOf(days, '2026-11-11', season).currentStreak).toBe(0);
  });

  it('reports badges reached, the next one and the make-ups left', () => {
    const days = [
      read('2026-11-05', 30, true),
      read('2026-11-06'),
      read('2026-11-07'),
      read('2026-11-08', 15),
    ];
    expect(progressOf(days, '2026-11-08', season)).toEqual({
      today: '2026-11-08',
      days: 4,
      currentStreak: 4,
      longestStreak: 4,
      minutes: 105,
      badges: [3],
      nextBadge: 7,
      checkedInToday: true,
      makeUpsLeft: 1,
      checkinDays: ['2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08'],
    });
  });

  it('has no next badge once every threshold is reached', () => {
    const days = Array.from({ length: 21 }, (_, i) => read(`2026-11-${String(i + 1).padStart(2, '0')}`));
    expect(progressOf(days, '2026-11-21', season)).toMatchObject({
      badges: [3, 7, 21],
      nextBadge: null,
    });
  });
});
