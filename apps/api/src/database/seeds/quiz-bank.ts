import type { QuestionType } from '@jingcai/shared';

/** A bank question as written: options in order A, B, C…; the answer as the correct keys, e.g. `AC`. */
export interface BankQuestion {
  type: QuestionType;
  stem: string;
  options: string[];
  answer: string;
  explanation: string;
  tags: string[];
  difficulty: number;
}

const JUDGE = ['正确', '错误'];

/** Shorthands that keep the question lists readable. */
export const single = (stem: string, options: string[], answer: string, explanation: string, tag: string, difficulty = 2): BankQuestion =>
  ({ type: 'single', stem, options, answer, explanation, tags: [tag], difficulty });
export const multiple = (stem: string, options: string[], answer: string, explanation: string, tag: string, difficulty = 3): BankQuestion =>
  ({ type: 'multiple', stem, options, answer, explanation, tags: [tag], difficulty });
export const judge = (stem: string, right: boolean, explanation: string, tag: string, difficulty = 1): BankQuestion =>
  ({ type: 'judge', stem, options: JUDGE, answer: right ? 'A' : 'B', explanation, tags: [tag], difficulty });
