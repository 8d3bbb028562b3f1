import {
  AID_STATUS_LABELS,
  AidStatus,
  Role,
  type AidApplicationView,
  type LegalMessageView,
  type LegalQuestionView,
  type MeView,
} from '@jingcai/shared';

// Small rules the 法律维权 pages share: the API's length limits, who is looking at a question, amounts in
// yuan, and the steps of an aid application.

/**
 * The API's limits (its DTOs). The shared contract does not export them yet, so they are repeated here to
 * tell the worker before the round trip; the API stays the judge.
 */
export const LEGAL_LIMITS = {
  titleMin: 4,
  titleMax: 100,
  bodyMin: 10,
  bodyMax: 3000,
  messageMax: 3000,
  commentMax: 500,
  factsMin: 10,
  factsMax: 5000,
  employerMin: 2,
  employerMax: 100,
  /** Yuan. */
  amountMax: 20_000_000,
} as const;

/** Characters as a worker counts them (an emoji is one), ignoring spaces around the text. */
export function textLength(text: string): number {
  return [...text.trim()].length;
}

/** Who may answer legal questions on the phone: lawyers, union staff and admins. */
export function canAnswerQuestions(me: Pick<MeView, 'roles'> | null): boolean {
  return Boolean(me?.roles.some((role) => role === Role.Lawyer || role === Role.Staff || role === Role.Admin));
}

/** How the signed-in user stands to a question: who asked it, who answers it, or staff looking on. */
export type QuestionViewer = 'asker' | 'assignee' | 'observer';

export function viewerOf(question: Pick<LegalQuestionView, 'asker' | 'assignee'>, userId: number): QuestionViewer {
  if (question.asker.id === userId) return 'asker';
  if (question.assignee?.id === userId) return 'assignee';
  return 'observer';
}

/** Whether a message shows on the viewer's side of the thread (the right): the asker's own, or the union's answers. */
export function isOwnSide(message: Pick<LegalMessageView, 'authorRole'>, viewer: QuestionViewer): boolean {
  return viewer === 'asker' ? message.authorRole === 'asker' : message.authorRole !== 'asker';
}

export function hasAnswer(question: Pick<LegalQuestionView, 'messages'>): boolean {
  return question.messages.some((message) => message.authorRole !== 'asker');
}

/** Yuan as typed: digits with up to two decimals, at most 20 million; null when it is not such an amount. */
export function parseYuan(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return null;
  const amount = Number(trimmed);
  return amount <= LEGAL_LIMITS.amountMax ? amount : null;
}

/** 12345.5 → `12,345.50 元`. */
export function formatYuan(amount: number): string {
  const [whole, cents] = amount.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents} 元`;
}

/** The start of a long text, for a list row. */
export function excerpt(text: string, max = 60): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

export interface AidTimelineEntry {
  status: AidStatus;
  label: string;
  /** When it happened; null for a step still to come. */
  at: string | null;
  note: string | null;
  state: 'done' | 'current' | 'upcoming';
}

/** The way an application goes when all is well; `declined` ends it after `received`. */
const AID_HAPPY_PATH: readonly AidStatus[] = [AidStatus.Received, AidStatus.Accepted, AidStatus.InProgress, AidStatus.Concluded];

/**
 * The steps an application went through, oldest first, the last one current, then the steps still to come
 * (none once it is declined or concluded).
 */
export function aidTimeline(application: Pick<AidApplicationView, 'status' | 'steps'>): AidTimelineEntry[] {
  const steps = [...application.steps].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const entries: AidTimelineEntry[] = steps.map((step, index) => ({
    status: step.status,
    label: AID_STATUS_LABELS[step.status],
    at: step.at,
    note: step.note,
    state: index === steps.length - 1 ? 'current' : 'done',
  }));
  const reached = AID_HAPPY_PATH.indexOf(application.status);
  if (reached >= 0) {
    for (const status of AID_HAPPY_PATH.slice(reached + 1)) {
      entries.push({ status, label: AID_STATUS_LABELS[status], at: null, note: null, state: 'upcoming' });
    }
  }
  return entries;
}
