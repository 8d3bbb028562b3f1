import { createDatabase, openDataSource } from './test-database';

/**
 * One fresh database per test run, migrated once; specs share it and each makes its own rows
 * (unique openids and org names), so they never depend on one another's data.
 */
export default async function globalSetup(): Promise<void> {
  const name = process.env.E2E_DATABASE_NAME ?? `jingcai_e2e_${Date.now()}_${process.pid}`;
  const url = await createDatabase(name);
  const dataSource = await openDataSource(url);
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  process.env.E2E_DATABASE_NAME = name;
  process.env.E2E_DATABASE_URL = url;
}
