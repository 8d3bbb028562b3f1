/**
 * Entry point for `node --test tests/e2e/`: given a folder, node's test runner only picks files named
 * like `*.test.mjs`, so this loads every `*.journey.mjs` beside it. Each journey also runs on its own:
 * `node --test tests/e2e/profile.journey.mjs`.
 */
import { readdirSync } from 'node:fs';

for (const file of readdirSync(new URL('.', import.meta.url)).filter((name) => name.endsWith('.journey.mjs')).sort()) {
  await import(new URL(file, import.meta.url).href);
}
