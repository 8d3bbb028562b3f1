import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: the worker's org and category grant nothing until staff verified them. `org_id` stays the
 * verified org and an org change waits in `requested_org_id`; `category_verified` marks a reviewed
 * category (existing members and verified gig workers were reviewed); `wechat_phone_hash` holds the
 * WeChat-verified phone, unique, so one verified phone binds one account.
 */
export class TrustIdentity1795541000000 implements MigrationInterface {
  name = 'TrustIdentity1795541000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`wechat_phone_hash\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`requested_org_id\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`org_requested_at\` datetime(6) NULL`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`category_verified\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX \`uq_users_wechat_phone_hash\` ON \`users\` (\`wechat_phone_hash\`)`,
    );
    await queryRunner.query(`CREATE INDEX \`idx_users_requested_org\` ON \`users\` (\`requested_org_id\`)`);
    await queryRunner.query(
      `UPDATE \`users\` SET \`category_verified\` = 1 WHERE \`category\` IS NOT NULL AND (\`membership\` = 'member' OR \`gig_verified\` = 1)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_users_requested_org\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`uq_users_wechat_phone_hash\` ON \`users\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`category_verified\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`org_requested_at\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`requested_org_id\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`wechat_phone_hash\``);
  }
}
