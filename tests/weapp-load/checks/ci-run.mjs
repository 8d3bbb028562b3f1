#!/usr/bin/env node
// Runs ci-check.mjs in a process of its own: miniprogram-ci leaves a file watcher and its compiler process
// running, so the process exits here once the result is printed (the last line, after `@@result `).
import { ciCheck } from './ci-check.mjs';

try {
  const result = await ciCheck(process.argv[2]);
  console.log(`@@result ${JSON.stringify(result)}`);
  process.exit(0);
} catch (error) {
  console.log(`@@result ${JSON.stringify({ error: `${error.message ?? error}${error.path ? ` (${error.path})` : ''}` })}`);
  process.exit(1);
}
