import { dropDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  if (process.env.E2E_DATABASE_NAME && process.env.E2E_KEEP_DATABASE !== 'true') {
    await dropDatabase(process.env.E2E_DATABASE_NAME);
  }
}
