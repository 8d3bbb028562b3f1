import {
  REVIEW_STEP_LABELS,
  REVIEW_STEP_STATE_LABELS,
  type AssistanceApplicationView,
  type ReviewStepState,
} from '@jingcai/shared';

// Small rules the 帮扶 pages share: the steps an application follows, amounts in yuan, text lengths.

/** Characters as a worker counts them (an emoji is one), ignoring spaces around the text. */
export function textLength(text: string): number {
  return [...text.trim()].length;
}

/** `1234.5` → `1,234.50 元`. */
export function formatYuan(amount: number): string {
  return `${amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
}

/** Yuan as typed (`'1234.5'`), up to two decimals and at most `max`; null when it is not such an amount. */
export function parseYuan(typed: string, max: number): number | null {
  const trimmed = typed.trim();
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= max ? value : null;
}

export interface StepEntry {
  key: string;
  label: string;
  state: ReviewStepState;
  stateLabel: string;
  at: string | null;
  /** The reason a step gave when it sent the application back, for the worker to correct. */
  note: string | null;
}

/**
 * 提交 → 核实走访 → 街道审批 → 区总发放 as the worker follows them: the submission, then the API's three
 * review steps with their states, times and a return's reason (never the reviewers' own notes).
 */
export function stepEntries(application: Pick<AssistanceApplicationView, 'createdAt' | 'steps' | 'status'>): StepEntry[] {
  const submitted: StepEntry = {
    key: 'submit',
    label: '提交申请',
    state: application.status === 'withdrawn' ? 'returned' : 'done',
    stateLabel: application.status === 'withdrawn' ? '已撤回' : REVIEW_STEP_STATE_LABELS.done,
    at: application.createdAt,
    note: null,
  };
  return [
    submitted,
    ...application.steps.map((step) => ({
      key: step.step,
      label: REVIEW_STEP_LABELS[step.step],
      state: step.state,
      stateLabel: REVIEW_STEP_STATE_LABELS[step.state],
      at: step.at,
      note: step.state === 'returned' ? step.returnReason : null,
    })),
  ];
}
