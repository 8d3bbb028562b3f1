import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/crypto/pii-cipher';
import type { AppConfig } from '../config/app-config';
import { seedDemoData } from '../database/seeds/seed-demo';
import { UsersService } from '../modules/users/users.service';

export const CLI_USAGE = `Usage: node dist/cli.js <command>
  seed                 seed the demo district (no-op when it exists)
  migrate              apply pending migrations (MySQL)
  grant-admin <openid> make a user (created if new) a district admin
  keygen               print a fresh PII_KEY`;

export const CLI_COMMANDS = ['seed', 'migrate', 'grant-admin'] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

/** Runs one operator command inside the app's DI context and returns what to print. */
export async function runCliCommand(config: AppConfig, command: CliCommand, arg?: string): Promise<string> {
  if (command === 'grant-admin' && !arg) throw new Error('grant-admin needs an openid');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    const dataSource = app.get(DataSource);
    switch (command) {
      case 'seed': {
        const started = Date.now();
        return (await seedDemoData(dataSource, app.get(PiiCipher), app.get(Clock).now()))
          ? `Demo data seeded in ${Date.now() - started} ms.`
          : 'Demo data already present.';
      }
      case 'migrate':
        return `Applied ${(await dataSource.runMigrations({ transaction: 'each' })).length} migration(s).`;
      case 'grant-admin': {
        const users = app.get(UsersService);
        const user = await users.upsertByOpenid(arg!);
        await users.grantRole(user.id, { role: 'admin' });
        return `User ${user.id} (${arg}) is now an admin.`;
      }
    }
  } finally {
    await app.close();
  }
}
