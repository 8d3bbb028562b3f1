import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 20: 长辈模式 on the profile, kept on the server so it follows the worker to a new phone. */
export class CareMode1796800000000 implements MigrationInterface {
  name = 'CareMode1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`care_mode\` tinyint NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`care_mode\``);
  }
}
