import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsoleLogin1795509836212 implements MigrationInterface {
  name = 'ConsoleLogin1795509836212';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`console_login_codes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`code_hash\` varchar(64) NOT NULL, \`expires_at\` datetime(6) NOT NULL, \`used_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_console_login_codes_user\` (\`user_id\`), UNIQUE INDEX \`uq_console_login_codes_hash\` (\`code_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`uq_console_login_codes_hash\` ON \`console_login_codes\``);
    await queryRunner.query(`DROP INDEX \`idx_console_login_codes_user\` ON \`console_login_codes\``);
    await queryRunner.query(`DROP TABLE \`console_login_codes\``);
  }
}
