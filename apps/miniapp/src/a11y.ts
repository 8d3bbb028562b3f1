/**
 * Names an image that carries meaning, for screen readers on both builds: WeChat reads `aria-label` on
 * `<Image>`, and Taro's H5 image hands `nativeProps` to its inner `<img>`, where `alt` is what counts.
 */
export function imageAlt(text: string): { 'aria-label': string; nativeProps: { alt: string } } {
  return { 'aria-label': text, nativeProps: { alt: text } };
}
