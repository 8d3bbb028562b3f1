import {
  PRIVACY_POLICY_VERSION,
  type BindPhoneBody,
  type ConsentBody,
  type MeView,
  type UpdateMeBody,
} from '@jingcai/shared';
import { request } from './request';
import { setCurrentUser } from './session';

/** `<Button open-type="getPhoneNumber">` exists only inside WeChat. */
export const canBindPhone = process.env.TARO_ENV === 'weapp';

export function fetchMe(): Promise<MeView> {
  return remember(request<MeView>('/me'));
}

export function updateMe(body: UpdateMeBody): Promise<MeView> {
  return remember(request<MeView>('/me', { method: 'PATCH', body }));
}

/** Records consent to the privacy notice this build shows. */
export function giveConsent(): Promise<MeView> {
  return remember(
    request<MeView>('/me/consent', { method: 'POST', body: { version: PRIVACY_POLICY_VERSION } satisfies ConsentBody }),
  );
}

/** `code` comes from the getPhoneNumber button; the API exchanges it with WeChat for the number. */
export function bindPhone(code: string): Promise<MeView> {
  return remember(request<MeView>('/me/phone', { method: 'POST', body: { code } satisfies BindPhoneBody }));
}

async function remember(pending: Promise<MeView>): Promise<MeView> {
  const me = await pending;
  setCurrentUser(me);
  return me;
}
