/**
 * Entry point for `node --test tests/console/`: node's test runner only picks files named like
 * `*.test.mjs` in a folder, so this loads every `*.console.mjs` beside it, one after another against the
 * same running demo. Each also runs on its own: `node --test tests/console/quiz.console.mjs`.
 *
 *   API_BASE=http://127.0.0.1:3000/api CONSOLE_URL=http://127.0.0.1:10300/ node --test tests/console/
 */
import { readdirSync } from 'node:fs';

for (const file of readdirSync(new URL('.', import.meta.url)).filter((name) => name.endsWith('.console.mjs')).sort()) {
  await import(new URL(file, import.meta.url).href);
}
