import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('serves a value until it expires, then loads again', async () => {
    const cache = new TtlCache<string, number>(1000);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await cache.get('k', load, 0)).toBe(1);
    expect(await cache.get('k', load, 999)).toBe(1);
    expect(await cache.get('k', load, 1000)).toBe(2);
  });

  it('shares one load between concurrent misses', async () => {
    const cache = new TtlCache<string, number>(1000);
    let loads = 0;
    let release: (n: number) => void = () => undefined;
    const load = () => {
      loads++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const pending = [cache.get('k', load, 0), cache.get('k', load, 1), cache.get('k', load, 2)];
    release(7);
    expect(await Promise.all(pending)).toEqual([7, 7, 7]);
    expect(loads).toBe(1);
  });

  it('forgets a failed load so the next reader tries again', async () => {
    const cache = new TtlCache<string, number>(1000);
    await expect(cache.get('k', () => Promise.reject(new Error('down')), 0)).rejects.toThrow('down');
    expect(await cache.get('k', () => Promise.resolve(3), 1)).toBe(3);
  });

  it('stays within its size, dropping expired entries first', async () => {
    const cache = new TtlCache<number, number>(10, 2);
    await cache.get(1, () => Promise.resolve(1), 0);
    await cache.get(2, () => Promise.resolve(2), 0);
    await cache.get(3, () => Promise.resolve(3), 20);
    let reloaded = false;
    await cache.get(3, () => ((reloaded = true), Promise.resolve(3)), 21);
    expect(reloaded).toBe(false);
  });

  it('can serve the old value while one reload runs, and the new one once it is in', async () => {
    const cache = new TtlCache<string, number>(1000, 10, { serveStaleWhileReloading: true });
    let loads = 0;
    let release: (n: number) => void = () => undefined;
    await cache.get('k', () => Promise.resolve(++loads), 0);
    const reload = () => {
      loads++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    expect(await cache.get('k', reload, 1000)).toBe(1);
    expect(await cache.get('k', reload, 1001)).toBe(1);
    expect(loads).toBe(2);
    release(2);
    await Promise.resolve();
    expect(await cache.get('k', reload, 1002)).toBe(2);
  });

  it('hands a reload the value it replaces, set or loaded', async () => {
    const cache = new TtlCache<string, number>(1000, 10, { serveStaleWhileReloading: true });
    const seen: Array<number | undefined> = [];
    const load = (previous?: number) => (seen.push(previous), Promise.resolve((previous ?? 0) + 1));
    expect(await cache.get('k', load, 0)).toBe(1);
    await cache.get('k', load, 1000);
    await Promise.resolve();
    expect(await cache.get('k', load, 1001)).toBe(2);
    cache.set('j', 10, 0);
    await cache.get('j', load, 1000);
    await Promise.resolve();
    expect(await cache.get('j', load, 1001)).toBe(11);
    expect(seen).toEqual([undefined, 1, 10]);
  });

  it('keeps serving the old value when a reload fails, and tries again', async () => {
    const cache = new TtlCache<string, number>(1000, 10, { serveStaleWhileReloading: true });
    await cache.get('k', () => Promise.resolve(1), 0);
    expect(await cache.get('k', () => Promise.reject(new Error('down')), 1000)).toBe(1);
    await Promise.resolve();
    expect(await cache.get('k', () => Promise.resolve(3), 1001)).toBe(1);
    await Promise.resolve();
    expect(await cache.get('k', () => Promise.resolve(4), 1002)).toBe(3);
  });

  it('waits for the first load, which a stale value cannot stand in for', async () => {
    const cache = new TtlCache<string, number>(1000, 10, { serveStaleWhileReloading: true });
    await expect(cache.get('k', () => Promise.reject(new Error('down')), 0)).rejects.toThrow('down');
    expect(await cache.get('k', () => Promise.resolve(5), 1)).toBe(5);
  });

  it('holds a value set directly, which peek answers without loading, until it expires', () => {
    const cache = new TtlCache<number, string>(10, 2);
    cache.set(1, 'one', 0);
    expect(cache.peek(1, 9)).toBeDefined();
    expect(cache.peek(1, 10)).toBeUndefined();
    expect(cache.peek(2, 0)).toBeUndefined();
  });

  it('evicts expired entries from the front and then the oldest live one when full', async () => {
    const cache = new TtlCache<number, number>(10, 2);
    cache.set(1, 1, 0);
    cache.set(2, 2, 5);
    cache.set(3, 3, 12); // 1 has expired: it goes, 2 stays
    expect(cache.peek(2, 12)).toBeDefined();
    cache.set(4, 4, 13); // both live: the oldest (2) goes
    expect(cache.peek(2, 13)).toBeUndefined();
    expect(await cache.peek(3, 13)).toBe(3);
    expect(await cache.peek(4, 13)).toBe(4);
  });
});
