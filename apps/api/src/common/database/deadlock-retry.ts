import { QueryFailedError } from 'typeorm';

const DEADLOCK = 1213;
const LOCK_WAIT_TIMEOUT = 1205;

/** True when InnoDB chose this transaction as a deadlock victim (or gave up waiting): safe to run again. */
export function isTransientLockError(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const errno = (error.driverError as { errno?: number } | undefined)?.errno;
  return errno === DEADLOCK || errno === LOCK_WAIT_TIMEOUT;
}

/**
 * Runs a whole transaction again when InnoDB rolled it back as a deadlock victim — the remedy MySQL's
 * manual prescribes. The work must be a complete transaction, so a retry starts from scratch.
 */
export async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientLockError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
