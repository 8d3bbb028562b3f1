/**
 * What WeChat's screen reader gets from a rendered page: Taro renders every node through base.wxml, whose
 * `view` template copies `aria-role`, `aria-label`… from short data keys (apps/miniapp/config/weapp-aria).
 * These helpers read those keys from the template and find the values in a page's data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The data key the `view` template reads each ARIA attribute from, e.g. { 'aria-role': 'p11' }. */
export function viewAriaKeys(distDir) {
  const wxml = readFileSync(path.join(distDir, 'base.wxml'), 'utf8');
  const view = wxml.match(/<view [^>]*aria-role=[^>]*>/)?.[0] ?? '';
  return Object.fromEntries([...view.matchAll(/(aria-[a-z]+)="\{\{i\.(\w+)/g)].map(([, name, key]) => [name, key]));
}

/** How many nodes of a page's data carry each value of `key` (e.g. how many buttons). */
export function valuesOf(data, key) {
  const counts = new Map();
  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    if (typeof node[key] === 'string' && node[key] !== '') counts.set(node[key], (counts.get(node[key]) ?? 0) + 1);
    for (const child of Object.values(node)) walk(child);
  };
  walk(data);
  return counts;
}
