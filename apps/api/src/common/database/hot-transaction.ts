import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { hotExecute, isMysql } from './hot-query';

/** The statements of a hot transaction. */
export interface HotStatements {
  /** Runs a write; answers the rows it changed. */
  execute(sql: string, params: unknown[]): Promise<number>;
}

interface Header {
  affectedRows: number;
}

interface CallbackConnection {
  query(sql: string, params: unknown[], done: (error: Error | null, result: Header) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  release(): void;
  destroy(): void;
}

interface CallbackPool {
  getConnection(done: (error: Error | null, connection: CallbackConnection) => void): void;
  on(event: 'connection', listener: (connection: CallbackConnection) => void): void;
  end(done: (error?: Error) => void): void;
}

/**
 * Transactions on a path every request of a rush takes (a quiz submit). On MySQL/MariaDB they run on a
 * pool of their own, built from the options TypeORM built its pool from, whose connections have
 * autocommit off from the moment they connect: the transaction's first statement opens it, so there is
 * no START TRANSACTION round trip, and COMMIT (or ROLLBACK, on any failure) always ends it before the
 * connection goes back to that pool. Only this class takes connections from it. The statements go
 * through mysql2's callback API, without TypeORM's query runner (see hot-query.ts). Elsewhere (the
 * embedded SQLite demo) it is TypeORM's transaction. Failures are TypeORM's QueryFailedError either way.
 */
@Injectable()
export class HotTransactions implements OnApplicationShutdown {
  private readonly logger = new Logger(HotTransactions.name);
  private pool?: Promise<CallbackPool>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(work: (statements: HotStatements) => Promise<T>): Promise<T> {
    if (!isMysql(this.dataSource)) {
      return this.dataSource.transaction((manager) =>
        work({ execute: (sql, params) => hotExecute(manager, sql, params) }),
      );
    }
    const pool = await this.mysqlPool();
    const connection = await new Promise<CallbackConnection>((resolve, reject) =>
      pool.getConnection((error, c) => (error ? reject(error) : resolve(c))),
    );
    const query = (sql: string, params: unknown[]) =>
      new Promise<Header>((resolve, reject) =>
        connection.query(sql, params, (error, result) =>
          error ? reject(new QueryFailedError(sql, params, error)) : resolve(result),
        ),
      );
    try {
      const value = await work({ execute: async (sql, params) => (await query(sql, params)).affectedRows });
      await query('COMMIT', []);
      connection.release();
      return value;
    } catch (error) {
      // A connection whose transaction could not be rolled back must not serve another one.
      await query('ROLLBACK', []).then(
        () => connection.release(),
        () => connection.destroy(),
      );
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = await this.pool?.catch(() => undefined);
    if (pool) await new Promise((resolve) => pool.end(resolve));
  }

  private mysqlPool(): Promise<CallbackPool> {
    this.pool ??= this.createPool();
    return this.pool;
  }

  private async createPool(): Promise<CallbackPool> {
    const driver = this.dataSource.driver as MysqlDriver;
    const builder = driver as unknown as { createConnectionOptions(o: unknown, c: unknown): unknown };
    const options = (await builder.createConnectionOptions(driver.options, driver.options)) as object;
    const pool = (driver.mysql as { createPool(options: object): CallbackPool }).createPool(options);
    pool.on('connection', (connection) => {
      // As TypeORM does for its own: an unhandled connection error would end the process.
      connection.on('error', (error) => this.logger.warn(`MySQL connection raised an error. ${error}`));
      // Queued ahead of any statement of the transaction that takes this connection; one that cannot
      // turn autocommit off is of no use here.
      connection.query('SET autocommit = 0', [], (error) => error && connection.destroy());
    });
    return pool;
  }
}
