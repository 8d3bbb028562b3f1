// The sign-up form as the worker fills it in: the session, the staff-chosen answers and, for 暑托班, the child.
import {
  EVENT_LIMITS,
  formAnswerProblems,
  type CreateSignupRequest,
  type FormField,
  type WorkerEventView,
} from '@jingcai/shared';

export interface SignupForm {
  sessionId: number | null;
  /** Answers by field key, as typed (every type is text until sent). */
  answers: Record<string, string>;
  childName: string;
  /** As typed; a whole number of years when sent. */
  childAge: string;
  guardian: string;
}

/** `session`, `child.*`, or `answers.<key>` as the API names a field. */
export type SignupField = string;

export function emptySignupForm(event: Pick<WorkerEventView, 'sessions'>): SignupForm {
  // One session: nothing to choose.
  const only = event.sessions.length === 1 ? event.sessions[0].id : null;
  return { sessionId: only, answers: {}, childName: '', childAge: '', guardian: '' };
}

function answersOf(form: FormField[], typed: Record<string, string>) {
  return form
    .map((field) => ({ key: field.key, value: (typed[field.key] ?? '').trim() }))
    .filter((answer) => answer.value !== '');
}

/** Each field's complaint, in the API's words where the shared rules say it (formAnswerProblems). */
export function validateSignup(event: WorkerEventView, form: SignupForm): Record<SignupField, string> {
  const errors: Record<SignupField, string> = {};
  const session = event.sessions.find((candidate) => candidate.id === form.sessionId);
  if (!session) errors.session = '请选择场次';
  else if (event.allocation === 'first_come' && session.remaining <= 0) errors.session = '该场次名额已满，请选择其他场次';
  if (event.requiresChild) {
    const name = form.childName.trim();
    if (!name) errors['child.name'] = '请填写孩子姓名';
    else if (name.length > EVENT_LIMITS.childNameMax) errors['child.name'] = `孩子姓名不能超过 ${EVENT_LIMITS.childNameMax} 个字`;
    const age = Number(form.childAge);
    if (!/^\d{1,2}$/.test(form.childAge.trim()) || age < EVENT_LIMITS.childAgeMin || age > EVENT_LIMITS.childAgeMax) {
      errors['child.age'] = `孩子年龄应为 ${EVENT_LIMITS.childAgeMin}–${EVENT_LIMITS.childAgeMax} 岁`;
    }
    const guardian = form.guardian.trim();
    if (!guardian) errors['child.guardian'] = '请填写监护人姓名';
    else if (guardian.length > EVENT_LIMITS.guardianMax) errors['child.guardian'] = `监护人姓名不能超过 ${EVENT_LIMITS.guardianMax} 个字`;
  }
  for (const problem of formAnswerProblems(event.form, answersOf(event.form, form.answers))) {
    errors[problem.field] ??= problem.message;
  }
  return errors;
}

/** What `POST /api/events/:id/signups` takes; call after `validateSignup` found nothing. */
export function toSignupBody(event: WorkerEventView, form: SignupForm): CreateSignupRequest {
  const body: CreateSignupRequest = { sessionId: form.sessionId ?? 0, answers: answersOf(event.form, form.answers) };
  if (event.requiresChild) {
    body.child = { name: form.childName.trim(), age: Number(form.childAge), guardian: form.guardian.trim() };
  }
  return body;
}

/** The draft's name: one per event, so two events' forms never mix. */
export function signupDraftName(eventId: number): string {
  return `event-signup-${eventId}`;
}
