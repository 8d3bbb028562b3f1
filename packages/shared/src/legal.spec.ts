import { addWorkingDays } from './legal';

/** An instant given as Asia/Shanghai wall-clock time. */
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('addWorkingDays', () => {
  it('skips the weekend: Friday 15:00 plus 3 working days is Wednesday 15:00', () => {
    expect(addWorkingDays(shanghai('2026-11-20T15:00:00'), 3)).toEqual(shanghai('2026-11-25T15:00:00'));
  });

  it('counts from Monday 00:00 when asked at the weekend', () => {
    expect(addWorkingDays(shanghai('2026-11-21T10:30:00'), 3)).toEqual(shanghai('2026-11-26T00:00:00'));
    expect(addWorkingDays(shanghai('2026-11-22T23:59:00'), 1)).toEqual(shanghai('2026-11-24T00:00:00'));
  });

  it('uses Shanghai days, not UTC ones: Saturday 01:00 in Shanghai is still Friday in UTC', () => {
    expect(addWorkingDays(shanghai('2026-11-21T01:00:00'), 1)).toEqual(shanghai('2026-11-24T00:00:00'));
  });

  it('stays within the week on weekdays', () => {
    expect(addWorkingDays(shanghai('2026-11-23T09:00:00'), 3)).toEqual(shanghai('2026-11-26T09:00:00'));
  });
});
