import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
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
   * Charges one failed try to every pending code that has fewer than `maxFailures` (unused, unexpired)
   * and answers which were charged. Each charge is an atomic increment, so instances agree on the count.
   */
  async charge(now: Date, maxFailures: number): Promise<number[]> {
    const pending = await this.codes.find({
      select: { id: true },
      where: { usedAt: IsNull(), expiresAt: MoreThan(now), failedAttempts: LessThan(maxFailures) },
    });
    const ids = pending.map((code) => code.id);
    if (ids.length) await this.codes.increment({ id: In(ids) }, 'failedAttempts', 1);
    return ids;
  }

  /** Takes back the charges of a try that turned out right. */
  async refund(ids: number[]): Promise<void> {
    if (ids.length) {
      await this.codes.decrement({ id: In(ids), failedAttempts: MoreThan(0) }, 'failedAttempts', 1);
    }
  }

  /**
   * Spends an unused, unexpired code among `charged` that has at most `maxFailures` charged tries (this
   * one included) and answers whom it was issued to; null when there is none or a concurrent login
   * spent it first (the conditional update makes a code good for exactly one login).
   */
  async redeem(codeHash: string, charged: number[], now: Date, maxFailures: number): Promise<number | null> {
    if (!charged.length) return null;
    const live = {
      usedAt: IsNull(),
      expiresAt: MoreThan(now),
      failedAttempts: LessThanOrEqual(maxFailures),
    };
    const found = await this.codes.findOneBy({ ...live, codeHash, id: In(charged) });
    if (!found) return null;
    const { affected } = await this.codes.update({ ...live, id: found.id }, { usedAt: now });
    return affected ? found.userId : null;
  }
}
