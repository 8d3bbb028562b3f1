import {
  maskName,
  type AnswerView,
  type ChildView,
  type EventView,
  type FormField,
  type OrgSummary,
  type SessionView,
  type SignupAnswer,
  type SignupStatus,
} from '@jingcai/shared';
import type { PiiCipher } from '../../common/crypto/pii-cipher';
import type { EventSession } from './entities/event-session.entity';
import type { EventRecord } from './entities/event.entity';
import type { EventSignup } from './entities/event-signup.entity';

/** Sessions with the number of sign-ups that hold or wait for a place. */
export type SessionWithCount = EventSession & { signups: number };

export function formOf(event: Pick<EventRecord, 'formJson'>): FormField[] {
  return JSON.parse(event.formJson) as FormField[];
}

export function answersOf(signup: Pick<EventSignup, 'answersJson'>): SignupAnswer[] {
  return JSON.parse(signup.answersJson) as SignupAnswer[];
}

export function toSessionView(session: SessionWithCount): SessionView {
  return {
    id: session.id,
    label: session.label,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    capacity: session.capacity,
    remaining: session.remaining,
    signups: session.signups,
  };
}

export function toEventView(
  event: EventRecord,
  sessions: SessionWithCount[],
  ownerOrg: OrgSummary,
  coverUrl: string | null,
): EventView {
  return {
    id: event.id,
    title: event.title,
    kind: event.kind,
    description: event.description,
    cover: event.coverId && coverUrl ? { id: event.coverId, url: coverUrl } : null,
    venue: event.venue,
    latitude: event.latitude,
    longitude: event.longitude,
    ownerOrg,
    eligibility: {
      categories: event.eligibleCategories,
      gigVerifiedRequired: event.gigVerifiedRequired,
      tags: event.eligibleTags,
      membersOnly: event.membersOnly,
      orgId: event.audienceOrgId,
    },
    allocation: event.allocation,
    signupStartsAt: event.signupStartsAt.toISOString(),
    signupEndsAt: event.signupEndsAt.toISOString(),
    cancelDeadline: event.cancelDeadline.toISOString(),
    perPersonLimit: event.perPersonLimit,
    noShowRule: event.noShowRule,
    offerHours: event.offerHours,
    requiresChild: event.kind === 'childcare',
    form: formOf(event),
    sessions: sessions.map(toSessionView),
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    lotterySeed: event.lotterySeed,
    lotteryDrawnAt: event.lotteryDrawnAt?.toISOString() ?? null,
    createdAt: event.createdAt.toISOString(),
  };
}

/** The answers with their field labels, in the form's order (answers to fields removed since come last). */
export function answerViews(form: FormField[], answers: SignupAnswer[]): AnswerView[] {
  const labelOf = new Map(form.map((f) => [f.key, f.label]));
  return answers.map((a) => ({
    key: a.key,
    label: labelOf.get(a.key) ?? a.key,
    value: a.value,
  }));
}

/** The child's data decrypted; `masked` (every view, and exports unless an admin asked) hides the names. */
export function childOf(
  signup: Pick<EventSignup, 'childNameCipher' | 'childAgeCipher' | 'childGuardianCipher'>,
  cipher: PiiCipher,
  masked = true,
): ChildView | null {
  if (!signup.childNameCipher || !signup.childAgeCipher || !signup.childGuardianCipher) return null;
  const name = cipher.decrypt(signup.childNameCipher);
  const guardian = cipher.decrypt(signup.childGuardianCipher);
  return {
    name: masked ? (maskName(name) ?? '') : name,
    age: Number(cipher.decrypt(signup.childAgeCipher)),
    guardian: masked ? (maskName(guardian) ?? '') : guardian,
  };
}

/** Statuses that hold a place (count against capacity). */
export const HOLDING: readonly SignupStatus[] = ['confirmed', 'offered', 'checked_in'];
/** Statuses that count toward the per-person limit and keep the active key. */
export const ACTIVE: readonly SignupStatus[] = [
  'entered',
  'confirmed',
  'waitlisted',
  'offered',
  'checked_in',
];
