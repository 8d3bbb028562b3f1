/**
 * WeChat's `setData` semantics on a plain object: each key is a data path (`root.cn.[0].v`, `list[2].name`,
 * `a.b`) whose value replaces what is there, creating objects and arrays on the way. Taro's runtime sends its
 * updates as such paths, so the harness can see what a page renders.
 */

/** Splits a data path into keys: `root.cn.[0].v` and `root.cn[0].v` both give ['root', 'cn', 0, 'v']. */
export function parsePath(path) {
  const keys = [];
  for (const part of path.split('.')) {
    if (part === '') throw new Error(`setData: empty segment in "${path}"`);
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) throw new Error(`setData: bad data path "${path}"`);
    if (match[1] !== '') keys.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  if (keys.length === 0) throw new Error(`setData: bad data path "${path}"`);
  return keys;
}

/** Applies one setData patch to `data` in place; values are copied through JSON, as WeChat sends them to the view. */
export function applySetData(data, patch) {
  for (const [path, value] of Object.entries(patch)) {
    const keys = parsePath(path);
    let target = data;
    for (let i = 0; i < keys.length - 1; i += 1) {
      const key = keys[i];
      if (target[key] === null || typeof target[key] !== 'object') {
        target[key] = typeof keys[i + 1] === 'number' ? [] : {};
      }
      target = target[key];
    }
    target[keys[keys.length - 1]] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
  return data;
}

/** Counts the element nodes under Taro's page root (`root.cn`), the harness's "rendered something". */
export function renderedNodes(data) {
  let count = 0;
  const walk = (node) => {
    if (!node || typeof node !== 'object') return;
    for (const child of node.cn ?? []) {
      if (child && typeof child === 'object') {
        count += 1;
        walk(child);
      }
    }
  };
  walk(data.root);
  return count;
}
