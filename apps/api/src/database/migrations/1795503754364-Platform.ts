import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Membership applications, uploads, the moderation queue, notifications, care packages (stations, benefits, claims) and quiz campaigns. */

export class Platform1795503754364 implements MigrationInterface {
  name = 'Platform1795503754364';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`care_stations\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(60) NOT NULL, \`address\` varchar(120) NOT NULL, \`latitude\` decimal(9,6) NOT NULL, \`longitude\` decimal(9,6) NOT NULL, \`hours\` varchar(64) NOT NULL, \`amenities\` varchar(100) NOT NULL DEFAULT '', \`org_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`care_benefits\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(60) NOT NULL, \`description\` text NOT NULL, \`kind\` varchar(16) NOT NULL, \`total_stock\` int NOT NULL, \`remaining_stock\` int NOT NULL, \`per_person_limit\` int NOT NULL DEFAULT '1', \`claim_starts_at\` datetime(6) NOT NULL, \`claim_ends_at\` datetime(6) NOT NULL, \`pickup_deadline\` datetime(6) NOT NULL, \`eligible_categories\` varchar(255) NOT NULL DEFAULT '', \`gig_verified_required\` tinyint NOT NULL DEFAULT 0, \`eligible_tags\` varchar(255) NOT NULL DEFAULT '', \`members_only\` tinyint NOT NULL DEFAULT 0, \`audience_org_id\` int NULL, \`owner_org_id\` int NOT NULL, \`created_by\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`care_claims\` (\`id\` int NOT NULL AUTO_INCREMENT, \`benefit_id\` int NOT NULL, \`user_id\` int NOT NULL, \`station_id\` int NOT NULL, \`code\` varchar(12) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'claimed', \`active_key\` varchar(32) NULL, \`expires_at\` datetime(6) NOT NULL, \`reminded_at\` datetime(6) NULL, \`redeemed_at\` datetime(6) NULL, \`redeemed_by\` int NULL, \`closed_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_care_claims_code\` (\`code\`), UNIQUE INDEX \`uq_care_claims_active\` (\`active_key\`), INDEX \`idx_care_claims_station\` (\`benefit_id\`, \`station_id\`, \`status\`), INDEX \`idx_care_claims_expiry\` (\`status\`, \`expires_at\`), INDEX \`idx_care_claims_user\` (\`user_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`quiz_banks\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(60) NOT NULL, \`owner_org_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`quiz_questions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`bank_id\` int NOT NULL, \`type\` varchar(16) NOT NULL, \`stem\` text NOT NULL, \`options\` text NOT NULL, \`answer\` varchar(8) NOT NULL, \`explanation\` text NOT NULL, \`tags\` varchar(255) NOT NULL DEFAULT '', \`difficulty\` int NOT NULL DEFAULT '3', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_quiz_questions_bank\` (\`bank_id\`, \`type\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`quiz_campaigns\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(60) NOT NULL, \`cover_url\` varchar(255) NULL, \`rules\` text NOT NULL, \`starts_at\` datetime(6) NOT NULL, \`ends_at\` datetime(6) NOT NULL, \`audience_org_id\` int NULL, \`members_only\` tinyint NOT NULL DEFAULT 0, \`draw\` text NOT NULL, \`shuffle_options\` tinyint NOT NULL DEFAULT 1, \`seconds_per_attempt\` int NOT NULL, \`attempts_per_day\` int NOT NULL, \`pass_score\` int NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'draft', \`owner_org_id\` int NOT NULL, \`created_by\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`quiz_attempts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`campaign_id\` int NOT NULL, \`user_id\` int NOT NULL, \`open_key\` varchar(32) NULL, \`drawn\` text NOT NULL, \`day\` varchar(10) NOT NULL, \`started_at\` datetime(6) NOT NULL, \`deadline\` datetime(6) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'open', \`submitted_at\` datetime(6) NULL, \`answers\` text NULL, \`score\` int NULL, \`correct_count\` int NULL, \`duration_seconds\` int NULL, \`late\` tinyint NOT NULL DEFAULT 0, UNIQUE INDEX \`uq_quiz_attempts_open\` (\`open_key\`), INDEX \`idx_quiz_attempts_user_day\` (\`campaign_id\`, \`user_id\`, \`day\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`quiz_participants\` (\`campaign_id\` int NOT NULL, \`user_id\` int NOT NULL, \`org_path\` varchar(255) NULL, \`best_score\` int NOT NULL, \`best_duration\` int NOT NULL, \`best_at\` datetime(6) NOT NULL, INDEX \`idx_quiz_participants_rank\` (\`campaign_id\`, \`best_score\`, \`best_duration\`, \`best_at\`), PRIMARY KEY (\`campaign_id\`, \`user_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`quiz_mistakes\` (\`user_id\` int NOT NULL, \`question_id\` int NOT NULL, \`campaign_id\` int NOT NULL, \`wrong_count\` int NOT NULL DEFAULT '1', \`last_wrong_at\` datetime(6) NOT NULL, PRIMARY KEY (\`user_id\`, \`question_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`quiz_certificates\` (\`serial\` varchar(20) NOT NULL, \`campaign_id\` int NOT NULL, \`user_id\` int NOT NULL, \`attempt_id\` int NOT NULL, \`name\` varchar(32) NOT NULL, \`score\` int NOT NULL, \`issued_at\` datetime(6) NOT NULL, UNIQUE INDEX \`uq_quiz_certificates_holder\` (\`campaign_id\`, \`user_id\`), PRIMARY KEY (\`serial\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`moderation_items\` (\`id\` int NOT NULL AUTO_INCREMENT, \`subject_type\` varchar(32) NOT NULL, \`subject_id\` varchar(64) NOT NULL, \`author_id\` int NOT NULL, \`org_id\` int NULL, \`kind\` varchar(8) NOT NULL, \`content\` text NOT NULL, \`reason\` varchar(24) NOT NULL, \`trace_id\` varchar(64) NULL, \`status\` varchar(16) NOT NULL DEFAULT 'pending', \`decided_by\` int NULL, \`decided_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_moderation_items_trace\` (\`trace_id\`), INDEX \`idx_moderation_items_subject\` (\`subject_type\`, \`subject_id\`), INDEX \`idx_moderation_items_status\` (\`status\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`membership_applications\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`pending_user_id\` int NULL, \`real_name\` varchar(32) NOT NULL, \`phone_cipher\` varchar(255) NOT NULL, \`phone_hash\` varchar(64) NOT NULL, \`org_id\` int NULL, \`org_not_listed\` varchar(100) NULL, \`category\` varchar(32) NOT NULL, \`platform\` varchar(30) NULL, \`proof_upload_id\` varchar(32) NULL, \`status\` varchar(16) NOT NULL DEFAULT 'pending', \`reject_reason\` varchar(200) NULL, \`member_no\` varchar(32) NULL, \`decided_by\` int NULL, \`decided_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_membership_applications_pending\` (\`pending_user_id\`), INDEX \`idx_membership_applications_status\` (\`status\`, \`id\`), INDEX \`idx_membership_applications_user\` (\`user_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`notifications\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`kind\` varchar(32) NOT NULL, \`title\` varchar(64) NOT NULL, \`body\` varchar(255) NOT NULL, \`page\` varchar(255) NULL, \`read_at\` datetime(6) NULL, \`subscribe_delivery\` varchar(16) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_notifications_user\` (\`user_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`uploads\` (\`id\` varchar(32) NOT NULL, \`owner_id\` int NOT NULL, \`purpose\` varchar(32) NOT NULL, \`storage_key\` varchar(255) NOT NULL, \`content_type\` varchar(32) NOT NULL, \`size\` int NOT NULL, \`width\` int NOT NULL, \`height\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_uploads_owner\` (\`owner_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`care_benefit_stations\` (\`benefit_id\` int NOT NULL, \`station_id\` int NOT NULL, INDEX \`IDX_fdc3ec8df95729c3744bc0acb6\` (\`benefit_id\`), INDEX \`IDX_34b81a2827883435d1a6667ad6\` (\`station_id\`), PRIMARY KEY (\`benefit_id\`, \`station_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`member_since\` datetime(6) NULL`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD \`avatar_upload_id\` varchar(32) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`care_stations\` ADD CONSTRAINT \`FK_f02236a8f9d6304e6e84b9c1afc\` FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`care_benefits\` ADD CONSTRAINT \`FK_855421076b76f4b46c133c7db4b\` FOREIGN KEY (\`audience_org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`care_benefits\` ADD CONSTRAINT \`FK_c47eb62cf10e720a85bd51a746b\` FOREIGN KEY (\`owner_org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`care_claims\` ADD CONSTRAINT \`FK_dddf097876f61ec9f29620aeb83\` FOREIGN KEY (\`benefit_id\`) REFERENCES \`care_benefits\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`care_claims\` ADD CONSTRAINT \`FK_b4140ce6fcaaf62f358d6057e32\` FOREIGN KEY (\`station_id\`) REFERENCES \`care_stations\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`quiz_banks\` ADD CONSTRAINT \`FK_4020856e796d7b97105d64fa377\` FOREIGN KEY (\`owner_org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`quiz_questions\` ADD CONSTRAINT \`FK_1690a730c3a15d77d6287d2954d\` FOREIGN KEY (\`bank_id\`) REFERENCES \`quiz_banks\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`quiz_campaigns\` ADD CONSTRAINT \`FK_26ec2c57d1e00e2613c03ba1412\` FOREIGN KEY (\`audience_org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`quiz_campaigns\` ADD CONSTRAINT \`FK_2dd2edd0702f9b1ab62696abbc2\` FOREIGN KEY (\`owner_org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`membership_applications\` ADD CONSTRAINT \`FK_ec1c1122b6231df1ea96f4dbbab\` FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`care_benefit_stations\` ADD CONSTRAINT \`FK_fdc3ec8df95729c3744bc0acb69\` FOREIGN KEY (\`benefit_id\`) REFERENCES \`care_benefits\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE \`care_benefit_stations\` ADD CONSTRAINT \`FK_34b81a2827883435d1a6667ad68\` FOREIGN KEY (\`station_id\`) REFERENCES \`care_stations\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`care_benefit_stations\` DROP FOREIGN KEY \`FK_34b81a2827883435d1a6667ad68\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`care_benefit_stations\` DROP FOREIGN KEY \`FK_fdc3ec8df95729c3744bc0acb69\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`membership_applications\` DROP FOREIGN KEY \`FK_ec1c1122b6231df1ea96f4dbbab\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`quiz_campaigns\` DROP FOREIGN KEY \`FK_2dd2edd0702f9b1ab62696abbc2\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`quiz_campaigns\` DROP FOREIGN KEY \`FK_26ec2c57d1e00e2613c03ba1412\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`quiz_questions\` DROP FOREIGN KEY \`FK_1690a730c3a15d77d6287d2954d\``,
    );
    await queryRunner.query(`ALTER TABLE \`quiz_banks\` DROP FOREIGN KEY \`FK_4020856e796d7b97105d64fa377\``);
    await queryRunner.query(
      `ALTER TABLE \`care_claims\` DROP FOREIGN KEY \`FK_b4140ce6fcaaf62f358d6057e32\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`care_claims\` DROP FOREIGN KEY \`FK_dddf097876f61ec9f29620aeb83\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`care_benefits\` DROP FOREIGN KEY \`FK_c47eb62cf10e720a85bd51a746b\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`care_benefits\` DROP FOREIGN KEY \`FK_855421076b76f4b46c133c7db4b\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`care_stations\` DROP FOREIGN KEY \`FK_f02236a8f9d6304e6e84b9c1afc\``,
    );
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`avatar_upload_id\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP COLUMN \`member_since\``);
    await queryRunner.query(`DROP INDEX \`IDX_34b81a2827883435d1a6667ad6\` ON \`care_benefit_stations\``);
    await queryRunner.query(`DROP INDEX \`IDX_fdc3ec8df95729c3744bc0acb6\` ON \`care_benefit_stations\``);
    await queryRunner.query(`DROP TABLE \`care_benefit_stations\``);
    await queryRunner.query(`DROP INDEX \`idx_uploads_owner\` ON \`uploads\``);
    await queryRunner.query(`DROP TABLE \`uploads\``);
    await queryRunner.query(`DROP INDEX \`idx_notifications_user\` ON \`notifications\``);
    await queryRunner.query(`DROP TABLE \`notifications\``);
    await queryRunner.query(`DROP INDEX \`idx_membership_applications_user\` ON \`membership_applications\``);
    await queryRunner.query(
      `DROP INDEX \`idx_membership_applications_status\` ON \`membership_applications\``,
    );
    await queryRunner.query(
      `DROP INDEX \`uq_membership_applications_pending\` ON \`membership_applications\``,
    );
    await queryRunner.query(`DROP TABLE \`membership_applications\``);
    await queryRunner.query(`DROP INDEX \`idx_moderation_items_status\` ON \`moderation_items\``);
    await queryRunner.query(`DROP INDEX \`idx_moderation_items_subject\` ON \`moderation_items\``);
    await queryRunner.query(`DROP INDEX \`idx_moderation_items_trace\` ON \`moderation_items\``);
    await queryRunner.query(`DROP TABLE \`moderation_items\``);
    await queryRunner.query(`DROP INDEX \`uq_quiz_certificates_holder\` ON \`quiz_certificates\``);
    await queryRunner.query(`DROP TABLE \`quiz_certificates\``);
    await queryRunner.query(`DROP TABLE \`quiz_mistakes\``);
    await queryRunner.query(`DROP INDEX \`idx_quiz_participants_rank\` ON \`quiz_participants\``);
    await queryRunner.query(`DROP TABLE \`quiz_participants\``);
    await queryRunner.query(`DROP INDEX \`idx_quiz_attempts_user_day\` ON \`quiz_attempts\``);
    await queryRunner.query(`DROP INDEX \`uq_quiz_attempts_open\` ON \`quiz_attempts\``);
    await queryRunner.query(`DROP TABLE \`quiz_attempts\``);
    await queryRunner.query(`DROP TABLE \`quiz_campaigns\``);
    await queryRunner.query(`DROP INDEX \`idx_quiz_questions_bank\` ON \`quiz_questions\``);
    await queryRunner.query(`DROP TABLE \`quiz_questions\``);
    await queryRunner.query(`DROP TABLE \`quiz_banks\``);
    await queryRunner.query(`DROP INDEX \`idx_care_claims_user\` ON \`care_claims\``);
    await queryRunner.query(`DROP INDEX \`idx_care_claims_expiry\` ON \`care_claims\``);
    await queryRunner.query(`DROP INDEX \`idx_care_claims_station\` ON \`care_claims\``);
    await queryRunner.query(`DROP INDEX \`uq_care_claims_active\` ON \`care_claims\``);
    await queryRunner.query(`DROP INDEX \`uq_care_claims_code\` ON \`care_claims\``);
    await queryRunner.query(`DROP TABLE \`care_claims\``);
    await queryRunner.query(`DROP TABLE \`care_benefits\``);
    await queryRunner.query(`DROP TABLE \`care_stations\``);
  }
}
