/**
 * Prints the size of the weapp main package and of each subpackage, as WeChat counts them, and fails
 * when the main package passes our budget of 1,024 KB (WeChat's own hard limit is 2 MB): the main
 * package is what every worker downloads before the first screen.
 *
 *   node scripts/size.mjs   (builds the weapp first when dist/weapp is missing)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN_PACKAGE_BUDGET = 1024 * 1024;
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(appDir, 'dist', 'weapp');
// Developer-tool settings, not part of the uploaded code package.
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);

if (!existsSync(path.join(distDir, 'app.json'))) {
  console.log('dist/weapp not found: building the weapp first…');
  const build = spawnSync('pnpm', ['run', 'build:weapp'], { cwd: appDir, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const app = JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8'));
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((sub) => sub.root.replace(/\/+$/, ''));

const sizes = new Map([['main', 0], ...subRoots.map((root) => [root, 0])]);
for (const file of listFiles(distDir)) {
  const relative = path.relative(distDir, file).split(path.sep).join('/');
  if (NOT_UPLOADED.has(relative)) continue;
  const owner = subRoots.find((root) => relative.startsWith(`${root}/`)) ?? 'main';
  sizes.set(owner, sizes.get(owner) + statSync(file).size);
}

const main = sizes.get('main');
const width = Math.max(...[...sizes.keys()].map((name) => name.length), 'main package'.length);
console.log(`weapp package sizes (${path.relative(appDir, distDir)}):`);
for (const [name, bytes] of sizes) {
  const label = name === 'main' ? 'main package' : name;
  console.log(`  ${label.padEnd(width)}  ${bytes.toLocaleString('en-US').padStart(10)} bytes  ${(bytes / 1024).toFixed(1).padStart(7)} KB`);
}
const total = [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0);
console.log(`  ${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(10)} bytes  ${(total / 1024).toFixed(1).padStart(7)} KB`);

if (main > MAIN_PACKAGE_BUDGET) {
  console.error(`main package is ${main.toLocaleString('en-US')} bytes, over the ${MAIN_PACKAGE_BUDGET.toLocaleString('en-US')}-byte budget`);
  process.exit(1);
}
console.log(`main package within budget (${((main / MAIN_PACKAGE_BUDGET) * 100).toFixed(1)}% of ${MAIN_PACKAGE_BUDGET.toLocaleString('en-US')} bytes)`);

function* listFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* listFiles(full);
    else yield full;
  }
}
