import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 20: a quiz campaign may have no time limit (`seconds_per_attempt` NULL). */
export class UntimedCampaigns1796900000000 implements MigrationInterface {
  name = 'UntimedCampaigns1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`quiz_campaigns\` MODIFY \`seconds_per_attempt\` int NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The old schema has no "untimed": those campaigns get the longest limit a campaign form allows.
    await queryRunner.query(`UPDATE \`quiz_campaigns\` SET \`seconds_per_attempt\` = 7200 WHERE \`seconds_per_attempt\` IS NULL`);
    await queryRunner.query(`ALTER TABLE \`quiz_campaigns\` MODIFY \`seconds_per_attempt\` int NOT NULL`);
  }
}
