import {
  PRIVACY_POLICY_VERSION,
  PrivacyItemKey,
  type BindPhoneBody,
  type ConsentBody,
  type MeView,
  type UpdateMeBody,
} from '@jingcai/shared';
import { explainPrivacyFailure, privacyNeedsAgreement, withPrivacy } from './privacy';
import { request } from './request';
import { getCurrentUser, setCurrentUser } from './session';

/** `<Button open-type="getPhoneNumber">` exists only inside WeChat. */
export function canBindPhone(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

/**
 * Whether the getPhoneNumber button may be shown as it is. WeChat asks for privacy agreement only once the
 * button is tapped, and then shows its own popup; so until the worker has agreed, the page shows a plain
 * button that asks first, through ours (`agreeBeforeBindingPhone`).
 */
export async function phoneButtonReady(): Promise<boolean> {
  return !(await privacyNeedsAgreement());
}

/** True once the worker agreed (the real button can then be tapped); false after telling them why not. */
export function agreeBeforeBindingPhone(): Promise<boolean> {
  return withPrivacy(PrivacyItemKey.Phone, () => Promise.resolve(true)).catch(() => false);
}

/** The getPhoneNumber button's answer without a code: tells the worker when privacy was the reason. */
export function phoneNotShared(detail: { errMsg?: string; errno?: number }): void {
  explainPrivacyFailure(PrivacyItemKey.Phone, detail);
}

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

/**
 * After the worker agreed in our WeChat privacy popup, which names our privacy policy too: records consent
 * to this build's version when the signed-in worker has not given it yet. Before sign-in there is no one to
 * record it for; the consent page asks after login as always.
 */
export async function keepConsentInStep(): Promise<void> {
  const me = getCurrentUser();
  if (!me?.consentRequired) return;
  await giveConsent().catch(() => undefined);
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
