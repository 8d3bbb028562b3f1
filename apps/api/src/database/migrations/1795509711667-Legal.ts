import { MigrationInterface, QueryRunner } from 'typeorm';

export class Legal1795509711667 implements MigrationInterface {
  name = 'Legal1795509711667';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`legal_questions\` (\`id\` int NOT NULL AUTO_INCREMENT, \`asker_id\` int NOT NULL, \`org_id\` int NULL, \`org_path\` varchar(255) NULL, \`category\` varchar(24) NOT NULL, \`title\` varchar(100) NOT NULL, \`public_allowed\` tinyint NOT NULL DEFAULT 0, \`status\` varchar(16) NOT NULL DEFAULT 'new', \`assignee_id\` int NULL, \`due_at\` datetime(6) NULL, \`last_message_at\` datetime(6) NOT NULL, \`asker_read_at\` datetime(6) NULL, \`rating\` int NULL, \`rating_comment\` varchar(500) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_legal_questions_due\` (\`status\`, \`due_at\`), INDEX \`idx_legal_questions_org\` (\`org_path\`, \`last_message_at\`), INDEX \`idx_legal_questions_assignee\` (\`assignee_id\`, \`status\`), INDEX \`idx_legal_questions_asker\` (\`asker_id\`, \`last_message_at\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`legal_messages\` (\`id\` int NOT NULL AUTO_INCREMENT, \`question_id\` int NOT NULL, \`author_id\` int NOT NULL, \`author_role\` varchar(8) NOT NULL, \`body\` text NOT NULL, \`photo_ids\` varchar(255) NOT NULL DEFAULT '', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_legal_messages_question\` (\`question_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`legal_cases\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(100) NOT NULL, \`category\` varchar(24) NOT NULL, \`facts\` text NOT NULL, \`outcome\` text NOT NULL, \`law\` varchar(500) NOT NULL, \`status\` varchar(16) NOT NULL DEFAULT 'draft', \`source_question_id\` int NULL, \`owner_org_id\` int NOT NULL, \`created_by\` int NOT NULL, \`published_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_legal_cases_list\` (\`status\`, \`category\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`legal_aid_applications\` (\`id\` int NOT NULL AUTO_INCREMENT, \`applicant_id\` int NOT NULL, \`org_id\` int NULL, \`org_path\` varchar(255) NULL, \`kind\` varchar(16) NOT NULL, \`facts\` text NOT NULL, \`employer\` varchar(100) NOT NULL, \`amount_fen\` int NOT NULL, \`photo_ids\` varchar(255) NOT NULL DEFAULT '', \`status\` varchar(16) NOT NULL DEFAULT 'received', \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updated_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`idx_legal_aid_org\` (\`org_path\`, \`status\`), INDEX \`idx_legal_aid_applicant\` (\`applicant_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`legal_aid_steps\` (\`id\` int NOT NULL AUTO_INCREMENT, \`application_id\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`note\` varchar(500) NULL, \`actor_id\` int NOT NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`idx_legal_aid_steps_application\` (\`application_id\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_questions\` ADD CONSTRAINT \`FK_af3458ab6706b1e4bcc3c9e7134\` FOREIGN KEY (\`asker_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_questions\` ADD CONSTRAINT \`FK_267d4a8092a4ebeca1e4b3f1982\` FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_questions\` ADD CONSTRAINT \`FK_4c2f0b72509c67fc29fa8e709e1\` FOREIGN KEY (\`assignee_id\`) REFERENCES \`users\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_messages\` ADD CONSTRAINT \`FK_e9f44549e05829a26f8a82561c7\` FOREIGN KEY (\`question_id\`) REFERENCES \`legal_questions\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_cases\` ADD CONSTRAINT \`FK_f156aaaa85161cab216ea9fedd0\` FOREIGN KEY (\`owner_org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_aid_applications\` ADD CONSTRAINT \`FK_c61dd2e371d0e7fbfba680c8a3e\` FOREIGN KEY (\`applicant_id\`) REFERENCES \`users\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_aid_applications\` ADD CONSTRAINT \`FK_9747809b005b918a7b6ae73d916\` FOREIGN KEY (\`org_id\`) REFERENCES \`orgs\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_aid_steps\` ADD CONSTRAINT \`FK_22b3b79bd49a06ab29fce15f8d3\` FOREIGN KEY (\`application_id\`) REFERENCES \`legal_aid_applications\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`legal_aid_steps\` DROP FOREIGN KEY \`FK_22b3b79bd49a06ab29fce15f8d3\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_aid_applications\` DROP FOREIGN KEY \`FK_9747809b005b918a7b6ae73d916\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_aid_applications\` DROP FOREIGN KEY \`FK_c61dd2e371d0e7fbfba680c8a3e\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_cases\` DROP FOREIGN KEY \`FK_f156aaaa85161cab216ea9fedd0\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_messages\` DROP FOREIGN KEY \`FK_e9f44549e05829a26f8a82561c7\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_questions\` DROP FOREIGN KEY \`FK_4c2f0b72509c67fc29fa8e709e1\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_questions\` DROP FOREIGN KEY \`FK_267d4a8092a4ebeca1e4b3f1982\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`legal_questions\` DROP FOREIGN KEY \`FK_af3458ab6706b1e4bcc3c9e7134\``,
    );
    await queryRunner.query(`DROP INDEX \`idx_legal_aid_steps_application\` ON \`legal_aid_steps\``);
    await queryRunner.query(`DROP TABLE \`legal_aid_steps\``);
    await queryRunner.query(`DROP INDEX \`idx_legal_aid_applicant\` ON \`legal_aid_applications\``);
    await queryRunner.query(`DROP INDEX \`idx_legal_aid_org\` ON \`legal_aid_applications\``);
    await queryRunner.query(`DROP TABLE \`legal_aid_applications\``);
    await queryRunner.query(`DROP INDEX \`idx_legal_cases_list\` ON \`legal_cases\``);
    await queryRunner.query(`DROP TABLE \`legal_cases\``);
    await queryRunner.query(`DROP INDEX \`idx_legal_messages_question\` ON \`legal_messages\``);
    await queryRunner.query(`DROP TABLE \`legal_messages\``);
    await queryRunner.query(`DROP INDEX \`idx_legal_questions_asker\` ON \`legal_questions\``);
    await queryRunner.query(`DROP INDEX \`idx_legal_questions_assignee\` ON \`legal_questions\``);
    await queryRunner.query(`DROP INDEX \`idx_legal_questions_org\` ON \`legal_questions\``);
    await queryRunner.query(`DROP INDEX \`idx_legal_questions_due\` ON \`legal_questions\``);
    await queryRunner.query(`DROP TABLE \`legal_questions\``);
  }
}
