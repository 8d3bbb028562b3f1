import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVACY_ITEMS } from '@jingcai/shared';
// Not in the shared index: only `pnpm privacy-guide` (scripts/privacy-guide.mjs) and this test need it.
import { renderPrivacyGuide } from '../../../packages/shared/src/privacy-guide';

describe(renderPrivacyGuide.name, () => {
  it('matches the committed docs/privacy-guide.md (run `pnpm privacy-guide` after changing the list)', () => {
    const committed = readFileSync(join(__dirname, '../../../docs/privacy-guide.md'), 'utf8');
    expect(committed).toBe(renderPrivacyGuide());
  });

  it('names each item, its purpose, retention and every API it covers', () => {
    const guide = renderPrivacyGuide();
    for (const item of PRIVACY_ITEMS) {
      expect(guide).toContain(item.wechatItem);
      expect(guide).toContain(item.purpose);
      expect(guide).toContain(item.retention);
      for (const api of item.apis) expect(guide).toContain(api);
    }
  });

  it('declares each item once, by a distinct WeChat key', () => {
    expect(new Set(PRIVACY_ITEMS.map((item) => item.key)).size).toBe(PRIVACY_ITEMS.length);
    expect(new Set(PRIVACY_ITEMS.map((item) => item.wechatKey)).size).toBe(PRIVACY_ITEMS.length);
  });
});
