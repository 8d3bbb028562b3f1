import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops the foreign key from a claim to its benefit. Inserting a claim took a shared lock on the benefit
 * row through it, so a claim had to decrement the stock first and then hold the row's lock across its
 * INSERT; without it, the stock row is locked only for the decrement and the commit. Benefits are never
 * deleted, and a claim's benefit is always one just read by id.
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
