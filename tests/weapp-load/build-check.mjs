/** The load check runs on an existing weapp build (pnpm test builds it in the step before). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST_DIR } from './paths.mjs';

export function requireBuild() {
  if (!existsSync(path.join(DIST_DIR, 'app.json'))) {
    throw new Error(`${DIST_DIR}/app.json not found: build first (pnpm --filter @jingcai/miniapp build:weapp)`);
  }
}
