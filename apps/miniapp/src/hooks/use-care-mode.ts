import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { toggleRootClass } from '../services/document-root';
import { getCurrentUser, useCurrentUser } from '../services/session';

/** The class on the H5 document root that app.css keys every care-mode rule on. */
export const CARE_MODE_CLASS = 'jc-care';

/**
 * 长辈模式 comes from the signed-in worker's profile (kept on the server, so it follows the worker to a
 * new phone). Pages read it for layout choices such as the big home tiles.
 */
export function useCareMode(): boolean {
  return useCurrentUser()?.careMode ?? false;
}

export function isCareMode(): boolean {
  return getCurrentUser()?.careMode ?? false;
}

/**
 * Mounted once in the app shell: every page sits under the document root, so one class there applies the
 * care-mode sizes (app.css) to all of them, sub-pages included, without each page opting in.
 */
export function useCareModeRoot(): void {
  const careMode = useCareMode();
  useEffect(() => {
    toggleRootClass(CARE_MODE_CLASS, careMode);
  }, [careMode]);
}

/**
 * WeChat's font size setting, in px, above which the worker has asked for larger text (WeChat's standard size is
 * 16 on Android, 17 on iOS). Such a worker gets the care-mode sizes on the WeChat build, time limits unchanged.
 */
const LARGE_WECHAT_FONT_PX = 17;

/** Whether WeChat's own font size setting asks for large text (WeChat build only: H5 text is rem and zooms). */
export function wechatLargeText(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false;
  try {
    return (Taro.getSystemInfoSync().fontSizeSetting ?? 0) > LARGE_WECHAT_FONT_PX;
  } catch {
    return false;
  }
}

/**
 * The class list for a page's root view. WeChat has no document root for `useCareModeRoot`'s class, so each
 * page's top view carries `jc-care` itself (app.css keys the WeChat care rules on it); on H5 it repeats the
 * root class and changes nothing. Read when the page renders: the pages behind 我的 render again when shown.
 */
export function pageClass(names: string): string {
  return isCareMode() || wechatLargeText() ? `${names} ${CARE_MODE_CLASS}` : names;
}
