/** Where the weapp load check finds the build, and the API base a plain `build:weapp` compiles in. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const APP_DIR = path.join(ROOT, 'apps/miniapp');
export const DIST_DIR = path.join(APP_DIR, 'dist/weapp');
/** apps/miniapp/config/index.ts's default for TARO_APP_API_BASE; WEAPP_API_BASE names another build's. */
export const BUILD_API_BASE = (process.env.WEAPP_API_BASE ?? 'http://127.0.0.1:3000/api').replace(/\/+$/, '');
