import { Benefit } from '../modules/care/entities/benefit.entity';
import { Claim } from '../modules/care/entities/claim.entity';
import { Station } from '../modules/care/entities/station.entity';
import {
  Attempt,
  Campaign,
  Certificate,
  Mistake,
  Participant,
  Question,
  QuestionBank,
} from '../modules/quiz/entities/quiz.entities';
import {
  AidApplication,
  AidStep,
  LegalCase,
  LegalMessage,
  LegalQuestion,
} from '../modules/legal/entities/legal.entities';
import {
  ReadingBook,
  ReadingCheckin,
  ReadingLike,
  ReadingParticipant,
  ReadingSeason,
} from '../modules/reading/entities/reading.entities';
import { ModerationItem } from '../modules/content-safety/entities/moderation-item.entity';
import { MembershipApplication } from '../modules/membership/entities/membership-application.entity';
import { Notification } from '../modules/notifications/entities/notification.entity';
import { ConsoleLoginCode } from '../modules/auth/entities/console-login-code.entity';
import { RateLimitWindow } from '../common/rate-limit/rate-limit-window.entity';
import { RefreshToken } from '../modules/auth/entities/refresh-token.entity';
import { Org } from '../modules/orgs/entities/org.entity';
import { Upload } from '../modules/uploads/entities/upload.entity';
import { PrivacyConsent } from '../modules/users/entities/privacy-consent.entity';
import { UserRole } from '../modules/users/entities/user-role.entity';
import { User } from '../modules/users/entities/user.entity';
import { AccountDeletion } from '../modules/account/entities/account-deletion.entity';
import { Feedback } from '../modules/feedback/entities/feedback.entity';
import { AssistanceApplication } from '../modules/assistance/entities/assistance-application.entity';
import { AssistanceEvent } from '../modules/assistance/entities/assistance-event.entity';
import { AssistanceRegisterEntry } from '../modules/assistance/entities/assistance-register-entry.entity';
import { AssistanceViewLog } from '../modules/assistance/entities/assistance-view-log.entity';
import { Wish } from '../modules/assistance/entities/wish.entity';
import { WechatAccessToken } from '../modules/wechat/wechat-access-token.entity';

/** Every entity, listed once: the data source, the CLI and the schema-drift test all read this. */
export const ENTITIES = [
  Org,
  User,
  UserRole,
  PrivacyConsent,
  RefreshToken,
  WechatAccessToken,
  RateLimitWindow,
  Upload,
  MembershipApplication,
  ModerationItem,
  Notification,
  Station,
  Benefit,
  Claim,
  QuestionBank,
  Question,
  Campaign,
  Attempt,
  Participant,
  Mistake,
  Certificate,
  ReadingSeason,
  ReadingBook,
  ReadingCheckin,
  ReadingLike,
  ReadingParticipant,
  LegalQuestion,
  LegalMessage,
  LegalCase,
  AidApplication,
  AidStep,
  ConsoleLoginCode,
  AccountDeletion,
  Feedback,
  AssistanceApplication,
  AssistanceEvent,
  AssistanceViewLog,
  AssistanceRegisterEntry,
  Wish,
];
