import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from './database-options';

/** For the TypeORM CLI (`pnpm --filter @jingcai/api migration:generate|run`): needs DATABASE_URL. */
const config = loadConfig();
if (config.db.kind !== 'mysql') throw new Error('Set DATABASE_URL=mysql://… to run the migration CLI');
export default new DataSource(buildDataSourceOptions(config.db));
