// Layer 3 of `pnpm test:weapp-load`: the build loaded as WeChat's app service would load it (vm harness),
// launched, and every page run through its lifecycle, signed out and then signed in with recorded responses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
    if (unrecorded.size > 0) {
      t.diagnostic(`not in fixtures/${pass}.json (answered 404; re-record with record.mjs): ${[...unrecorded].join(', ')}`);
    }
  });
}
