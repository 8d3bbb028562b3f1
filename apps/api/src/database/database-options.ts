import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * MySQL/MariaDB: schema only by migrations, applied at boot unless DATABASE_MIGRATIONS_RUN=false.
 * Embedded SQLite (sql.js, no native build): the zero-config demo, whose schema is synchronised from the
 * entities — it is a throwaway file, never production.
 */
export function buildDataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  if (db.kind === 'sqlite') {
    mkdirSync(dirname(db.path), { recursive: true });
    return { type: 'sqljs', location: db.path, autoSave: true, entities: ENTITIES, synchronize: true };
  }
  return {
    type: db.driver,
    url: db.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: db.migrationsRun,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Instants are stored in UTC; "a day" is computed in Asia/Shanghai by the shared rules, never by the server.
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    poolSize: db.poolSize,
  };
}
