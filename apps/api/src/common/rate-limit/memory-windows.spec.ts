import { MemoryWindows } from './memory-windows';

describe('MemoryWindows', () => {
  it('opens a window at the first hit and counts in it until it closes', () => {
    const windows = new MemoryWindows(60_000);
    expect(windows.hit('k', 60_000, 1000)).toEqual({ windowStart: 1000, hits: 1 });
    expect(windows.hit('k', 60_000, 30_000)).toEqual({ windowStart: 1000, hits: 2 });
    expect(windows.hit('k', 60_000, 61_000)).toEqual({ windowStart: 61_000, hits: 1 });
  });

  it('keeps a window open across a generation swap', () => {
    const windows = new MemoryWindows(60_000);
    windows.hit('k', 60_000, 50_000);
    windows.hit('other', 60_000, 70_000); // swaps generations: k moves to the older one
    expect(windows.hit('k', 60_000, 100_000)).toEqual({ windowStart: 50_000, hits: 2 });
  });

  it('drops closed windows a generation at a time, so a rush of keys does not pile up', () => {
    const windows = new MemoryWindows(60_000);
    for (let i = 0; i < 1000; i++) windows.hit(`worker-${i}`, 60_000, 1000 + i);
    windows.hit('late', 60_000, 70_000);
    expect(windows.size).toBe(1001);
    windows.hit('later', 60_000, 140_000);
    expect(windows.size).toBe(2);
  });

  it('takes back a hit of the window it was counted in only', () => {
    const windows = new MemoryWindows(60_000);
    const first = windows.hit('k', 60_000, 0);
    windows.hit('k', 60_000, 10);
    windows.unhit('k', first);
    expect(windows.hit('k', 60_000, 20).hits).toBe(2);
    windows.unhit('k', { windowStart: 5, hits: 1 });
    expect(windows.hit('k', 60_000, 30).hits).toBe(3);
  });
});
