import { useEffect } from 'react';
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
