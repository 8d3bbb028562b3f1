/**
 * WeChat's own project validation and compiler (miniprogram-ci), offline: app.json and every page and
 * component JSON against WeChat's schema (a warning such as `invalid app.json ["animation"]` is a failure),
 * then a compile with WXML and WXSS minification on (it parses every WXML and WXSS file and checks pages,
 * tabBar pages and components exist), then `checkCodeQuality`'s package sizes.
 *
 * The project is imported as DevTools imports it: apps/miniapp, whose project.config.json names
 * `miniprogramRoot`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * miniprogram-ci compiles in a child process whose worker threads fail to load cssnano's svgo here (an
 * ES module import of css-tree); its own `compilerNotInWorker` switch, read from `global.localStorage` in
 * that child, runs those tasks on the child's main thread. The child inherits NODE_OPTIONS.
 */
function runCompilerTasksInProcess() {
  const preload = `--require=${path.join(here, 'ci-preload.cjs')}`;
  if (!(process.env.NODE_OPTIONS ?? '').includes(preload)) {
    process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${preload}`.trim();
  }
}

/** Returns { warnings: string[], sizes: Record<string, number>, files: number, failedChecks: string[] }. */
export async function ciCheck(projectDir) {
  runCompilerTasksInProcess();
  const ci = require('miniprogram-ci');
  const projectConfig = JSON.parse(readFileSync(path.join(projectDir, 'project.config.json'), 'utf8'));
  const miniprogramRoot = projectConfig.miniprogramRoot ?? '';
  const project = new ci.Project({
    appid: projectConfig.appid,
    type: 'miniProgram',
    projectPath: projectDir,
    // Nothing is uploaded: the key is never used, but the constructor wants one.
    privateKey: 'offline-check',
    ignores: ['node_modules/**/*'],
    // Without it the project asks WeChat's servers for the AppID's attributes.
    attr: async () => ci.DefaultProjectAttr,
  });

  const warnings = [];
  const app = await ci.getAppJSON(project);
  if (app.__warning__) warnings.push(app.__warning__);
  const routes = [
    ...app.pages,
    ...(app.subPackages ?? app.subpackages ?? []).flatMap((sub) => sub.pages.map((page) => path.posix.join(sub.root, page))),
  ];
  for (const pagePath of routes) {
    const page = await ci.getPageJSON(project, { miniprogramRoot, pagePath });
    if (page.__warning__) warnings.push(`${pagePath}.json: ${page.__warning__}`);
  }

  const compiled = await ci.getCompiledResult({
    project,
    setting: { es6: false, minify: false, minifyJS: false, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true },
    onProgressUpdate: (task) => {
      if (typeof task === 'object' && /warn/i.test(String(task.status))) warnings.push(task.message);
    },
  });

  const quality = await ci.checkCodeQuality(project);
  const sizes = quality.find((item) => item.name === 'PACKAGE_SIZE_LIMIT')?.detail ?? {};
  // Project settings DevTools applies at upload (its own JS/WXML/WXSS compression) are not failures here:
  // Taro's production build is already minified. Size and lazy-loading are.
  const failedChecks = quality
    .filter((item) => !item.success && ['PACKAGE_SIZE_LIMIT', 'LAZYCODE_LOADING_OPEN'].includes(item.name))
    .map((item) => `${item.name}: ${item.text}`);
  return { warnings, sizes, files: Object.keys(compiled).length, failedChecks };
}
