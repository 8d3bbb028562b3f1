import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThanOrEqual, Repository } from 'typeorm';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { AccountDeletion } from './entities/account-deletion.entity';

/** Deletion requests (account_deletions). */
@Injectable()
export class AccountDeletionsRepository {
  constructor(@InjectRepository(AccountDeletion) private readonly deletions: Repository<AccountDeletion>) {}

  /** Records the request; a second one for the same account (a double tap) keeps the first. */
  async record(userId: number, requestedAt: Date, eraseBy: Date): Promise<AccountDeletion> {
    try {
      await this.deletions.insert({ userId, requestedAt, eraseBy, erasedAt: null });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    return this.deletions.findOneByOrFail({ userId });
  }

  /** Accounts deleted at or after `since`: the ones whose access tokens may still be alive. */
  async requestedSince(since: Date): Promise<number[]> {
    const rows = await this.deletions.find({
      select: { id: true, userId: true },
      where: { requestedAt: MoreThanOrEqual(since) },
    });
    return rows.map((r) => r.userId);
  }

  /** Requests not yet erased, the earliest deadline first. */
  pending(limit: number): Promise<AccountDeletion[]> {
    return this.deletions.find({ where: { erasedAt: IsNull() }, order: { eraseBy: 'ASC' }, take: limit });
  }

  async markErased(id: number, at: Date): Promise<void> {
    await this.deletions.update({ id, erasedAt: IsNull() }, { erasedAt: at });
  }

  byUser(userId: number): Promise<AccountDeletion | null> {
    return this.deletions.findOneBy({ userId });
  }
}
