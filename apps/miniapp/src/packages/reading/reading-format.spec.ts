import { formatDay, formatRate, formatSeasonWindow, missedDays, monthGrid, noteLength, previousDay, shiftMonth } from './reading-format';

describe(missedDays.name, () => {
  const season = { startsOn: '2026-11-01', endsOn: '2026-11-30' };

  it('lists the days not checked in, from the season start up to yesterday, newest first', () => {
    expect(missedDays(season, ['2026-11-02', '2026-11-04'], '2026-11-05', 3)).toEqual(['2026-11-03', '2026-11-01']);
  });

  it('offers nothing once the make-ups are used, or on the season’s first day', () => {
    expect(missedDays(season, [], '2026-11-05', 0)).toEqual([]);
    expect(missedDays(season, [], '2026-11-01', 3)).toEqual([]);
  });

  it('stops at the season end when today is past it', () => {
    expect(missedDays({ startsOn: '2026-11-29', endsOn: '2026-11-30' }, ['2026-11-29'], '2026-12-03', 1)).toEqual(['2026-11-30']);
  });
});

describe(monthGrid.name, () => {
  it('lays a month out in weeks from Sunday, with blanks around it', () => {
    // 2026-11-01 is a Sunday; November has 30 days: 5 weeks, the last with 30 then six blanks.
    const weeks = monthGrid('2026-11');
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0]).toBe('2026-11-01');
    expect(weeks[4]).toEqual(['2026-11-29', '2026-11-30', null, null, null, null, null]);
    // 2026-12-01 is a Tuesday.
    expect(monthGrid('2026-12')[0]).toEqual([null, null, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']);
  });
});

describe('days and months', () => {
  it('steps across month and year ends', () => {
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
  });

  it('writes days, the season window and rates as the pages show them', () => {
    expect(formatDay('2026-11-04')).toBe('11月4日');
    expect(formatSeasonWindow({ startsOn: '2026-11-01', endsOn: '2027-01-31' })).toBe('2026年11月1日 至 2027年1月31日');
    expect(formatRate(0.4567)).toBe('45.7%');
  });

  it('counts a note as the API does: trimmed, an emoji as one character', () => {
    expect(noteLength('  读书使人进步📚  ')).toBe(7);
  });
});
