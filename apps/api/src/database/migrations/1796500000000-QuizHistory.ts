import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 21, a worker's own history: their attempts and certificates across campaigns are read by user, which
 * the campaign-first keys cannot serve without scanning every attempt.
 */
export class QuizHistory1796500000000 implements MigrationInterface {
  name = 'QuizHistory1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`idx_quiz_attempts_user\` ON \`quiz_attempts\` (\`user_id\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`idx_quiz_certificates_user\` ON \`quiz_certificates\` (\`user_id\`)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_quiz_certificates_user\` ON \`quiz_certificates\``);
    await queryRunner.query(`DROP INDEX \`idx_quiz_attempts_user\` ON \`quiz_attempts\``);
  }
}
