import { QueryFailedError } from 'typeorm';

/** True for a unique-key violation on MySQL/MariaDB (errno 1062) or SQLite. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { errno?: number; code?: string } | undefined;
  return driver?.errno === 1062 || driver?.code === 'ER_DUP_ENTRY' || /UNIQUE constraint/.test(error.message);
}
