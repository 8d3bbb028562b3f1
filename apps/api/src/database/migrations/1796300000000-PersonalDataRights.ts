import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: personal-data rights and 投诉建议. `users.deleted_at` marks an account deleted (its row is
 * anonymised at once); `account_deletions` tracks the erasure of the rest within 15 working days;
 * `privacy_consents.withdrawn` records a withdrawal next to the consents; `feedback` holds complaints and
 * suggestions with the union's reply.
 */
export class PersonalDataRights1796300000000 implements MigrationInterface {
  name = 'PersonalDataRights1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`deleted_at\` datetime(6) NULL`);
    await queryRunner.query(`ALTER TABLE \`privacy_consents\` ADD \`withdrawn\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `CREATE TABLE \`account_deletions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`requested_at\` datetime(6) NOT NULL, \`erase_by\` datetime(6) NOT NULL, \`erased_at\` datetime(6) NULL, UNIQUE INDEX \`uq_account_deletions_user\` (\`user_id\`), INDEX \`idx_account_deletions_requested\` (\`requested_at\`), INDEX \`idx_account_deletions_pending\` (\`erased_at\`, \`erase_by\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`feedback\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`org_id\` int NULL, \`org_path\` varchar(255) NULL, \`category\` varchar(16) NOT NULL, \`text\` text NOT NULL, \`photo_ids\` varchar(255) NOT NULL DEFAULT '', \`wants_contact\` tinyint NOT NULL DEFAULT 0, \`status\` varchar(16) NOT NULL DEFAULT 'open', \`due_at\` datetime(6) NOT NULL, \`reply\` text NULL, \`replied_by\` int NULL, \`replied_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_feedback_sender\` (\`user_id\`, \`id\`), INDEX \`idx_feedback_queue\` (\`org_path\`, \`status\`, \`due_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`feedback\``);
    await queryRunner.query(`DROP TABLE \`account_deletions\``);
    await queryRunner.query(`ALTER TABLE \`privacy_consents\` DROP COLUMN \`withdrawn\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`deleted_at\``);
  }
}
