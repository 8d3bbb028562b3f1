import { Injectable } from '@nestjs/common';

/**
 * Accounts whose access tokens must stop working before they expire: deleted accounts (注销). Access tokens
 * are stateless, so the guard asks this set, in memory, on every request — a lookup, no query. The set is
 * filled on this instance the moment it deletes an account, and on every instance by a poll of the
 * deletions made within one token lifetime (`modules/account`), so the others refuse within the poll interval.
 */
@Injectable()
export class RevokedAccounts {
  private ids = new Set<number>();
  /**
   * Deleted here, kept across polls: a poll that read the table just before this instance's deletion was
   * written must not drop the id. A few integers per deletion made by this process.
   */
  private readonly local = new Set<number>();

  has(userId: number): boolean {
    return this.ids.has(userId);
  }

  add(userId: number): void {
    this.local.add(userId);
    this.ids.add(userId);
  }

  /** The poll's answer: every account deleted within a token lifetime (older tokens have expired anyway). */
  replace(userIds: Iterable<number>): void {
    this.ids = new Set([...userIds, ...this.local]);
  }
}
