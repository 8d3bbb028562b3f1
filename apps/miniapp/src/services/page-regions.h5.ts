/**
 * Each H5 page is a scrolling `.taro_page` div that Taro's router creates, outside any component of ours. A
 * page whose controls are NutUI views (not focusable) left keyboard users no way to scroll it (axe
 * scrollable-region-focusable). Every page container gets a tab stop and a name: the page's title.
 */
// Taro's page div: class `taro_page`, id the page's route.
const PAGE_SELECTOR = ['.taro_page', 'div[id^="/pages/"]', 'div[id^="/packages/"]']
  .map((selector) => `${selector}:not([tabindex])`)
  .join(', ');

function mark(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>(PAGE_SELECTOR).forEach((page) => {
    page.tabIndex = 0;
    page.setAttribute('role', 'region');
    page.setAttribute('aria-label', document.title || '页面内容');
  });
}

export function mountPageRegions(): () => void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return () => undefined;
  mark(document);
  const observer = new MutationObserver(() => mark(document));
  observer.observe(document.body, { subtree: true, childList: true });
  return () => observer.disconnect();
}
