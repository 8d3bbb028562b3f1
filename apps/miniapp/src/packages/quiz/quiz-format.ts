import { OPTION_KEYS, QuestionType, type AttemptQuestion, type OptionKey, type QuestionOption } from '@jingcai/shared';

// Small rules the 学习答题 pages share: option lists, choices, durations and the countdown text.

/** What a judge question offers when the bank stored no option texts: A = 正确, B = 错误. */
export const JUDGE_OPTIONS: readonly QuestionOption[] = [
  { key: 'A', text: '正确' },
  { key: 'B', text: '错误' },
];

export function optionsOf(question: Pick<AttemptQuestion, 'type' | 'options'>): readonly QuestionOption[] {
  return question.type === QuestionType.Judge && question.options.length === 0 ? JUDGE_OPTIONS : question.options;
}

/**
 * The choice after tapping `key`: single and judge questions take one option, a tap on a multiple-choice
 * option toggles it. Kept in A→F order, as answers are written.
 */
export function toggleChoice(type: QuestionType, current: readonly OptionKey[], key: OptionKey): OptionKey[] {
  if (type !== QuestionType.Multiple) return [key];
  const next = current.includes(key) ? current.filter((chosen) => chosen !== key) : [...current, key];
  return OPTION_KEYS.filter((candidate) => next.includes(candidate));
}

/** `['A', 'C']` → `A、C`; nothing chosen → `未作答`. */
export function choiceText(choice: readonly OptionKey[]): string {
  return choice.length ? choice.join('、') : '未作答';
}

/** A choice as the worker reads it on a judge question (正确 / 错误), else the letters. */
export function choiceLabel(question: Pick<AttemptQuestion, 'type' | 'options'>, choice: readonly OptionKey[]): string {
  if (question.type !== QuestionType.Judge || choice.length === 0) return choiceText(choice);
  return choice.map((key) => optionsOf(question).find((option) => option.key === key)?.text ?? key).join('、');
}

/** 65 → `1分05秒`; 40 → `40秒`. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return minutes ? `${minutes}分${String(rest).padStart(2, '0')}秒` : `${rest}秒`;
}

/** Time left on the countdown, rounded up to the second: 154_200 ms → `02:35`. */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** 0.4567 → `45.7%`. */
export function formatRate(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/**
 * What a screen reader hears of the countdown: read out only when it changes, so once a minute, then at the
 * last 30 and 10 seconds and at the end, never every tick.
 */
export function countdownAnnouncement(ms: number): string {
  if (ms <= 0) return '时间到，正在交卷';
  if (ms <= 10_000) return '答题剩余不到 10 秒';
  if (ms <= 30_000) return '答题剩余不到 30 秒';
  return `答题剩余约 ${Math.ceil(ms / 60_000)} 分钟`;
}
