import type { SignupStatus, SignupView, StaffSignupView } from '@jingcai/shared';
import type { PiiCipher } from '../../common/crypto/pii-cipher';
import type { EventSession } from './entities/event-session.entity';
import type { EventRecord } from './entities/event.entity';
import type { EventSignup } from './entities/event-signup.entity';
import { answersOf, answerViews, childOf, formOf } from './events.mapper';

const CANCELLABLE: readonly string[] = ['entered', 'confirmed', 'waitlisted', 'offered'];

/** A worker's ticket. The ticket code only while it admits someone: a cancelled ticket shows none. */
export function toSignupView(
  signup: EventSignup,
  event: EventRecord,
  session: EventSession,
  cipher: PiiCipher,
  now: Date,
  waitlistPosition: number | undefined,
): SignupView {
  const status = signup.status as SignupStatus;
  return {
    id: signup.id,
    publicNo: signup.publicNo,
    event: {
      id: event.id,
      title: event.title,
      kind: event.kind,
      venue: event.venue,
      latitude: event.latitude,
      longitude: event.longitude,
      allocation: event.allocation,
    },
    session: {
      id: session.id,
      label: session.label,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
    },
    status,
    ticketCode: status === 'confirmed' || status === 'checked_in' ? signup.ticketCode : null,
    waitlistPosition: waitlistPosition ?? null,
    offerExpiresAt: status === 'offered' ? (signup.offerExpiresAt?.toISOString() ?? null) : null,
    cancellable: CANCELLABLE.includes(status) && now < event.cancelDeadline,
    cancelDeadline: event.cancelDeadline.toISOString(),
    answers: answerViews(formOf(event), answersOf(signup)),
    child: childOf(signup, cipher),
    createdAt: signup.createdAt.toISOString(),
    checkedInAt: signup.checkedInAt?.toISOString() ?? null,
  };
}

/** A sign-up as staff see it: the worker's name and phone masked, the child masked. */
export function toStaffSignupView(
  signup: EventSignup,
  event: EventRecord,
  session: EventSession,
  worker: { name: string; phone: string | null },
  cipher: PiiCipher,
  waitlistPosition: number | undefined,
): StaffSignupView {
  return {
    id: signup.id,
    publicNo: signup.publicNo,
    sessionId: session.id,
    sessionLabel: session.label,
    status: signup.status as SignupStatus,
    workerName: worker.name,
    workerPhone: worker.phone,
    answers: answerViews(formOf(event), answersOf(signup)),
    child: childOf(signup, cipher),
    waitlistPosition: waitlistPosition ?? null,
    createdAt: signup.createdAt.toISOString(),
    checkedInAt: signup.checkedInAt?.toISOString() ?? null,
  };
}
