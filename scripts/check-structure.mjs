#!/usr/bin/env node
// The shape the code keeps (`pnpm test` runs it): no import cycles in the API, between files (madge) or between
// features (modules/a importing modules/b while b, by any path, imports a); and no source file over
// MAX_LINES in any app or package (tests, migrations and seed data aside), so each reads in one sitting; and
// every relative link in README.md and docs/ resolves inside the repository. Exits 1 and prints what it found.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import madge from 'madge';

const MAX_LINES = 350;
const SOURCE = /\.(ts|tsx)$/;
const EXEMPT = /(\.spec\.tsx?|\.e2e-spec\.ts|\.d\.ts)$|\/migrations\/|\/seeds\/|\/test\/|\/node_modules\/|\/dist\//;
const repo = new URL('../', import.meta.url).pathname;

const root = new URL('../apps/api/', import.meta.url).pathname;
const result = await madge(`${root}src`, {
  fileExtensions: ['ts'],
  tsConfig: `${root}tsconfig.json`,
  excludeRegExp: [/\.spec\.ts$/],
});

const fileCycles = result.circular();
const graph = result.obj();
const featureOf = (file) => /^modules\/([^/]+)\//.exec(file)?.[1] ?? null;
const edges = new Map();
for (const [file, deps] of Object.entries(graph)) {
  const from = featureOf(file);
  if (!from) continue;
  for (const dep of deps) {
    const to = featureOf(dep);
    if (!to || to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${file} → ${dep}`);
  }
}
/** A path of features from `start` back to itself, if there is one. */
function loopFrom(start) {
  const stack = [[start, [start]]];
  const seen = new Set();
  while (stack.length) {
    const [node, path] = stack.pop();
    for (const next of edges.get(node)?.keys() ?? []) {
      if (next === start) return [...path, start];
      if (!seen.has(next)) {
        seen.add(next);
        stack.push([next, [...path, next]]);
      }
    }
  }
  return null;
}
const featureCycles = new Map();
for (const feature of edges.keys()) {
  const loop = loopFrom(feature);
  if (loop) featureCycles.set([...new Set(loop)].sort().join(','), loop);
}

console.log(`${Object.keys(graph).length} files, ${edges.size} features with imports of other features`);
for (const cycle of fileCycles) console.log(`file cycle: ${cycle.join(' → ')}`);
for (const loop of featureCycles.values()) {
  console.log(`feature cycle: ${loop.join(' → ')}`);
  for (let i = 0; i + 1 < loop.length; i++) console.log(`    ${edges.get(loop[i]).get(loop[i + 1])}`);
}

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') yield* sources(path);
    } else if (SOURCE.test(entry.name) && !EXEMPT.test(path)) yield path;
  }
}
const long = [];
for (const top of ['apps/api/src', 'apps/miniapp/src', 'apps/console/src', 'packages/shared/src']) {
  for (const file of sources(join(repo, top))) {
    const lines = readFileSync(file, 'utf8').split('\n').length;
    if (lines > MAX_LINES) long.push(`${relative(repo, file)}: ${lines} lines`);
  }
}
for (const file of long) console.log(`over ${MAX_LINES} lines: ${file}`);

const docs = ['README.md', ...(existsSync(join(repo, 'docs')) ? readdirSync(join(repo, 'docs')).map((f) => `docs/${f}`) : [])];
const broken = [];
for (const doc of docs.filter((d) => d.endsWith('.md'))) {
  const text = readFileSync(join(repo, doc), 'utf8');
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^(https?:|mailto:|#)/.test(target)) continue;
    const path = resolve(dirname(join(repo, doc)), decodeURI(target.split('#')[0]));
    if (!path.startsWith(repo) || !existsSync(path)) broken.push(`${doc}: ${target}`);
  }
}
for (const link of broken) console.log(`link outside the repository or to nothing: ${link}`);

if (fileCycles.length || featureCycles.size || long.length || broken.length) process.exit(1);
console.log(`no import cycles; no source file over ${MAX_LINES} lines; ${docs.length} docs, every link resolves`);
