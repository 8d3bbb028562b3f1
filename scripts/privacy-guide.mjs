// Writes docs/privacy-guide.md (the 用户隐私保护指引 content WeChat's admin console asks for) from the list in
// packages/shared/src/privacy-items.ts. `pnpm privacy-guide` builds the shared package first; a unit test in
// the mini-program (src/privacy-guide.spec.ts) fails when the committed file differs from what the list gives.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { renderPrivacyGuide } = createRequire(import.meta.url)(join(root, 'packages/shared/dist/privacy-guide.js'));
const target = join(root, 'docs/privacy-guide.md');
writeFileSync(target, renderPrivacyGuide());
console.log(`wrote ${target}`);
