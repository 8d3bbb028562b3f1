import Taro from '@tarojs/taro';
import type { OptionKey } from '@jingcai/shared';
import type { TimedAttempt } from '../../services/quiz';

// What the answer page keeps while an attempt is open, so closing and reopening the mini-program resumes
// it: the answers so far and the clock offset learnt when it started. Kept per attempt in storage.

export type Answers = Record<number, OptionKey[]>;

interface Draft {
  answers: Answers;
  clockOffsetMs: number | null;
}

const key = (attemptId: number) => `quiz-attempt-${attemptId}`;

export function loadDraft(attemptId: number): Draft {
  const stored = Taro.getStorageSync<Partial<Draft> | ''>(key(attemptId));
  return {
    answers: stored && typeof stored.answers === 'object' && stored.answers !== null ? stored.answers : {},
    clockOffsetMs: stored && typeof stored.clockOffsetMs === 'number' ? stored.clockOffsetMs : null,
  };
}

export function saveDraft(attemptId: number, draft: Draft): void {
  try {
    Taro.setStorageSync(key(attemptId), draft);
  } catch {
    // Storage full or unavailable: the answers still live in the page.
  }
}

export function clearDraft(attemptId: number): void {
  try {
    Taro.removeStorageSync(key(attemptId));
  } catch {
    // Nothing to clear.
  }
}

/** The attempt just started on the list, handed to the answer page so it need not fetch it again. */
let handedOver: TimedAttempt | null = null;

export function handOver(started: TimedAttempt): void {
  handedOver = started;
  const draft = loadDraft(started.attempt.attemptId);
  saveDraft(started.attempt.attemptId, { ...draft, clockOffsetMs: started.clockOffsetMs ?? draft.clockOffsetMs });
}

/** The attempt handed over for this id, once. */
export function takeHandedOver(attemptId: number): TimedAttempt | null {
  const started = handedOver?.attempt.attemptId === attemptId ? handedOver : null;
  handedOver = null;
  return started;
}
