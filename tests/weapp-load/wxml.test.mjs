// Layer 2 of `pnpm test:weapp-load`: WeChat's wcc and wcsc compile every WXML and WXSS file of the build.
import { test } from 'node:test';
import { requireBuild } from './build-check.mjs';
import { wxmlCheck } from './checks/wxml-check.mjs';
import { DIST_DIR } from './paths.mjs';

test('wcc compiles every WXML, wcsc every WXSS', (t) => {
  requireBuild();
  const { wxmlBytes, wxssBytes } = wxmlCheck(DIST_DIR);
  t.diagnostic(`templates ${wxmlBytes} bytes, styles ${wxssBytes} bytes of compiled output`);
});
