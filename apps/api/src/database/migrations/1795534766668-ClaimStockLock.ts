import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops the foreign key from a claim to its benefit. Through it every claim's INSERT share-locked the
 * benefit row, the one row a release rush contends for, so INSERTs queued behind the statements taking
 * packs from it. Benefits are never deleted, and a claim's benefit is always one just read by id.
 */
export class ClaimStockLock1795534766668 implements MigrationInterface {
  name = 'ClaimStockLock1795534766668';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`care_claims\` DROP FOREIGN KEY \`FK_dddf097876f61ec9f29620aeb83\``,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`care_claims\` ADD CONSTRAINT \`FK_dddf097876f61ec9f29620aeb83\` FOREIGN KEY (\`benefit_id\`) REFERENCES \`care_benefits\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }
}
