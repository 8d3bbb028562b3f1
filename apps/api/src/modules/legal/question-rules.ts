import {
  addWorkingDays,
  ANSWER_DUE_WORKING_DAYS,
  type LegalMessageAuthorRole,
  type LegalQuestionStatus,
} from '@jingcai/shared';

/** Whether a viewer reads a question as its asker, its assignee or staff in scope. */
export type QuestionAccess = 'asker' | 'assignee' | 'staff';

/** The statuses that still take messages, an assignment or a closing. */
export const OPEN_STATUSES: readonly LegalQuestionStatus[] = ['new', 'assigned', 'answered'];

/** How a question changes when a message is posted to it. */
export interface QuestionAfterMessage {
  status: LegalQuestionStatus;
  dueAt: Date | null;
  lastMessageAt: Date;
  askerReadAt?: Date;
}

/** An answer is due 3 working days (Shanghai weekdays) after the asker's last message. */
export function answerDueAt(lastAskerMessageAt: Date): Date {
  return addWorkingDays(lastAskerMessageAt, ANSWER_DUE_WORKING_DAYS);
}

/** Overdue once the due time has passed while the asker still waits. */
export function isOverdue(dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && dueAt < now;
}

/** Who a message is from: the asker; the lawyer the question is assigned to; anyone else in scope is staff. */
export function authorRoleOf(access: QuestionAccess, isAssignedLawyer: boolean): LegalMessageAuthorRole {
  if (access === 'asker') return 'asker';
  return isAssignedLawyer ? 'lawyer' : 'staff';
}

/**
 * The asker's follow-up re-opens the question (back to its assignee, if any) and restarts the clock; an
 * answer stops the clock.
 */
export function afterMessage(
  role: LegalMessageAuthorRole,
  assigneeId: number | null,
  now: Date,
): QuestionAfterMessage {
  if (role !== 'asker') return { status: 'answered', dueAt: null, lastMessageAt: now };
  return {
    status: assigneeId ? 'assigned' : 'new',
    dueAt: answerDueAt(now),
    lastMessageAt: now,
    askerReadAt: now,
  };
}

/** A lawyer or staff grant as assigning sees it. */
export interface Grant {
  userId: number;
  role: 'lawyer' | 'staff';
  orgPath: string | null;
}

/**
 * Who may take a question: every lawyer (they serve the whole district), and staff whose granted subtree
 * holds the asker's org. Someone with both roles counts as a lawyer.
 */
export function assigneeRoles(
  grants: readonly Grant[],
  questionOrgPath: string | null,
): Map<number, Grant['role']> {
  const roles = new Map<number, Grant['role']>();
  for (const grant of grants) {
    if (grant.role === 'lawyer') roles.set(grant.userId, 'lawyer');
    else if (grant.orgPath && questionOrgPath?.startsWith(grant.orgPath) && !roles.has(grant.userId))
      roles.set(grant.userId, 'staff');
  }
  return roles;
}
