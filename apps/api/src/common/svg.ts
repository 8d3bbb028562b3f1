/** Images drawn as SVG and rendered by sharp (certificates, posters): fonts come from the system. */

export const CJK_FONT_FAMILY = 'WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif';

/** Text placed inside SVG markup: names and titles are user input. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
