import { jingcaiEslint } from '@jingcai/config/eslint.preset.mjs';

const DATA_ACCESS_MESSAGE =
  "Services and controllers hold rules, not statements: put the query in the feature's *.repository.ts.";

/** common/ and config/ serve every feature: they import none of them, nor the database wiring (src/database). */
function layer(files, group) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group, message: 'common/ and config/ must not import a feature or src/database/.' }] },
      ],
    },
  };
}

export default jingcaiEslint(import.meta.dirname, [
  // One way down: common/ and config/ know no feature (src/database lists the features' entities).
  layer(['src/common/**/*.ts'], ['**/modules/**', '../../database/**', '../../../database/**']),
  layer(['src/config/**/*.ts'], ['**/modules/**', '../database/**']),
  // Features never reach up into the wiring: seeds and the entity list import features, not the reverse.
  {
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/database/seeds/**', '**/database/entities', '**/database/migrations/**', '**/app.module'], message: 'A feature must not import the seeds, the entity list, migrations or the app module.' },
          ],
        },
      ],
    },
  },
  // Repositories own the SQL: no statement, DataSource or query builder in a service or a controller.
  {
    files: ['src/**/*.service.ts', 'src/**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'typeorm', importNames: ['DataSource', 'EntityManager', 'QueryRunner', 'SelectQueryBuilder', 'Brackets'], message: DATA_ACCESS_MESSAGE },
            { name: '@nestjs/typeorm', importNames: ['InjectDataSource', 'InjectEntityManager'], message: DATA_ACCESS_MESSAGE },
          ],
          patterns: [{ group: ['**/common/database/hot-query'], message: DATA_ACCESS_MESSAGE }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(createQueryBuilder|query|transaction)$/]", message: DATA_ACCESS_MESSAGE },
        { selector: "Identifier[name=/^(hotQuery|hotWrite|hotExecute|DataSource)$/]", message: DATA_ACCESS_MESSAGE },
      ],
    },
  },
]);
