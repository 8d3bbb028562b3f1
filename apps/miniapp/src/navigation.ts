import Taro from '@tarojs/taro';
import type { MeView } from '@jingcai/shared';
import { ROUTES, TAB_ROUTES } from './routes';

/** Enough for the union to serve the worker: a real name and a category. The org may come later. */
export function isProfileComplete(me: MeView): boolean {
  return Boolean(me.realName) && me.category !== null;
}

/** After login the privacy notice comes first whenever the worker has not agreed to its current version. */
export async function goAfterLogin(me: MeView): Promise<void> {
  if (me.consentRequired) {
    await Taro.redirectTo({ url: ROUTES.consent });
  } else {
    await Taro.switchTab({ url: ROUTES.home });
  }
}

/** A first-time worker goes on to fill in the profile; a returning one goes home. */
export async function goAfterConsent(me: MeView): Promise<void> {
  if (isProfileComplete(me)) {
    await Taro.switchTab({ url: ROUTES.home });
  } else {
    await Taro.redirectTo({ url: ROUTES.profile });
  }
}

/** Shows the consent page in place of every open page: nothing else may be used before consent. */
export async function goToConsent(): Promise<void> {
  await Taro.reLaunch({ url: ROUTES.consent });
}

let loginRedirect: Promise<void> | null = null;

/** Several failing requests may ask for this at once; only the first one navigates. */
export function goToLogin(): Promise<void> {
  const pages = Taro.getCurrentPages();
  const currentRoute = (pages[pages.length - 1]?.route ?? '').replace(/^\//, '');
  if (`/${currentRoute}`.startsWith(ROUTES.login)) return Promise.resolve();
  loginRedirect ??= Taro.reLaunch({ url: ROUTES.login })
    .then(() => undefined)
    .finally(() => {
      loginRedirect = null;
    });
  return loginRedirect;
}

/**
 * Opens a page named by the API (a notification's `page`). The API names pages as WeChat's subscribe
 * messages do, without the leading slash, which `navigateTo` would read as relative to the current page.
 * Tabs need `switchTab`, which drops any query.
 */
export async function openPage(page: string): Promise<void> {
  const url = page.startsWith('/') ? page : `/${page}`;
  const path = url.split('?')[0];
  if (TAB_ROUTES.includes(path)) {
    await Taro.switchTab({ url: path });
  } else {
    await Taro.navigateTo({ url });
  }
}
