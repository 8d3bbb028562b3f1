import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 23: events and sign-up (活动报名 + 签到). `events` with their rules and lottery seed, `event_sessions`
 * with the place counter a sign-up rush decrements conditionally, `event_signups` (tickets) with the active
 * key that keeps one sign-up per person and session, and children's data as PII ciphertext.
 */
export class Events1797000000000 implements MigrationInterface {
  name = 'Events1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(60) NOT NULL, \`kind\` varchar(16) NOT NULL, \`description\` text NOT NULL, \`cover_id\` varchar(36) NULL, \`venue\` varchar(100) NOT NULL, \`latitude\` decimal(9,6) NOT NULL, \`longitude\` decimal(9,6) NOT NULL, \`owner_org_id\` int NOT NULL, \`eligible_categories\` varchar(255) NOT NULL DEFAULT '', \`gig_verified_required\` tinyint NOT NULL DEFAULT 0, \`eligible_tags\` varchar(255) NOT NULL DEFAULT '', \`members_only\` tinyint NOT NULL DEFAULT 0, \`audience_org_id\` int NULL, \`allocation\` varchar(16) NOT NULL, \`signup_starts_at\` datetime(6) NOT NULL, \`signup_ends_at\` datetime(6) NOT NULL, \`cancel_deadline\` datetime(6) NOT NULL, \`per_person_limit\` int NOT NULL DEFAULT 1, \`no_show_rule\` tinyint NOT NULL DEFAULT 0, \`offer_hours\` int NOT NULL DEFAULT 24, \`form_json\` text NOT NULL, \`starts_at\` datetime(6) NOT NULL, \`ends_at\` datetime(6) NOT NULL, \`lottery_seed\` varchar(64) NULL, \`lottery_drawn_at\` datetime(6) NULL, \`child_data_erased_at\` datetime(6) NULL, \`created_by\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_events_listing\` (\`signup_ends_at\`, \`ends_at\`), INDEX \`idx_events_owner\` (\`owner_org_id\`, \`id\`), INDEX \`idx_events_ended\` (\`ends_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`event_sessions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`event_id\` int NOT NULL, \`label\` varchar(40) NOT NULL, \`starts_at\` datetime(6) NOT NULL, \`ends_at\` datetime(6) NOT NULL, \`capacity\` int NOT NULL, \`remaining\` int NOT NULL, \`venue_secret\` varchar(64) NOT NULL, INDEX \`idx_event_sessions_event\` (\`event_id\`, \`starts_at\`), INDEX \`idx_event_sessions_starts\` (\`starts_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`event_signups\` (\`id\` int NOT NULL AUTO_INCREMENT, \`event_id\` int NOT NULL, \`session_id\` int NOT NULL, \`user_id\` int NOT NULL, \`public_no\` varchar(8) NOT NULL, \`ticket_code\` varchar(10) NOT NULL, \`status\` varchar(16) NOT NULL, \`active_key\` varchar(32) NULL, \`answers_json\` text NOT NULL, \`child_name_cipher\` varchar(255) NULL, \`child_age_cipher\` varchar(255) NULL, \`child_guardian_cipher\` varchar(255) NULL, \`draw_rank\` int NULL, \`deprioritised\` tinyint NOT NULL DEFAULT 0, \`offer_expires_at\` datetime(6) NULL, \`checked_in_at\` datetime(6) NULL, \`checked_in_by\` int NULL, \`checkin_method\` varchar(16) NULL, \`reminded_at\` datetime(6) NULL, \`closed_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_event_signups_user\` (\`user_id\`, \`id\`), INDEX \`idx_event_signups_session\` (\`session_id\`, \`status\`, \`draw_rank\`), INDEX \`idx_event_signups_event\` (\`event_id\`, \`status\`), INDEX \`idx_event_signups_offers\` (\`status\`, \`offer_expires_at\`), UNIQUE INDEX \`uq_event_signups_public_no\` (\`event_id\`, \`public_no\`), UNIQUE INDEX \`uq_event_signups_ticket\` (\`ticket_code\`), UNIQUE INDEX \`uq_event_signups_active\` (\`active_key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`event_signups\``);
    await queryRunner.query(`DROP TABLE \`event_sessions\``);
    await queryRunner.query(`DROP TABLE \`events\``);
  }
}
