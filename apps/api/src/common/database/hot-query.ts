import {
  DataSource,
  QueryFailedError,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
} from 'typeorm';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
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
 * embedded SQLite demo) it is `dataSource.query`, with dates and booleans bound as TypeORM stores them
 * there. Failures are TypeORM's QueryFailedError either way.
 */
export function hotQuery<T>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  return onPool<T[]>(dataSource, sql, params) ?? dataSource.query<T[]>(sql, params.map(asSqliteValue));
}

/**
 * A plain SQL write on its own (autocommit), on a hot path; answers the rows it changed. On MySQL/MariaDB
 * a multi-table UPDATE counts the rows of every table it changed.
 */
export async function hotWrite(dataSource: DataSource, sql: string, params: unknown[]): Promise<number> {
  const header = onPool<{ affectedRows: number }>(dataSource, sql, params);
  if (header) return (await header).affectedRows;
  const runner = dataSource.createQueryRunner();
  try {
    return (await runner.query(sql, params.map(asSqliteValue), true)).affected ?? 0;
  } finally {
    await runner.release();
  }
}

/** A plain INSERT on its own (autocommit), on a hot path; answers the new row's generated id. */
export async function hotInsert(dataSource: DataSource, sql: string, params: unknown[]): Promise<number> {
  const header = onPool<{ insertId: number }>(dataSource, sql, params);
  if (header) return (await header).insertId;
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query(sql, params.map(asSqliteValue));
    const [row] = (await runner.query('SELECT last_insert_rowid() AS id')) as { id: number }[];
    return Number(row.id);
  } finally {
    await runner.release();
  }
}

const entitySelects = new WeakMap<EntityMetadata, string>();

/**
 * One entity by a plain statement (`where` on its table's columns), hydrated column by column as TypeORM
 * hydrates it (the driver's types, then the column's transformer) but without the query builder, entity
 * events and relation loading of `findOneBy`: a sign-up rush's ticket view read cost ~2% of the API's CPU that
 * way (tests/bench/events). Plain columns only; relations are not loaded.
 */
export async function hotEntity<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  where: string,
  params: unknown[],
): Promise<T | null> {
  const metadata = dataSource.getMetadata(target);
  let select = entitySelects.get(metadata);
  if (!select) {
    const name = (identifier: string) => dataSource.driver.escape(identifier);
    const list = metadata.columns.map((c) => `${name(c.databaseName)} AS ${name(c.propertyName)}`);
    select = `SELECT ${list.join(', ')} FROM ${name(metadata.tableName)} WHERE `;
    entitySelects.set(metadata, select);
  }
  const [row] = await hotQuery<Record<string, unknown>>(dataSource, select + where, params);
  if (!row) return null;
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(row[column.propertyName], column));
  }
  return entity;
}

export function isMysql(dataSource: DataSource): boolean {
  return dataSource.driver instanceof MysqlDriver;
}

/** The statement on mysql2's pool, or null elsewhere. */
function onPool<T>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T> | null {
  if (!isMysql(dataSource)) return null;
  const pool = (dataSource.driver as MysqlDriver).pool as CallbackPool;
  return new Promise((resolve, reject) =>
    pool.query(sql, params, (error, result) =>
      error ? reject(new QueryFailedError(sql, params, error)) : resolve(result as T),
    ),
  );
}

/**
 * A plain SQL write inside a transaction, on a hot path; answers the rows it changed. It runs on the
 * transaction's query runner (both drivers report changed rows there) without a query builder, whose SQL
 * generation was the larger part of a quiz submit's UPDATE (tests/bench/quiz).
 */
export async function hotExecute(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const bound = isMysql(manager.connection) ? params : params.map(asSqliteValue);
  const result = await manager.queryRunner!.query(sql, bound, true);
  return result.affected ?? 0;
}

/** sql.js binds neither dates nor booleans. */
function asSqliteValue(value: unknown): unknown {
  if (value instanceof Date) return DateUtils.mixedDateToUtcDatetimeString(value) as string;
  return typeof value === 'boolean' ? Number(value) : value;
}
