import { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimits1795519053193 implements MigrationInterface {
  name = 'RateLimits1795519053193';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`rate_limit_windows\` (\`bucket\` varchar(191) NOT NULL, \`window_start\` bigint NOT NULL, \`hits\` int NOT NULL, PRIMARY KEY (\`bucket\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`rate_limit_windows\``);
  }
}
