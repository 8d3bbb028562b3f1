/**
 * Prints every file of the console's production build (apps/console/dist) in bytes, raw and gzipped,
 * then the total and what the login page needs before it can show (index.html and the scripts and styles
 * it loads up front). Fails when that first load passes its budget.
 *
 *   node scripts/size.mjs   (builds the console first when dist/ is missing)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** What a staff member downloads before the login page shows, gzipped. */
const FIRST_LOAD_BUDGET_GZIP = 400 * 1024;
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(appDir, 'dist');

if (!existsSync(path.join(distDir, 'index.html'))) {
  console.log('dist/ not found: building the console first…');
  const build = spawnSync('pnpm', ['run', 'build'], { cwd: appDir, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const files = [...listFiles(distDir)]
  .map((file) => {
    const data = readFileSync(file);
    return { name: path.relative(distDir, file).split(path.sep).join('/'), bytes: statSync(file).size, gzip: gzipSync(data).length };
  })
  .sort((a, b) => b.bytes - a.bytes);

// The entry, plus everything index.html pulls in before any page chunk (modulepreload and stylesheets).
const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
const upFront = new Set(['index.html', ...[...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1])]);

const width = Math.max(...files.map((f) => f.name.length), 'total'.length);
const line = (label, bytes, gzip) =>
  `  ${label.padEnd(width)}  ${bytes.toLocaleString('en-US').padStart(11)} bytes  ${gzip.toLocaleString('en-US').padStart(10)} gzip`;
console.log(`console build (${path.relative(process.cwd(), distDir) || distDir}): ${files.length} files`);
for (const f of files) console.log(line(f.name, f.bytes, f.gzip));
const sum = (list) => list.reduce((acc, f) => ({ bytes: acc.bytes + f.bytes, gzip: acc.gzip + f.gzip }), { bytes: 0, gzip: 0 });
const total = sum(files);
const first = sum(files.filter((f) => upFront.has(f.name)));
console.log(line('total', total.bytes, total.gzip));
console.log(line('first load (entry + preloads)', first.bytes, first.gzip));

if (first.gzip > FIRST_LOAD_BUDGET_GZIP) {
  console.error(`first load is ${first.gzip.toLocaleString('en-US')} bytes gzipped, over the ${FIRST_LOAD_BUDGET_GZIP.toLocaleString('en-US')}-byte budget`);
  process.exit(1);
}
console.log(`first load within budget (${((first.gzip / FIRST_LOAD_BUDGET_GZIP) * 100).toFixed(1)}% of ${FIRST_LOAD_BUDGET_GZIP.toLocaleString('en-US')} bytes gzipped)`);

function* listFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* listFiles(full);
    else yield full;
  }
}
