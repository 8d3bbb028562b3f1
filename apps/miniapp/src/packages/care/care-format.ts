// How 暖新关爱 pages word distances, time left and station order.
import { distanceMeters, Role, type MeView } from '@jingcai/shared';

export { formatDistance } from '../../format';

/** Time left to pick up: `2天3小时15分`, `3小时15分`, `15分钟`; `已过期` once past. */
export function timeLeft(expiresAt: string, now: number): string {
  const ms = new Date(expiresAt).getTime() - now;
  if (ms <= 0) return '已过期';
  const totalMinutes = Math.floor(ms / 60_000);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor(totalMinutes / 60) % 24;
  const minutes = totalMinutes % 60;
  if (days > 0) return `${days}天${hours}小时${minutes}分`;
  if (hours > 0) return `${hours}小时${minutes}分`;
  return minutes > 0 ? `${minutes}分钟` : '不到 1 分钟';
}

interface Located {
  name: string;
  latitude: number;
  longitude: number;
}

/**
 * Nearest first, each with its distance from `here`; without a position, by name (as a Chinese reader
 * would look one up) and no distance.
 */
export function nearestFirst<T extends Located>(
  stations: readonly T[],
  here: { latitude: number; longitude: number } | null,
): (T & { distanceMeters: number | null })[] {
  if (!here) {
    return stations
      .map((station) => ({ ...station, distanceMeters: null }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }
  return stations
    .map((station) => ({ ...station, distanceMeters: distanceMeters(here, station) }))
    .sort((a, b) => a.distanceMeters - b.distanceMeters);
}

/** Station staff and district admins redeem pickup codes (the API checks which stations). */
export function isStationStaff(me: MeView | null): boolean {
  return Boolean(me?.roles.some((role) => role === Role.Staff || role === Role.Admin));
}
