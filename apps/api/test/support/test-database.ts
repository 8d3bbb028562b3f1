import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/database-options';

/** The MariaDB/MySQL server tests use; override with TEST_DATABASE_SERVER=mysql://user:pass@host:port. */
export const TEST_SERVER = (process.env.TEST_DATABASE_SERVER ?? 'mysql://root:@127.0.0.1:3306').replace(
  /\/+$/,
  '',
);
export const TEST_DRIVER = (process.env.TEST_DATABASE_DRIVER ?? 'mariadb') as 'mysql' | 'mariadb';

export async function createDatabase(name: string): Promise<string> {
  const connection = await createConnection(TEST_SERVER);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  return `${TEST_SERVER}/${name}`;
}

export async function dropDatabase(name: string): Promise<void> {
  const connection = await createConnection(TEST_SERVER);
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await connection.end();
  }
}

export function openDataSource(url: string): Promise<DataSource> {
  return new DataSource(
    buildDataSourceOptions({ kind: 'mysql', url, driver: TEST_DRIVER, poolSize: 5, migrationsRun: false }),
  ).initialize();
}
