import { DASHIKOU_STATION, DEVZONE_STATION, meView, ZHENGDONG_STATION } from '../../../test/fixtures';
import { formatDistance, isStationStaff, nearestFirst, timeLeft } from './care-format';

describe(formatDistance.name, () => {
  it('says metres below a kilometre and kilometres with one decimal from there', () => {
    expect(formatDistance(0)).toBe('0 米');
    expect(formatDistance(350.4)).toBe('350 米');
    expect(formatDistance(999.6)).toBe('1.0 公里');
    expect(formatDistance(1234)).toBe('1.2 公里');
    expect(formatDistance(15_050)).toBe('15.1 公里');
  });
});

describe(timeLeft.name, () => {
  const now = Date.parse('2026-11-24T02:00:00Z');
  const later = (ms: number) => new Date(now + ms).toISOString();

  it('counts days, hours and minutes, dropping the leading units that are zero', () => {
    expect(timeLeft(later(((2 * 24 + 3) * 60 + 15) * 60_000 + 30_000), now)).toBe('2天3小时15分');
    expect(timeLeft(later((24 * 60 + 5) * 60_000), now)).toBe('1天0小时5分');
    expect(timeLeft(later((3 * 60 + 15) * 60_000), now)).toBe('3小时15分');
    expect(timeLeft(later(15 * 60_000 + 59_000), now)).toBe('15分钟');
    expect(timeLeft(later(30_000), now)).toBe('不到 1 分钟');
  });

  it('says 已过期 once the moment has passed', () => {
    expect(timeLeft(later(0), now)).toBe('已过期');
    expect(timeLeft(later(-60_000), now)).toBe('已过期');
  });
});

describe(nearestFirst.name, () => {
  const stations = [DEVZONE_STATION, ZHENGDONG_STATION, DASHIKOU_STATION];

  it('orders by distance from where the worker is, with the distance', () => {
    const ordered = nearestFirst(stations, { latitude: 32.2047, longitude: 119.4551 });

    expect(ordered.map((station) => station.name)).toEqual(['大市口户外劳动者服务站', '正东路职工驿站', '开发区快递小哥驿站']);
    expect(ordered[0].distanceMeters).toBe(0);
    expect(ordered[1].distanceMeters).toBeGreaterThan(800);
    expect(ordered[1].distanceMeters).toBeLessThan(1000);
  });

  it('orders by name without a position', () => {
    const ordered = nearestFirst(stations, null);

    expect(ordered.map((station) => station.name)).toEqual(['大市口户外劳动者服务站', '开发区快递小哥驿站', '正东路职工驿站']);
    expect(ordered.every((station) => station.distanceMeters === null)).toBe(true);
  });
});

describe(isStationStaff.name, () => {
  it('is true for staff and admins only', () => {
    expect(isStationStaff(meView({ roles: ['worker', 'staff'] }))).toBe(true);
    expect(isStationStaff(meView({ roles: ['admin'] }))).toBe(true);
    expect(isStationStaff(meView({ roles: ['worker', 'lawyer'] }))).toBe(false);
    expect(isStationStaff(null)).toBe(false);
  });
});
