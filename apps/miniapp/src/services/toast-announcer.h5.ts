/**
 * Toasts announced to screen readers on H5 (WeChat's native toast is already read out: `toast-announcer.ts`). Taro's H5 toast is a
 * plain div created on first use, so a polite live region made at start-up repeats each toast's text: a live
 * region must exist before its text changes for the change to be read.
 */
export function mountToastAnnouncer(): () => void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return () => undefined;
  const region = document.createElement('div');
  region.className = 'jc-live-region';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  document.body.appendChild(region);

  const observer = new MutationObserver(() => {
    const toast = document.querySelector<HTMLElement>('.taro__toast');
    const visible = toast && toast.style.display !== 'none' ? (toast.textContent ?? '').trim() : '';
    if (visible && visible !== region.textContent) region.textContent = visible;
    if (!visible) region.textContent = '';
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style'] });
  return () => {
    observer.disconnect();
    region.remove();
  };
}
