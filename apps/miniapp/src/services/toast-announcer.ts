/**
 * Toasts announced to screen readers: WeChat reads its native toast out itself, so nothing to do here. The H5
 * build takes `toast-announcer.h5.ts`, where Taro's toast is a plain div.
 */
export function mountToastAnnouncer(): () => void {
  return () => undefined;
}
