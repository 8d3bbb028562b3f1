import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { DateUtils } from 'typeorm/util/DateUtils';

interface CallbackPool {
  query(sql: string, params: unknown[], done: (error: Error | null, rows: unknown) => void): void;
}

/**
 * A plain SQL statement on a path every request of a rush takes (a release's claims, a quiz's starts
 * and submits). On MySQL/MariaDB it goes to mysql2's pool (the one TypeORM made, so the same connections,
 * time zone and type casts) through its callback API. TypeORM's `query()` builds a query runner, a
 * promise wrapper of the connection with a captured stack, and two event broadcasts around every
 * statement: together ~10% of the API's CPU in the claim rush (tests/bench/claims). Elsewhere (the
 * embedded SQLite demo) it is `dataSource.query`. Failures are TypeORM's QueryFailedError either way.
 */
export function hotQuery<T>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  const pool = dataSource.driver instanceof MysqlDriver ? (dataSource.driver.pool as CallbackPool) : null;
  if (!pool) return dataSource.query<T[]>(sql, params);
  return new Promise((resolve, reject) =>
    pool.query(sql, params, (error, rows) =>
      error ? reject(new QueryFailedError(sql, params, error)) : resolve(rows as T[]),
    ),
  );
}

/**
 * A plain SQL write inside a transaction, on a hot path; answers the rows it changed. It runs on the
 * transaction's query runner (both drivers report changed rows there) without a query builder, whose SQL
 * generation was the larger part of a quiz submit's UPDATE (tests/bench/quiz). sql.js binds neither dates
 * nor booleans, so those go as TypeORM stores them there.
 */
export async function hotExecute(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const bound = manager.connection.driver instanceof MysqlDriver ? params : params.map(asSqliteValue);
  const result = await manager.queryRunner!.query(sql, bound, true);
  return result.affected ?? 0;
}

function asSqliteValue(value: unknown): unknown {
  if (value instanceof Date) return DateUtils.mixedDateToUtcDatetimeString(value) as string;
  return typeof value === 'boolean' ? Number(value) : value;
}
