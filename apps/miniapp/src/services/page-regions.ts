/**
 * Keyboard access to each page's scrolling container: on WeChat pages scroll natively, so nothing to do
 * here. The H5 build takes `page-regions.h5.ts`.
 */
export function mountPageRegions(): () => void {
  return () => undefined;
}
