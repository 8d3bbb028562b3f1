import { PRIVACY_ITEMS } from '@jingcai/shared';

interface PrivacyDeclarations {
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc: string }>;
}

/** app.config.ts as Taro's build reads it: `defineAppConfig` is a global the build provides. */
function appConfig(): PrivacyDeclarations {
  (globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config;
  return jest.requireActual<{ default: PrivacyDeclarations }>('./app.config').default;
}

describe('app.config.ts privacy declarations', () => {
  it('declares in requiredPrivateInfos exactly the location APIs the privacy list says the app calls', () => {
    const expected = PRIVACY_ITEMS.flatMap((item) => item.requiredPrivateInfos ?? []).sort();
    expect([...(appConfig().requiredPrivateInfos ?? [])].sort()).toEqual(expected);
  });

  it('declares a permission, with the same purpose, for exactly the items that need one', () => {
    const expected = Object.fromEntries(
      PRIVACY_ITEMS.flatMap((item) => (item.permission ? [[item.permission.scope, { desc: item.permission.desc }]] : [])),
    );
    expect(appConfig().permission ?? {}).toEqual(expected);
  });
});
