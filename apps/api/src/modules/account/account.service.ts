import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ACCOUNT_ERASURE_WORKING_DAYS,
  addWorkingDays,
  DELETION_CONFIRMATION,
  PRIVACY_POLICY_VERSION,
  type DeletionView,
  type MeView,
  type PersonalDataExport,
} from '@jingcai/shared';
import { isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { RevokedAccounts } from '../../common/auth/revoked-accounts';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import type { PersonalDataPart } from '../../common/personal-data';
import { SessionsPersonalDataRepository } from '../auth/sessions-personal-data.repository';
import { UserRolesRepository } from '../users/user-roles.repository';
import { UsersPersonalDataRepository } from '../users/users-personal-data.repository';
import { UsersService } from '../users/users.service';
import { AccountDeletionsRepository } from './account-deletions.repository';
import type { AccountDeletion } from './entities/account-deletion.entity';
import { PERSONAL_DATA_PARTS } from './personal-data-parts';

/** Deletions the sweep takes per run; the rest wait for the next run, well inside the deadline. */
const SWEEP_BATCH = 50;

/**
 * A worker's personal-data rights (PIPL arts. 45–47): a copy of their data, withdrawing consent, and
 * deleting the account. Each feature answers for its own data through its part (PERSONAL_DATA_PARTS).
 */
@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    @Inject(PERSONAL_DATA_PARTS) private readonly parts: PersonalDataPart[],
    private readonly identity: UsersPersonalDataRepository,
    private readonly sessions: SessionsPersonalDataRepository,
    private readonly deletions: AccountDeletionsRepository,
    private readonly roles: UserRolesRepository,
    private readonly users: UsersService,
    private readonly revoked: RevokedAccounts,
    private readonly clock: Clock,
  ) {}

  /** Everything held about the caller, feature by feature; nothing about anyone else. */
  async dataCopy(userId: number): Promise<PersonalDataExport> {
    const sections = [];
    for (const part of this.parts) if (part.exportOf) sections.push(...(await part.exportOf(userId)));
    return { userId, generatedAt: this.clock.now().toISOString(), sections };
  }

  /**
   * 注销. The request is recorded first (every instance's revocation poll reads it), then the identity is
   * anonymised and every session revoked at once; the sweep erases the rest. Never the last admin.
   */
  async requestDeletion(user: AuthUser, confirmation: string): Promise<DeletionView> {
    if (confirmation !== DELETION_CONFIRMATION) {
      throw AppException.invalid('confirmation', `请输入「${DELETION_CONFIRMATION}」以确认注销`);
    }
    if (isAdmin(user) && (await this.roles.revokeAdmin(user.id)) === 'last_admin') {
      throw new AppException('LAST_ADMIN', '这是最后一位管理员，请先指定其他管理员再注销');
    }
    const now = this.clock.now();
    const deletion = await this.deletions.record(
      user.id,
      now,
      addWorkingDays(now, ACCOUNT_ERASURE_WORKING_DAYS),
    );
    this.revoked.add(user.id);
    await this.identity.anonymise(user.id, deletion.requestedAt);
    await this.sessions.revokeAll(user.id, now);
    return { requestedAt: deletion.requestedAt.toISOString(), eraseBy: deletion.eraseBy.toISOString() };
  }

  /** Withdraws consent to the privacy notice; what needs it is refused until the worker consents again. */
  async withdrawConsent(userId: number): Promise<MeView> {
    await this.identity.withdrawConsent(userId, PRIVACY_POLICY_VERSION);
    return this.users.me(userId);
  }

  /**
   * Erases what each feature holds about deleted accounts. Every step is idempotent, so a failure is
   * simply retried by the next run and several instances may sweep at once.
   */
  async sweep(): Promise<number> {
    const due = await this.deletions.pending(SWEEP_BATCH);
    let erased = 0;
    for (const deletion of due) {
      try {
        await this.erase(deletion);
        erased++;
      } catch (error) {
        const late = deletion.eraseBy < this.clock.now() ? ' (past its deadline)' : '';
        this.logger.error(`erasure of deleted account ${deletion.userId} failed${late}: ${String(error)}`);
      }
    }
    return erased;
  }

  private async erase(deletion: AccountDeletion): Promise<void> {
    await this.identity.anonymise(deletion.userId, deletion.requestedAt);
    for (const part of this.parts) if (part.eraseOf) await part.eraseOf(deletion.userId);
    await this.deletions.markErased(deletion.id, this.clock.now());
  }
}
