import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskStorage } from './local-disk-storage';

describe(LocalDiskStorage.name, () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'jingcai-storage-'));
    storage = new LocalDiskStorage(join(root, 'uploads'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores, reads back and deletes under nested keys, creating directories as needed', async () => {
    await storage.put('2026/11/abc.jpg', Buffer.from('bytes'), 'image/jpeg');
    expect((await storage.get('2026/11/abc.jpg'))?.toString()).toBe('bytes');
    await storage.delete('2026/11/abc.jpg');
    expect(await storage.get('2026/11/abc.jpg')).toBeNull();
    await expect(storage.delete('2026/11/abc.jpg')).resolves.toBeUndefined();
  });

  it.each(['../escape.jpg', '2026/../../x', '/etc/passwd', '2026//x.jpg', 'a\\b.jpg', '', '.hidden', 'a/..'])(
    'refuses the key %j',
    async (key) => {
      await expect(storage.put(key, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/unsafe storage key/);
      await expect(storage.get(key)).rejects.toThrow(/unsafe storage key/);
    },
  );
});
