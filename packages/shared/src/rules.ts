/** Pure rules both the API and the clients apply. No Node APIs here: this ships in the mini-program. */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000; // China has had no DST since 1991.

/** The Asia/Shanghai calendar day of an instant, as `YYYY-MM-DD`. */
export function shanghaiDay(instant: Date | number | string): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid instant');
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The UTC instant at which a Shanghai day (`YYYY-MM-DD`) begins. */
export function shanghaiDayStart(day: string): Date {
  const ms = Date.parse(`${day}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms)) throw new RangeError('invalid day');
  return new Date(ms - SHANGHAI_OFFSET_MS);
}

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export function isMainlandMobile(phone: string): boolean {
  return PHONE_PATTERN.test(phone);
}

/** `13812341234` → `138****1234`. Anything that is not a full mobile number is masked whole. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 18-digit resident ID → first 3 and last 2 kept: `110***********123X` → `110*************3X`. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 5) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: what others may see of a worker's name. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = Array.from(name);
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** Checks the ISO 7064 MOD 11-2 check digit of an 18-digit resident identity card number. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checks = '10X98765432';
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return checks[sum % 11] === id[17];
}

/** Bump when the privacy notice text changes: workers are asked to consent again. */
export const PRIVACY_POLICY_VERSION = '2026-11-01';

/** A real name as the union's records hold it: Chinese, Latin letters, the middle dot of minority names. */
export const REAL_NAME_PATTERN = /^[\u4e00-\u9fa5·A-Za-z ]+$/;
export const REAL_NAME_MIN_LENGTH = 2;
export const REAL_NAME_MAX_LENGTH = 20;

/** The largest id the API accepts: every id is a MySQL signed INT AUTO_INCREMENT column. */
export const MAX_ID = 2_147_483_647;

/** An ISO 8601 timestamp such as `2026-05-01T08:00:00.000+08:00` (29 characters), with room to spare. */
export const DATETIME_MAX_LENGTH = 35;

/**
 * Text a worker can type, for every name, title and note: refuses what nobody types and what only deceives
 * or breaks — control characters (tab, newline and carriage return excepted; they also break the XML inside
 * xlsx exports), direction overrides and isolates (U+202A–U+202E, U+2066–U+2069: `‮` turns 王五 into a
 * look-alike on a leaderboard), zero-width and invisible characters, noncharacters (U+FFFE/U+FFFF made the
 * reading poster fail) and lone surrogates. A zero-width joiner is kept inside an emoji sequence (👷‍♀️), where
 * it is how the emoji is written, and refused anywhere else.
 */
/** A variation selector or a skin tone after an emoji (kept apart: a class mixing them reads as one emoji). */
const EMOJI_MODIFIER = '(?:\\ufe0f|[\\u{1f3fb}-\\u{1f3ff}])?';
const EMOJI_SEQUENCE = `\\p{Extended_Pictographic}${EMOJI_MODIFIER}(?:\\u200d\\p{Extended_Pictographic}${EMOJI_MODIFIER})*`;
const UNSAFE_CHARACTER =
  '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufdd0-\\ufdef\\ufff9-\\ufffb\\ufffe\\uffff\\ud800-\\udfff';
export const PLAIN_TEXT_PATTERN = new RegExp(`^(?:${EMOJI_SEQUENCE}|[^${UNSAFE_CHARACTER}])*$`, 'u');

/** Whether `text` is plain text a worker typed (see PLAIN_TEXT_PATTERN). */
export function isPlainText(text: string): boolean {
  return PLAIN_TEXT_PATTERN.test(text);
}

const SHANGHAI_STYLES = {
  /** `3/18 09:05`: a moment in the near future or past (pickup deadlines, redemptions). */
  minute: { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  /** `2026/3/18 09:05`: a moment in a record or an export. */
  dateTime: { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  /** `2026年3月18日`: a day on a certificate or a card. */
  date: { year: 'numeric', month: 'long', day: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const shanghaiFormats = new Map<keyof typeof SHANGHAI_STYLES, Intl.DateTimeFormat>();

/** An instant in Shanghai time, in Chinese, in one of the styles every app uses. */
export function formatShanghai(
  instant: Date | number | string,
  style: keyof typeof SHANGHAI_STYLES = 'dateTime',
): string {
  let format = shanghaiFormats.get(style);
  if (!format) {
    format = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, ...SHANGHAI_STYLES[style] });
    shanghaiFormats.set(style, format);
  }
  return format.format(new Date(instant));
}
