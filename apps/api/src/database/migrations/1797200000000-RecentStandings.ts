import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22: a quiz leaderboard's reload reads only the bests set since its last load, by
 * `idx_quiz_participants_recent`, instead of every participant every few seconds.
 */
export class RecentStandings1797200000000 implements MigrationInterface {
  name = 'RecentStandings1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX \`idx_quiz_participants_recent\` ON \`quiz_participants\` (\`campaign_id\`, \`best_at\`)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`idx_quiz_participants_recent\` ON \`quiz_participants\``);
  }
}
