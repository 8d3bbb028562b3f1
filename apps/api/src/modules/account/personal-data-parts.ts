import type { PersonalDataPart } from '../../common/personal-data';
import { AssistancePersonalDataRepository } from '../assistance/assistance-personal-data.repository';
import { SessionsPersonalDataRepository } from '../auth/sessions-personal-data.repository';
import { CarePersonalDataRepository } from '../care/care-personal-data.repository';
import { ModerationPersonalDataRepository } from '../content-safety/moderation-personal-data.repository';
import { FeedbackPersonalDataRepository } from '../feedback/feedback-personal-data.repository';
import { LegalPersonalDataRepository } from '../legal/legal-personal-data.repository';
import { MembershipPersonalDataRepository } from '../membership/membership-personal-data.repository';
import { NotificationsPersonalDataRepository } from '../notifications/notifications-personal-data.repository';
import { QuizPersonalDataRepository } from '../quiz/quiz-personal-data.repository';
import { ReadingPersonalDataRepository } from '../reading/reading-personal-data.repository';
import { UploadsPersonalDataRepository } from '../uploads/uploads-personal-data.repository';
import { UsersPersonalDataRepository } from '../users/users-personal-data.repository';

/** The injection token of the ordered list of every feature's part. */
export const PERSONAL_DATA_PARTS = Symbol('PERSONAL_DATA_PARTS');

/**
 * Each feature's part of a worker's data rights, in the order of the copy and of the erasure: the profile
 * first, photos last (the features' records have dropped their references to them by then). A new feature
 * holding personal data adds its `*-personal-data.repository.ts` here.
 */
export const PART_CLASSES = [
  UsersPersonalDataRepository,
  MembershipPersonalDataRepository,
  CarePersonalDataRepository,
  QuizPersonalDataRepository,
  ReadingPersonalDataRepository,
  LegalPersonalDataRepository,
  FeedbackPersonalDataRepository,
  AssistancePersonalDataRepository,
  NotificationsPersonalDataRepository,
  ModerationPersonalDataRepository,
  SessionsPersonalDataRepository,
  UploadsPersonalDataRepository,
] as const;

export const personalDataPartsProvider = {
  provide: PERSONAL_DATA_PARTS,
  inject: [...PART_CLASSES],
  useFactory: (...parts: PersonalDataPart[]): PersonalDataPart[] => parts,
};
