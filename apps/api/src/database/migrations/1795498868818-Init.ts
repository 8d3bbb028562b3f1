import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, roles, the org tree, refresh tokens, privacy consents and the shared WeChat access token. */

export class Init1795498868818 implements MigrationInterface {
  name = 'Init1795498868818';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Chinese text needs utf8mb4; MariaDB's default may be latin1. One collation on MySQL 8 and MariaDB.
    await queryRunner.query(`ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await queryRunner.query(
      `CREATE TABLE \`refresh_tokens\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`token_hash\` varchar(64) NOT NULL, \`family_id\` varchar(32) NOT NULL, \`expires_at\` datetime(6) NOT NULL, \`used_at\` datetime(6) NULL, \`revoked_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_refresh_tokens_user\` (\`user_id\`), UNIQUE INDEX \`uq_refresh_tokens_hash\` (\`token_hash\`), INDEX \`idx_refresh_tokens_family\` (\`family_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`orgs\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(100) NOT NULL, \`kind\` varchar(32) NOT NULL, \`parent_id\` int NULL, \`path\` varchar(255) NOT NULL DEFAULT '', \`depth\` int NOT NULL DEFAULT '0', \`member_count\` int NOT NULL DEFAULT '0', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_orgs_path\` (\`path\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`privacy_consents\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`version\` varchar(32) NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_privacy_consents_user\` (\`user_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`users\` (\`id\` int NOT NULL AUTO_INCREMENT, \`openid\` varchar(64) NOT NULL, \`unionid\` varchar(64) NULL, \`nickname\` varchar(64) NULL, \`real_name\` varchar(32) NULL, \`phone_cipher\` varchar(255) NULL, \`phone_hash\` varchar(64) NULL, \`id_number_cipher\` varchar(255) NULL, \`id_number_hash\` varchar(64) NULL, \`org_id\` int NULL, \`category\` varchar(32) NULL, \`gig_verified\` tinyint NOT NULL DEFAULT 0, \`tags\` varchar(255) NOT NULL DEFAULT '', \`membership\` varchar(16) NOT NULL DEFAULT 'none', \`member_no\` varchar(32) NULL, \`consent_version\` varchar(32) NULL, \`consent_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_users_openid\` (\`openid\`), INDEX \`idx_users_unionid\` (\`unionid\`), INDEX \`idx_users_phone_hash\` (\`phone_hash\`), UNIQUE INDEX \`uq_users_id_number_hash\` (\`id_number_hash\`), UNIQUE INDEX \`uq_users_member_no\` (\`member_no\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`user_roles\` (\`id\` int NOT NULL AUTO_INCREMENT, \`user_id\` int NOT NULL, \`role\` varchar(16) NOT NULL, \`org_id\` int NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_user_roles_grant\` (\`user_id\`, \`role\`, \`org_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`wechat_access_tokens\` (\`appid\` varchar(64) NOT NULL, \`access_token\` varchar(512) NULL, \`expires_at\` datetime(6) NULL, \`lease_until\` datetime(6) NULL, \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`appid\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`orgs\` ADD CONSTRAINT \`FK_08684a946eeac747a78498a7168\` FOREIGN KEY (\`parent_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`users\` ADD CONSTRAINT \`FK_0a13270cd3101fd16b8000e00d4\` FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`user_roles\` ADD CONSTRAINT \`FK_87b8888186ca9769c960e926870\` FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`user_roles\` ADD CONSTRAINT \`FK_7e415bc729870c21ac0d12d7469\` FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`user_roles\` DROP FOREIGN KEY \`FK_7e415bc729870c21ac0d12d7469\``);
    await queryRunner.query(`ALTER TABLE \`user_roles\` DROP FOREIGN KEY \`FK_87b8888186ca9769c960e926870\``);
    await queryRunner.query(`ALTER TABLE \`users\` DROP FOREIGN KEY \`FK_0a13270cd3101fd16b8000e00d4\``);
    await queryRunner.query(`ALTER TABLE \`orgs\` DROP FOREIGN KEY \`FK_08684a946eeac747a78498a7168\``);
    await queryRunner.query(`DROP TABLE \`wechat_access_tokens\``);
    await queryRunner.query(`DROP INDEX \`uq_user_roles_grant\` ON \`user_roles\``);
    await queryRunner.query(`DROP TABLE \`user_roles\``);
    await queryRunner.query(`DROP INDEX \`uq_users_member_no\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`uq_users_id_number_hash\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`idx_users_phone_hash\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`idx_users_unionid\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`uq_users_openid\` ON \`users\``);
    await queryRunner.query(`DROP TABLE \`users\``);
    await queryRunner.query(`DROP INDEX \`idx_privacy_consents_user\` ON \`privacy_consents\``);
    await queryRunner.query(`DROP TABLE \`privacy_consents\``);
    await queryRunner.query(`DROP INDEX \`idx_orgs_path\` ON \`orgs\``);
    await queryRunner.query(`DROP TABLE \`orgs\``);
    await queryRunner.query(`DROP INDEX \`idx_refresh_tokens_family\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`uq_refresh_tokens_hash\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`idx_refresh_tokens_user\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP TABLE \`refresh_tokens\``);
  }
}
