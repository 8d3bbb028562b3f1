#!/usr/bin/env node
// `pnpm test`: every test in the repository, in the order CI runs them. Needs MariaDB/MySQL on
// TEST_DATABASE_SERVER (default mysql://root:@127.0.0.1:3306) and Chromium for the browser journeys.
// Ends with one line `jingcai: N passed, N failed`; exits non-zero when anything failed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { run, start, stopAll, waitFor } from './lib.mjs';

const reports = mkdtempSync(join(tmpdir(), 'jingcai-test-'));
const totals = { passed: 0, failed: 0 };
const failures = [];

async function step(name, fn) {
  const started = Date.now();
  console.log(`\n━━ ${name}`);
  try {
    await fn();
    console.log(`━━ ${name}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failures.push(name);
    console.error(`━━ ${name}: FAILED — ${error.message}`);
  }
}

/** Runs a Jest suite with a JSON report so its counts join the total. */
async function jest(name, filter, script, extraArgs = []) {
  const report = join(reports, `${name.replace(/\W+/g, '-')}.json`);
  await step(name, async () => {
    try {
      await run('pnpm', [
        '--filter',
        filter,
        'run',
        script,
        '--json',
        `--outputFile=${report}`,
        ...extraArgs,
      ]);
    } finally {
      try {
        const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, 'utf8'));
        totals.passed += numPassedTests;
        totals.failed += numFailedTests;
      } catch {
        totals.failed += 1; // the suite did not even report: count it as a failure
      }
    }
  });
}

/** Runs a Vitest suite with its JSON report (Jest's shape) so its counts join the total. */
async function vitest(name, filter, script) {
  const report = join(reports, `${name.replace(/\W+/g, '-')}.json`);
  await step(name, async () => {
    try {
      await run('pnpm', ['--filter', filter, 'run', script, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
    } finally {
      try {
        const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, 'utf8'));
        totals.passed += numPassedTests;
        totals.failed += numFailedTests;
      } catch {
        totals.failed += 1; // the suite did not even report: count it as a failure
      }
    }
  });
}

/** Runs node:test files, counting from the TAP summary. */
async function nodeTests(name, files, env) {
  const tap = join(reports, `${name.replace(/\W+/g, '-')}.tap`);
  await step(name, async () => {
    try {
      await run(
        'node',
        [
          '--test',
          '--test-reporter=spec',
          '--test-reporter-destination=stdout',
          '--test-reporter=tap',
          `--test-reporter-destination=${tap}`,
          ...files,
        ],
        { env },
      );
    } finally {
      let text = '';
      try {
        text = readFileSync(tap, 'utf8');
      } catch {
        // no report written
      }
      const count = (label) => Number(new RegExp(`^# ${label} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
      totals.passed += count('pass');
      totals.failed += count('fail') || (text ? 0 : 1);
    }
  });
}

const ready = await (async () => {
  await step('build shared packages', () =>
    run('pnpm', ['--filter', '@jingcai/shared', '--filter', '@jingcai/fake-wechat', 'run', 'build']),
  );
  return failures.length === 0;
})();

