import { nextDay, shanghaiDay, type SeasonView } from '@jingcai/shared';

// Small rules the 职工读书季 pages share: days (`YYYY-MM-DD`, Asia/Shanghai), the streak calendar's months,
// the days a 补卡 may fill, and how figures are written.

/** Today in the district, whatever the phone's time zone. */
export function todayInShanghai(): string {
  return shanghaiDay(Date.now());
}

/** The calendar day before `day`. */
export function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** `2026-11-24` → `11月24日`. */
export function formatDay(day: string): string {
  const [, month, date] = day.split('-').map(Number);
  return `${month}月${date}日`;
}

/** `2026-11-01` … `2027-01-31` → `2026年11月1日 至 2027年1月31日`. */
export function formatSeasonWindow({ startsOn, endsOn }: Pick<SeasonView, 'startsOn' | 'endsOn'>): string {
  const full = (day: string) => `${day.slice(0, 4)}年${formatDay(day)}`;
  return `${full(startsOn)} 至 ${full(endsOn)}`;
}

/**
 * The days a 补卡 may fill, newest first: inside the season, up to yesterday, and not checked in. Empty when
 * no make-ups are left.
 */
export function missedDays(
  season: Pick<SeasonView, 'startsOn' | 'endsOn'>,
  checkinDays: readonly string[],
  today: string,
  makeUpsLeft: number,
): string[] {
  if (makeUpsLeft <= 0) return [];
  const checked = new Set(checkinDays);
  const last = previousDay(today) < season.endsOn ? previousDay(today) : season.endsOn;
  const days: string[] = [];
  for (let day = season.startsOn; day <= last; day = nextDay(day)) {
    if (!checked.has(day)) days.push(day);
  }
  return days.reverse();
}

/** `YYYY-MM` of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** `2026-12` moved by `delta` months: (`2026-12`, 1) → `2027-01`. */
export function shiftMonth(month: string, delta: number): string {
  const [year, monthNo] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, monthNo - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}

/** `2026-11` → `2026年11月`. */
export function formatMonth(month: string): string {
  const [year, monthNo] = month.split('-').map(Number);
  return `${year}年${monthNo}月`;
}

/**
 * A month's days in weeks starting on Sunday, as a calendar shows them: null for the blanks before the
 * first day and after the last.
 */
export function monthGrid(month: string): (string | null)[][] {
  const [year, monthNo] = month.split('-').map(Number);
  const lead = new Date(Date.UTC(year, monthNo - 1, 1)).getUTCDay();
  const length = new Date(Date.UTC(year, monthNo, 0)).getUTCDate();
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length }, (_, index) => `${month}-${String(index + 1).padStart(2, '0')}`),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
  return weeks;
}

/** Characters of a note as the API counts them (code points, so an emoji is one), surrounding spaces left out. */
export function noteLength(note: string): number {
  return [...note.trim()].length;
}

/** 0.4567 → `45.7%`. */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
