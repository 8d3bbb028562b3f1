import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reading1795508585178 implements MigrationInterface {
  name = 'Reading1795508585178';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`reading_seasons\` (\`id\` int NOT NULL AUTO_INCREMENT, \`theme\` varchar(60) NOT NULL, \`description\` text NOT NULL, \`starts_on\` varchar(10) NOT NULL, \`ends_on\` varchar(10) NOT NULL, \`min_note_length\` int NOT NULL, \`make_up_allowance\` int NOT NULL, \`badge_thresholds\` varchar(64) NOT NULL, \`audience_org_id\` int NULL, \`owner_org_id\` int NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'draft', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_reading_seasons_open\` (\`status\`, \`starts_on\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reading_books\` (\`id\` int NOT NULL AUTO_INCREMENT, \`season_id\` int NOT NULL, \`title\` varchar(100) NOT NULL, \`author\` varchar(60) NOT NULL, \`cover_url\` varchar(500) NULL, \`blurb\` text NOT NULL, \`position\` int NOT NULL DEFAULT '0', INDEX \`idx_reading_books_season\` (\`season_id\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reading_checkins\` (\`id\` int NOT NULL AUTO_INCREMENT, \`season_id\` int NOT NULL, \`user_id\` int NOT NULL, \`day\` varchar(10) NOT NULL, \`book_id\` int NOT NULL, \`minutes\` int NOT NULL, \`note\` text NOT NULL, \`note_hash\` varchar(64) NOT NULL, \`photo_ids\` varchar(255) NOT NULL DEFAULT '', \`make_up\` tinyint NOT NULL DEFAULT 0, \`status\` varchar(16) NOT NULL, \`hidden_reason\` varchar(200) NULL, \`like_count\` int NOT NULL DEFAULT '0', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_reading_checkins_feed\` (\`season_id\`, \`status\`, \`id\`), UNIQUE INDEX \`uq_reading_checkins_note\` (\`season_id\`, \`user_id\`, \`note_hash\`), UNIQUE INDEX \`uq_reading_checkins_day\` (\`season_id\`, \`user_id\`, \`day\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reading_likes\` (\`checkin_id\` int NOT NULL, \`user_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`checkin_id\`, \`user_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`reading_participants\` (\`season_id\` int NOT NULL, \`user_id\` int NOT NULL, \`days\` int NOT NULL DEFAULT '0', \`longest_streak\` int NOT NULL DEFAULT '0', \`last_run\` int NOT NULL DEFAULT '0', \`last_day\` varchar(10) NULL, \`minutes\` int NOT NULL DEFAULT '0', \`make_ups_used\` int NOT NULL DEFAULT '0', \`org_path\` varchar(255) NULL, \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_reading_participants_rank\` (\`season_id\`, \`days\`, \`longest_streak\`, \`user_id\`), PRIMARY KEY (\`season_id\`, \`user_id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reading_seasons\` ADD CONSTRAINT \`FK_82819eedb7d3eae860ff4050cbe\` FOREIGN KEY (\`audience_org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reading_seasons\` ADD CONSTRAINT \`FK_31cfb7fbdcbb9c27cd6844b4b5e\` FOREIGN KEY (\`owner_org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reading_books\` ADD CONSTRAINT \`FK_edc2b7231ca9535932b318c88be\` FOREIGN KEY (\`season_id\`) REFERENCES \`reading_seasons\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reading_checkins\` ADD CONSTRAINT \`FK_f22a05bacb78843271ec919cdc2\` FOREIGN KEY (\`season_id\`) REFERENCES \`reading_seasons\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reading_checkins\` ADD CONSTRAINT \`FK_2c17a7e69fca45dc1f50a250744\` FOREIGN KEY (\`book_id\`) REFERENCES \`reading_books\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`reading_likes\` ADD CONSTRAINT \`FK_6ea4d872601d252b04ff84c3ee4\` FOREIGN KEY (\`checkin_id\`) REFERENCES \`reading_checkins\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`reading_likes\` DROP FOREIGN KEY \`FK_6ea4d872601d252b04ff84c3ee4\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reading_checkins\` DROP FOREIGN KEY \`FK_2c17a7e69fca45dc1f50a250744\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reading_checkins\` DROP FOREIGN KEY \`FK_f22a05bacb78843271ec919cdc2\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reading_books\` DROP FOREIGN KEY \`FK_edc2b7231ca9535932b318c88be\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reading_seasons\` DROP FOREIGN KEY \`FK_31cfb7fbdcbb9c27cd6844b4b5e\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`reading_seasons\` DROP FOREIGN KEY \`FK_82819eedb7d3eae860ff4050cbe\``,
    );
    await queryRunner.query(`DROP INDEX \`idx_reading_participants_rank\` ON \`reading_participants\``);
    await queryRunner.query(`DROP TABLE \`reading_participants\``);
    await queryRunner.query(`DROP TABLE \`reading_likes\``);
    await queryRunner.query(`DROP INDEX \`uq_reading_checkins_day\` ON \`reading_checkins\``);
    await queryRunner.query(`DROP INDEX \`uq_reading_checkins_note\` ON \`reading_checkins\``);
    await queryRunner.query(`DROP INDEX \`idx_reading_checkins_feed\` ON \`reading_checkins\``);
    await queryRunner.query(`DROP TABLE \`reading_checkins\``);
    await queryRunner.query(`DROP INDEX \`idx_reading_books_season\` ON \`reading_books\``);
    await queryRunner.query(`DROP TABLE \`reading_books\``);
    await queryRunner.query(`DROP INDEX \`idx_reading_seasons_open\` ON \`reading_seasons\``);
    await queryRunner.query(`DROP TABLE \`reading_seasons\``);
  }
}
