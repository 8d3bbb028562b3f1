import {
  REVIEW_STEPS,
  currentStepOf,
  maskPhone,
  type ApplicationHistoryEntry,
  type ApplicationStepView,
  type AssistanceApplicationView,
  type HomeVisitView,
  type OrgSummary,
  type PhotoView,
  type ReviewStep,
  type StaffApplicationSummary,
} from '@jingcai/shared';
import type { ApplicationSecrets } from './application-secrets';
import type { AssistanceApplication } from './entities/assistance-application.entity';
import type { AssistanceEvent } from './entities/assistance-event.entity';

const COMPLETES: Partial<Record<AssistanceEvent['action'], ReviewStep>> = {
  checked: 'check',
  approved: 'approve',
  granted: 'grant',
};

/**
 * Each step's state for the applicant, replayed from the history: steps before the one it waits at are done,
 * that one is current (or returned), later ones wait. Only the return reason is shown, never a reviewer's note.
 */
export function stepsOf(
  app: AssistanceApplication,
  events: readonly AssistanceEvent[],
  returnReason: string | null,
): ApplicationStepView[] {
  let reached = 0;
  const at: Partial<Record<ReviewStep, Date>> = {};
  for (const event of events) {
    const done = COMPLETES[event.action];
    if (done) {
      reached = REVIEW_STEPS.indexOf(done) + 1;
      at[done] = event.createdAt;
    }
    if (event.action === 'returned' && event.step) {
      reached = REVIEW_STEPS.indexOf(event.step);
      at[event.step] = event.createdAt;
    }
  }
  return REVIEW_STEPS.map((step, i) => {
    const returned = app.status === 'returned' && app.returnedStep === step;
    const state =
      i < reached
        ? 'done'
        : returned
          ? 'returned'
          : currentStepOf(app.status) === step
            ? 'current'
            : 'waiting';
    return {
      step,
      state,
      at: state === 'done' || state === 'returned' ? (at[step]?.toISOString() ?? null) : null,
      returnReason: returned ? returnReason : null,
    };
  });
}

/** The applicant's view: their own words, every step's state, the grant; no reviewer notes, no visit. */
export function toApplicationView(
  app: AssistanceApplication,
  secrets: ApplicationSecrets,
  events: readonly AssistanceEvent[],
  documents: PhotoView[],
): AssistanceApplicationView {
  const returned = app.status === 'returned';
  return {
    id: app.id,
    kind: app.kind,
    status: app.status,
    currentStep: currentStepOf(app.status),
    steps: stepsOf(app, events, secrets.returnReason),
    familySituation: secrets.familySituation,
    householdSize: app.householdSize,
    monthlyIncomePerMember: secrets.monthlyIncomePerMember,
    reasons: secrets.reasons,
    documents,
    returnReason: returned ? secrets.returnReason : null,
    returnedAt: returned ? app.returnedStep : null,
    grant:
      app.status === 'granted' && app.grantKind && app.grantDate
        ? { amount: (app.grantAmountFen ?? 0) / 100, kind: app.grantKind, date: app.grantDate }
        : null,
    filedByStaff: app.filedBy !== null,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}

export function toHistoryEntry(
  event: AssistanceEvent,
  byName: string,
  note: string | null,
): ApplicationHistoryEntry {
  return { action: event.action, step: event.step, byName, note, at: event.createdAt.toISOString() };
}

export function toVisitView(
  app: AssistanceApplication,
  notes: string,
  photos: PhotoView[],
  recordedByName: string,
): HomeVisitView {
  return {
    date: app.visitDate ?? '',
    visitors: app.visitVisitors ?? '',
    notes,
    photos,
    recordedByName,
    recordedAt: app.visitAt?.toISOString() ?? app.updatedAt.toISOString(),
  };
}

export function toApplicant(
  id: number,
  name: string,
  phoneCipherPlain: string | null,
  org: OrgSummary,
): { id: number; name: string; phone: string | null; org: OrgSummary } {
  return { id, name, phone: maskPhone(phoneCipherPlain), org };
}

export function toSummary(
  app: AssistanceApplication,
  applicantName: string,
  org: OrgSummary,
  canAct: boolean,
): StaffApplicationSummary {
  return {
    id: app.id,
    kind: app.kind,
    status: app.status,
    currentStep: currentStepOf(app.status),
    applicantName,
    org,
    canAct,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}
