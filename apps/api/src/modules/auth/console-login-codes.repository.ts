import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { ConsoleLoginCode } from './entities/console-login-code.entity';

/** The console_login_codes table's statements. */
@Injectable()
export class ConsoleLoginCodesRepository {
  constructor(@InjectRepository(ConsoleLoginCode) private readonly codes: Repository<ConsoleLoginCode>) {}

  /** Drops the user's unused codes: one live code per user. */
  async deleteUnused(userId: number): Promise<void> {
    await this.codes.delete({ userId, usedAt: IsNull() });
  }

  /** Stores a code; false when a live code has the same hash (the caller draws again). */
  async tryInsert(userId: number, codeHash: string, expiresAt: Date): Promise<boolean> {
    try {
      await this.codes.insert({ userId, codeHash, expiresAt });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /**
   * Spends an unused, unexpired code and answers whom it was issued to; null when there is none or a
   * concurrent login spent it first (the conditional update makes a code good for exactly one login).
   */
  async redeem(codeHash: string, now: Date): Promise<number | null> {
    const found = await this.codes.findOneBy({ codeHash, usedAt: IsNull(), expiresAt: MoreThan(now) });
    if (!found) return null;
    const { affected } = await this.codes.update({ id: found.id, usedAt: IsNull() }, { usedAt: now });
    return affected ? found.userId : null;
  }
}