if (ready) {
  await step('typecheck', () => run('pnpm', ['-r', 'run', 'typecheck']));
  await step('lint', () => run('pnpm', ['-r', 'run', 'lint']));
  await step('structure: no import cycles, no file over 350 lines, doc links resolve', () =>
    run('node', ['scripts/check-structure.mjs']),
  );
  await jest('shared unit tests', '@jingcai/shared', 'test');
  await jest('fake WeChat tests', '@jingcai/fake-wechat', 'test');
  await jest('API unit tests', '@jingcai/api', 'test');
  await jest('API e2e tests (MariaDB)', '@jingcai/api', 'test:e2e');
  // The fault run's quick profile: kill -9 of an API instance and a MariaDB restart (a private server of
  // its own) during a claim rush and a quiz rush; exits non-zero when an invariant breaks.
  await step('faults: kill -9 an API instance and restart MariaDB mid-rush', () =>
    run('node', ['tests/bench/faults/run.mjs', '--quick']),
  );
  await step('OpenAPI document: OWASP API ruleset lint (Spectral)', () =>
    run('node', ['tests/surface/openapi.mjs', '--no-build']),
  );
  await step('production dependencies: pnpm audit (high, critical)', () =>
    run('node', ['tests/surface/audit.mjs']).catch((error) => {
      // Exit 3: the registry's audit endpoint could not be used (it answers 405 on some mirrors). The
      // script has already said NOT AUDITED; that is a gap to report, not a pass and not a finding.
      if (/exited with 3$/.test(error.message)) return;
      throw error;
    }),
  );
  await jest('mini-program component tests', '@jingcai/miniapp', 'test');
  await vitest('console unit tests', '@jingcai/console', 'test');

  // The journeys and the console tests run against what the README's run command starts: `pnpm demo`
  // on its own ports.
  const apiPort = 3210;
  const h5Port = 10210;
  const consolePort = 10310;
  const apiBase = `http://127.0.0.1:${apiPort}/api`;
  const dataDir = mkdtempSync(join(tmpdir(), 'jingcai-journey-'));
  const demo = start('demo', 'node', ['scripts/demo.mjs'], {
    env: {
      PORT: String(apiPort),
      H5_PORT: String(h5Port),
      CONSOLE_PORT: String(consolePort),
      FAKE_WECHAT_PORT: '9410',
      SQLITE_PATH: join(dataDir, 'journey.sqlite'),
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const demoStep = 'pnpm demo: build, start, health within 15 s, H5 and console served';
    await step(demoStep, async () => {
      // Something left running on these ports (an earlier demo) would answer in the demo's place.
      for (const port of [apiPort, h5Port, consolePort, 9410]) {
        const taken = await fetch(`http://127.0.0.1:${port}/`).then(
          () => true,
          () => false,
        );
        if (taken) throw new Error(`port ${port} is already in use: stop what runs there and try again`);
      }
      const exited = new Promise((_, reject) =>
        demo.on('exit', (code) => reject(new Error(`demo exited with ${code}`))),
      );
      // demo.mjs's line with the seeding time and the health time, repeated where CI's log sums the step up.
      const timings = new Promise((resolve) =>
        createInterface({ input: demo.stdout }).on('line', (line) => {
          if (line.includes('API healthy after')) resolve(line);
        }),
      );
      const line = await Promise.race([
        exited,
        waitFor(`${apiBase}/health`, 180_000)
          .then(() => waitFor(`http://127.0.0.1:${h5Port}/`))
          .then(() => waitFor(`http://127.0.0.1:${consolePort}/`))
          .then(() => timings),
      ]);
      console.log(`pnpm demo: ${line}`);
    });
    if (!failures.includes(demoStep)) {
      await nodeTests('browser journeys (Chromium on H5)', ['tests/e2e/'], {
        API_BASE: apiBase,
        H5_URL: `http://127.0.0.1:${h5Port}/`,
      });
      await nodeTests('console browser tests (Chromium on the staff console)', ['tests/console/'], {
        API_BASE: apiBase,
        CONSOLE_URL: `http://127.0.0.1:${consolePort}/`,
      });
      // About a minute for the three audits (issue 20: accessibility ≥ 95), against the same demo.
      await nodeTests('Lighthouse accessibility (H5 home, H5 quiz, console dashboard)', ['tests/a11y/lighthouse.test.mjs'], {
        API_BASE: apiBase,
        H5_URL: `http://127.0.0.1:${h5Port}/`,
        CONSOLE_URL: `http://127.0.0.1:${consolePort}/`,
      });
    }
  } finally {
    stopAll([demo]);
    rmSync(dataDir, { recursive: true, force: true });
  }
  await step('weapp build, package and console bundle sizes', async () => {
    await run('pnpm', ['--filter', '@jingcai/miniapp', 'run', 'build:weapp']);
    await run('pnpm', ['size']);
  });
  // On the build just made: WeChat's miniprogram-ci and wcc/wcsc, then every page run in a vm as WeChat's
  // app service would run it, signed out and signed in (tests/weapp-load, `pnpm test:weapp-load`).
  await nodeTests('weapp load check (miniprogram-ci, wcc/wcsc, every page in a vm)', [
    '--test-concurrency=3',
    'tests/weapp-load/',
  ]);
}

rmSync(reports, { recursive: true, force: true });
console.log(failures.length ? `\nFailed steps: ${failures.join('; ')}` : '\nAll steps passed.');
if (failures.length && totals.failed === 0) totals.failed = failures.length; // a failed build or check counts too
console.log(`jingcai: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failures.length ? 1 : 0);
