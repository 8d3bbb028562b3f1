/**
 * Names an image that carries meaning, for screen readers on both builds: WeChat reads `aria-label` on
 * `<Image>`, and Taro's H5 image hands `nativeProps` to its inner `<img>`, where `alt` is what counts.
 */
export function imageAlt(text: string): { 'aria-label': string; nativeProps: { alt: string } } {
  return { 'aria-label': text, nativeProps: { alt: text } };
}

/**
 * A scroll view a keyboard can reach and a reader can name (axe scrollable-region-focusable): on H5 it is a
 * scrolling box, which only takes focus, and so arrow-key scrolling, with a tab stop.
 */
export function scrollRegion(name: string): { tabIndex: number; role: string; 'aria-label': string } {
  return { tabIndex: 0, role: 'region', 'aria-label': name };
}
