import { RevokedAccounts } from './revoked-accounts';

describe(RevokedAccounts.name, () => {
  it('refuses what the poll lists and what this instance deleted, even when a poll missed it', () => {
    const revoked = new RevokedAccounts();
    revoked.replace([3]);
    expect(revoked.has(3)).toBe(true);
    revoked.add(8);
    // A poll that read the table before deletion 8 was written.
    revoked.replace([3]);
    expect(revoked.has(8)).toBe(true);
    // Deletions older than a token lifetime drop out of the poll.
    revoked.replace([]);
    expect(revoked.has(3)).toBe(false);
    expect(revoked.has(5)).toBe(false);
  });
});
