import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: a console login code dies after a few failed tries. A wrong guess names no code, so each
 * failed console login is charged to every pending code; `failed_attempts` counts those charges.
 */
export class ConsoleLoginFailures1795542000000 implements MigrationInterface {
  name = 'ConsoleLoginFailures1795542000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`console_login_codes\` ADD \`failed_attempts\` int NOT NULL DEFAULT '0'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`console_login_codes\` DROP COLUMN \`failed_attempts\``);
  }
}
