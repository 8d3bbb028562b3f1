import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21, dashboards: indexes the daily and weekly trends read from, so each trend is one index range
 * (docs/dashboards.md). Claims per day and redemptions per day of a benefit read only
 * idx_care_claims_trend; questions opened per day read only idx_legal_questions_created; first answers
 * per day start from idx_legal_messages_answers.
 */
export class DashboardIndexes1796600000000 implements MigrationInterface {
  name = 'DashboardIndexes1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX `idx_care_claims_trend` ON `care_claims` (`benefit_id`, `created_at`, `redeemed_at`, `status`)',
    );
    await queryRunner.query('CREATE INDEX `idx_legal_questions_created` ON `legal_questions` (`created_at`, `org_path`)');
    await queryRunner.query(
      'CREATE INDEX `idx_legal_messages_answers` ON `legal_messages` (`author_role`, `created_at`, `question_id`)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_legal_messages_answers` ON `legal_messages`');
    await queryRunner.query('DROP INDEX `idx_legal_questions_created` ON `legal_questions`');
    await queryRunner.query('DROP INDEX `idx_care_claims_trend` ON `care_claims`');
  }
}
