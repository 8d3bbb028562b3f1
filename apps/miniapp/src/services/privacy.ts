import { useSyncExternalStore } from 'react';
import Taro from '@tarojs/taro';
import { PRIVACY_CONTACT, privacyItem, type PrivacyItem, type PrivacyItemKey } from '@jingcai/shared';

/**
 * WeChat's privacy authorization, handled by us (WeChat only; a browser has none). Every privacy-gated call
 * goes through `withPrivacy`: it asks WeChat whether the worker agreed to the 用户隐私保护指引
 * (`requirePrivacyAuthorize`); when not, WeChat raises `onNeedPrivacyAuthorization`, which we answer with
 * our own popup (components/privacy-popup) instead of WeChat's generic one. The call runs once the worker
 * agrees; on refusal the worker is told in Chinese what cannot be done and how to agree later, and the
 * caller gets a `PrivacyRefusal` to settle quietly.
 */

/** The popup's agree button: WeChat checks that this button was tapped before it accepts `agree`. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

/** What the popup shows while the worker decides: the item our call needs, when the request is ours. */
export interface PrivacyRequest {
  item: PrivacyItem | null;
}

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;

/** Resolvers of every call WeChat holds pending until the worker decides; one answer settles them all. */
const pending: Resolve[] = [];
let request: PrivacyRequest | null = null;
/** The item our own `withPrivacy` is asking for, so the popup can say why. */
let asking: PrivacyItemKey | null = null;
const watchers = new Set<() => void>();

/** Thrown by `withPrivacy` after the worker has been told why the call cannot be made. */
export class PrivacyRefusal extends Error {
  constructor(readonly item: PrivacyItemKey) {
    super(`privacy not authorised: ${item}`);
  }
}

/** Inside WeChat, where the privacy gate exists. */
export function onWechat(): boolean {
  return process.env.TARO_ENV === 'weapp';
}

function publish(next: PrivacyRequest | null): void {
  request = next;
  watchers.forEach((watcher) => watcher());
}

/** Registered once at launch (app.ts). Base libraries before 2.32.3 have no privacy gate at all. */
export function listenForPrivacyRequests(): void {
  if (!onWechat() || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // A page without the popup would leave the call pending for ever: refuse it, which fails it cleanly.
    if (watchers.size === 0) {
      resolve({ event: 'disagree' });
      return;
    }
    pending.push(resolve);
    publish({ item: asking ? privacyItem(asking) : null });
  });
}

function settle(option: Taro.onNeedPrivacyAuthorization.ResolveOption): void {
  for (const resolve of pending.splice(0)) resolve(option);
  publish(null);
}

/** The agree button's `onAgreePrivacyAuthorization`: WeChat has seen the tap, so the held calls may go on. */
export function privacyAgreed(): void {
  settle({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
}

export function privacyRefused(): void {
  settle({ event: 'disagree' });
}

/** Tells WeChat our popup is on screen (it counts exposures of custom popups). */
export function privacyPopupShown(): void {
  for (const resolve of pending) resolve({ event: 'exposureAuthorization' });
}

/** Opens the 用户隐私保护指引 as published in WeChat's admin console. */
export function openPrivacyGuide(): void {
  Taro.openPrivacyContract({
    fail: () => void Taro.showToast({ title: '暂时无法打开隐私保护指引，请稍后再试', icon: 'none' }),
  });
}

function watch(watcher: () => void): () => void {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/** The request waiting for the worker's answer, or null: what the popup renders from. */
export function usePrivacyRequest(): PrivacyRequest | null {
  return useSyncExternalStore(watch, () => request);
}

/**
 * Resolves true once the worker has agreed (at once when they already had, and on every platform without
 * a privacy gate), false when they refused or WeChat refused to ask again so soon.
 */
function requirePrivacy(item: PrivacyItemKey): Promise<boolean> {
  if (!onWechat() || typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve(true);
  asking = item;
  return new Promise<boolean>((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  }).finally(() => {
    asking = null;
  });
}

/** Whether WeChat would ask before a gated call: for inputs (the phone button) that cannot wait for it. */
export function privacyNeedsAgreement(): Promise<boolean> {
  if (!onWechat() || typeof Taro.getPrivacySetting !== 'function') return Promise.resolve(false);
  return new Promise((resolve) => {
    Taro.getPrivacySetting({
      success: ({ needAuthorization }) => resolve(needAuthorization),
      fail: () => resolve(false),
    });
  });
}

/** Runs a privacy-gated WeChat call once the worker has agreed; see the top of this file. */
export async function withPrivacy<T>(item: PrivacyItemKey, call: () => Promise<T>): Promise<T> {
  if (!(await requirePrivacy(item))) {
    tell(item, 'refused');
    throw new PrivacyRefusal(item);
  }
  try {
    return await call();
  } catch (error) {
    if (explainPrivacyFailure(item, error)) throw new PrivacyRefusal(item);
    throw error;
  }
}

/**
 * Tells the worker why, when WeChat failed a call (or answered a button's event) for want of privacy
 * agreement; answers whether it did. Anything else (a cancel, a network error) is the caller's to handle.
 */
export function explainPrivacyFailure(item: PrivacyItemKey, error: unknown): boolean {
  const reason = privacyFailure(error);
  if (reason) tell(item, reason);
  return reason !== null;
}

type FailureReason = 'refused' | 'undeclared';

/**
 * WeChat answers a call made without agreement with `…:fail privacy permission is not authorized` (errno
 * 104), and one whose item the 指引 does not declare with errno 112 (`…api scope is not declared…`).
 */
function privacyFailure(error: unknown): FailureReason | null {
  const { errMsg = '', errno } = (error ?? {}) as { errMsg?: string; errno?: number };
  if (errno === 112 || /not declared in the privacy agreement|privacy api banned/i.test(errMsg)) return 'undeclared';
  if (errno === 104 || /privacy permission is not authorized/i.test(errMsg)) return 'refused';
  return null;
}

/** What the worker reads when a gated call cannot be made. */
function privacyRefusalMessage(item: PrivacyItemKey, reason: FailureReason): string {
  const { action, wechatItem } = privacyItem(item);
  return reason === 'refused'
    ? `你未同意《用户隐私保护指引》，暂时无法${action}。如需使用，请稍后（约 10 秒后）再试，并在弹出的隐私保护提示中点击“同意”。`
    : `小程序暂未声明“${wechatItem}”的用途，暂时无法${action}。请联系${PRIVACY_CONTACT.name}（电话 ${PRIVACY_CONTACT.phone}）。`;
}

function tell(item: PrivacyItemKey, reason: FailureReason): void {
  void Taro.showModal({
    title: reason === 'refused' ? '需要你的同意' : '功能暂不可用',
    content: privacyRefusalMessage(item, reason),
    showCancel: false,
    confirmText: '知道了',
  }).catch(() => undefined);
}
