/** The pure rules of events (issue 23) that client and server share: the draw, form answers, venue-code windows. */
import type { LotteryEntry, LotterySessionResult } from './events-views';
import { EVENT_LIMITS, VENUE_CODE_WINDOW_SECONDS, type FormField, type SignupAnswer } from './events';

/** HMAC-SHA256 of `message` under `key`, as lower-case hex. Node: createHmac('sha256', key).update(message). */
export type HmacSha256Hex = (key: string, message: string) => string;

/**
 * The draw, a pure function anyone can re-run (scripts/events-draw.mjs): each entry's key is
 * HMAC-SHA256(seed, publicNo); entries are ordered by (deprioritised last, key, publicNo); per session the first
 * `capacity` win and the rest wait in that order. The seed is fixed before anyone signs up and public numbers
 * are random, so nobody can choose a winning number.
 */
export function drawLottery(
  seed: string,
  sessions: { sessionId: number; capacity: number }[],
  entries: LotteryEntry[],
  hmac: HmacSha256Hex,
): LotterySessionResult[] {
  const keyed = entries.map((entry) => ({ entry, key: hmac(seed, entry.publicNo) }));
  keyed.sort(
    (a, b) =>
      Number(a.entry.deprioritised) - Number(b.entry.deprioritised) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      (a.entry.publicNo < b.entry.publicNo ? -1 : a.entry.publicNo > b.entry.publicNo ? 1 : 0),
  );
  return sessions.map(({ sessionId, capacity }) => {
    const ordered = keyed.filter((k) => k.entry.sessionId === sessionId).map((k) => k.entry.publicNo);
    return { sessionId, capacity, winners: ordered.slice(0, capacity), waitlist: ordered.slice(capacity) };
  });
}

/**
 * Checks a sign-up's answers against the event's form; returns the problems as field errors (`answers.<key>`),
 * empty when they fit. Shared so the mini-program shows the same messages before sending.
 */
export function formAnswerProblems(
  form: FormField[],
  answers: SignupAnswer[],
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const byKey = new Map<string, string>();
  for (const answer of answers) {
    if (byKey.has(answer.key)) problems.push({ field: `answers.${answer.key}`, message: '重复填写' });
    byKey.set(answer.key, answer.value);
  }
  const known = new Set(form.map((f) => f.key));
  for (const key of byKey.keys()) {
    if (!known.has(key)) problems.push({ field: `answers.${key}`, message: '报名表中没有这一项' });
  }
  for (const field of form) {
    const value = byKey.get(field.key)?.trim() ?? '';
    const problem = value ? answerProblem(field, value) : field.required ? '请填写此项' : null;
    if (problem) problems.push({ field: `answers.${field.key}`, message: `${field.label}：${problem}` });
  }
  return problems;
}

function answerProblem(field: FormField, value: string): string | null {
  switch (field.type) {
    case 'text':
      return value.length > EVENT_LIMITS.textAnswerMax ? `不能超过 ${EVENT_LIMITS.textAnswerMax} 个字` : null;
    case 'choice':
      return field.options?.includes(value) ? null : '请从选项中选择';
    case 'number': {
      if (!/^-?\d+(\.\d+)?$/.test(value)) return '请填写数字';
      const n = Number(value);
      if (field.min !== undefined && n < field.min) return `不能小于 ${field.min}`;
      if (field.max !== undefined && n > field.max) return `不能大于 ${field.max}`;
      return null;
    }
    case 'date': {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return '请填写日期（年-月-日）';
      const date = new Date(`${value}T00:00:00Z`);
      return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? '日期无效' : null;
    }
  }
}

/** The rotating venue code's window number at an instant. */
export function venueCodeWindow(atMs: number): number {
  return Math.floor(atMs / (VENUE_CODE_WINDOW_SECONDS * 1000));
}
