import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 24: help in hardship. `assistance_applications` (the family's words, the visit's notes and photos and
 * the documents' ids only as PII ciphertext), their review history `assistance_events`, the staff view log
 * `assistance_view_logs`, the register of families `assistance_register`, and the 微心愿 `assistance_wishes`.
 * Each `active_key` is unique while set: one open application per kind, one register entry, one wish in
 * progress per family.
 */
export class Assistance1797100000000 implements MigrationInterface {
  name = 'Assistance1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`assistance_applications\` (\`id\` int NOT NULL AUTO_INCREMENT, \`applicant_id\` int NOT NULL, \`filed_by\` int NULL, \`consent_recorded_at\` datetime(6) NULL, \`org_id\` int NOT NULL, \`org_path\` varchar(255) NOT NULL, \`street_org_id\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`status\` varchar(16) NOT NULL, \`active_key\` varchar(40) NULL, \`family_situation_cipher\` text NOT NULL, \`household_size\` int NOT NULL, \`income_cipher\` varchar(255) NOT NULL, \`reasons_cipher\` text NOT NULL, \`document_ids_cipher\` text NOT NULL, \`returned_step\` varchar(8) NULL, \`return_reason_cipher\` text NULL, \`visit_date\` varchar(10) NULL, \`visit_visitors\` varchar(100) NULL, \`visit_notes_cipher\` text NULL, \`visit_photo_ids_cipher\` text NULL, \`visit_by\` int NULL, \`visit_at\` datetime(6) NULL, \`grant_amount_fen\` int NULL, \`grant_kind\` varchar(16) NULL, \`grant_date\` varchar(10) NULL, \`granted_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_assistance_applications_applicant\` (\`applicant_id\`, \`id\`), INDEX \`idx_assistance_applications_queue\` (\`org_path\`, \`status\`, \`id\`), UNIQUE INDEX \`uq_assistance_applications_active\` (\`active_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`assistance_events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`application_id\` int NOT NULL, \`action\` varchar(16) NOT NULL, \`step\` varchar(8) NULL, \`actor_id\` int NOT NULL, \`note_cipher\` text NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_assistance_events_application\` (\`application_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`assistance_view_logs\` (\`id\` int NOT NULL AUTO_INCREMENT, \`application_id\` int NOT NULL, \`viewer_id\` int NOT NULL, \`action\` varchar(8) NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_assistance_view_logs_application\` (\`application_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`assistance_register\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`active_key\` int NULL, \`org_id\` int NOT NULL, \`org_path\` varchar(255) NOT NULL, \`street_org_id\` int NOT NULL, \`status\` varchar(8) NOT NULL, \`application_id\` int NULL, \`registered_by\` int NOT NULL, \`note_cipher\` text NULL, \`review_due_at\` datetime(6) NOT NULL, \`reminded_for\` datetime(6) NULL, \`last_reviewed_at\` datetime(6) NULL, \`closed_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_assistance_register_scope\` (\`org_path\`, \`status\`, \`review_due_at\`), INDEX \`idx_assistance_register_due\` (\`status\`, \`review_due_at\`), UNIQUE INDEX \`uq_assistance_register_active\` (\`active_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`assistance_wishes\` (\`id\` int NOT NULL AUTO_INCREMENT, \`beneficiary_id\` int NOT NULL, \`author_id\` int NOT NULL, \`active_key\` int NULL, \`org_id\` int NOT NULL, \`org_path\` varchar(255) NOT NULL, \`street_org_id\` int NOT NULL, \`title\` varchar(60) NOT NULL, \`story\` text NOT NULL, \`public_title\` varchar(60) NULL, \`public_story\` text NULL, \`amount_yuan\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`reject_reason\` varchar(500) NULL, \`reviewed_by\` int NULL, \`published_at\` datetime(6) NULL, \`hand_over_kind\` varchar(16) NULL, \`hand_over_place\` varchar(200) NULL, \`donor_user_id\` int NULL, \`donor_enterprise\` varchar(60) NULL, \`claimed_at\` datetime(6) NULL, \`handed_over_at\` datetime(6) NULL, \`confirmed_by\` int NULL, \`fulfilled_at\` datetime(6) NULL, \`confirm_photo_id\` varchar(32) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_assistance_wishes_wall\` (\`status\`, \`published_at\`), INDEX \`idx_assistance_wishes_scope\` (\`org_path\`, \`status\`), INDEX \`idx_assistance_wishes_beneficiary\` (\`beneficiary_id\`, \`id\`), INDEX \`idx_assistance_wishes_donor\` (\`donor_user_id\`, \`id\`), UNIQUE INDEX \`uq_assistance_wishes_active\` (\`active_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`assistance_wishes\``);
    await queryRunner.query(`DROP TABLE \`assistance_register\``);
    await queryRunner.query(`DROP TABLE \`assistance_view_logs\``);
    await queryRunner.query(`DROP TABLE \`assistance_events\``);
    await queryRunner.query(`DROP TABLE \`assistance_applications\``);
  }
}
