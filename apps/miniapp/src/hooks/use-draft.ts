import { useCallback, useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { getCurrentUser } from '../services/session';

/** Where a long form's draft is kept: per worker, so a shared phone never shows one worker's words to another. */
function storageKey(name: string): string {
  return `jingcai.draft.${getCurrentUser()?.id ?? 0}.${name}`;
}

/** The draft kept for `name`, or null. Read once, to start the form from it. */
export function loadDraft<Form>(name: string): Form | null {
  const stored: unknown = Taro.getStorageSync(storageKey(name));
  return stored && typeof stored === 'object' ? (stored as Form) : null;
}

/**
 * Keeps a long form (咨询, 援助申请, 入会申请, 打卡心得) in the phone's storage while it is being filled in, so a
 * phone call or a closed app loses nothing (MIIT 适老化). `toStored` leaves out what cannot outlive the app
 * (local photo paths). The page calls `clear` once the form is sent.
 */
export function useDraft<Form>(
  name: string,
  form: Form,
  toStored: (form: Form) => Form = (kept) => kept,
  enabled = true,
): { clear: () => void } {
  const cleared = useRef(!enabled);
  const toStoredRef = useRef(toStored);
  toStoredRef.current = toStored;

  useEffect(() => {
    if (cleared.current) return;
    Taro.setStorageSync(storageKey(name), toStoredRef.current(form));
  }, [name, form]);

  const clear = useCallback(() => {
    if (cleared.current) return;
    cleared.current = true;
    Taro.removeStorageSync(storageKey(name));
  }, [name]);

  return { clear };
}
