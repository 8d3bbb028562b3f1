import { useCallback, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { MeView } from '@jingcai/shared';
import { fetchMe } from '../services/users';
import { getCurrentUser, useCurrentUser } from '../services/session';
import { goToConsent } from '../navigation';

export type MeStatus = 'loading' | 'ready' | 'error';

/**
 * The signed-in worker for the tab pages, refreshed each time a tab shows (the profile may have been
 * edited meanwhile). A worker who has not consented to the current privacy notice is sent to it.
 */
export function useMe(): { me: MeView | null; status: MeStatus; reload: () => Promise<void> } {
  const me = useCurrentUser();
  const [status, setStatus] = useState<MeStatus>(me ? 'ready' : 'loading');

  const reload = useCallback(async () => {
    if (!getCurrentUser()) setStatus('loading');
    try {
      const fresh = await fetchMe();
      if (fresh.consentRequired) {
        await goToConsent();
        return;
      }
      setStatus('ready');
    } catch {
      setStatus('error');
    }
  }, []);

  useDidShow(() => {
    void reload();
  });

  return { me, status, reload };
}
