import { shanghaiDay, shanghaiDayStart } from '@jingcai/shared';

// Dates as a worker in the district reads them, whatever the phone's time zone: Asia/Shanghai.

/** `2026-11-24T02:00:00Z` → `2026年11月24日`. */
export function formatShanghaiDate(instant: string): string {
  const [year, month, day] = shanghaiDay(instant).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** `2026-11-24T02:05:00Z` → `2026年11月24日 10:05`. */
export function formatShanghaiDateTime(instant: string): string {
  return `${formatShanghaiDate(instant)} ${formatShanghaiTime(instant)}`;
}

/** `2026-11-24T02:05:00Z` → `10:05`. */
export function formatShanghaiTime(instant: string): string {
  const minutes = Math.floor((new Date(instant).getTime() - shanghaiDayStart(shanghaiDay(instant)).getTime()) / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `350 米` below a kilometre, `1.2 公里` from there. */
export function formatDistance(meters: number): string {
  const rounded = Math.round(meters);
  return rounded < 1000 ? `${rounded} 米` : `${(meters / 1000).toFixed(1)} 公里`;
}
