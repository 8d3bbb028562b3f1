// Layer 3 of `pnpm test:weapp-load`: the build loaded as WeChat's app service would load it (vm harness),
// launched, and every page run through its lifecycle, signed out and then signed in with recorded responses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { valuesOf, viewAriaKeys } from './aria.mjs';
import { requireBuild } from './build-check.mjs';
import { RECORDED_TOKENS, loadFixtures, replay } from './fixtures.mjs';
import { runPass } from './harness/session-pass.mjs';
import { BUILD_API_BASE, DIST_DIR } from './paths.mjs';

for (const pass of ['signed-out', 'signed-in']) {
  test(`vm harness, ${pass}: launch and every page's load/show/ready/hide/unload`, async (t) => {
    requireBuild();
    const { respond, unrecorded } = replay(loadFixtures(pass));
    const result = await runPass({
      distDir: DIST_DIR,
      apiBase: BUILD_API_BASE,
      tokens: pass === 'signed-in' ? RECORDED_TOKENS : null,
      respond,
    });
    await t.test('app launch', () => assert.deepEqual(result.launch, []));
    for (const page of result.pages) {
      const query = new URLSearchParams(page.query).toString();
      await t.test(`${page.route}${query ? `?${query}` : ''}`, () => {
        assert.deepEqual(page.problems, [], `${page.route} (${page.pkg})`);
      });
    }
    if (pass === 'signed-in') {
      await t.test('roles and names reach WeChat (apps/miniapp/config/weapp-aria)', () => {
        const keys = viewAriaKeys(DIST_DIR);
        assert.ok(keys['aria-role'] && keys['aria-label'], `base.wxml's view copies aria-role and aria-label: ${JSON.stringify(keys)}`);
        // The home page's tiles are buttons; 我的 names its care-mode switch.
        const home = result.pages.find((page) => page.route === 'pages/home/index');
        const buttons = valuesOf(home.data, keys['aria-role']).get('button') ?? 0;
        assert.ok(buttons >= 4, `home: ${buttons} nodes with aria-role button`);
        const me = result.pages.find((page) => page.route === 'pages/me/index');
        assert.ok(valuesOf(me.data, keys['aria-label']).size > 0, '我的: some node has an aria-label');
      });
    }
    if (unrecorded.size > 0) {
      t.diagnostic(`not in fixtures/${pass}.json (answered 404; re-record with record.mjs): ${[...unrecorded].join(', ')}`);
    }
  });
}
