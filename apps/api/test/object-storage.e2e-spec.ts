import type { AuthResult, ErrorEnvelope, UploadView } from '@jingcai/shared';
import sharp from 'sharp';
import request from 'supertest';
import { Upload } from '../src/modules/uploads/entities/upload.entity';
import { ObjectStorage } from '../src/modules/uploads/storage/object-storage';
import { startFakeObjectStorage, type FakeObjectStorage } from './support/fake-object-storage';
import { bearer, loginNewUser, startTestApp, type TestApp, startSecondInstance } from './support/test-app';

const KEY = { accessKeyId: 'AKIDjingcaitest', secretAccessKey: 'jingcai-test-secret', region: 'ap-shanghai' };
const BUCKET = 'jingcai-uploads-1250000000';

function objectStorageEnv(store: FakeObjectStorage, secret = KEY.secretAccessKey): Record<string, string> {
  return {
    STORAGE_DRIVER: 'object',
    OBJECT_STORAGE_ENDPOINT: store.endpoint,
    OBJECT_STORAGE_REGION: KEY.region,
    OBJECT_STORAGE_BUCKET: BUCKET,
    OBJECT_STORAGE_ACCESS_KEY_ID: KEY.accessKeyId,
    OBJECT_STORAGE_SECRET_ACCESS_KEY: secret,
    OBJECT_STORAGE_PATH_STYLE: 'true',
  };
}

describe('Uploads in an S3-compatible bucket (e2e)', () => {
  let store: FakeObjectStorage;
  let a: TestApp;
  let b: TestApp;
  let worker: AuthResult;
  let photo: Buffer;

  beforeAll(async () => {
    store = await startFakeObjectStorage(KEY, BUCKET);
    a = await startTestApp({ env: objectStorageEnv(store) });
    b = await startSecondInstance(a, { env: { ...objectStorageEnv(store) } });
    worker = await loginNewUser(a, 'object-storage');
    photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2060c0' } })
      .jpeg()
      .toBuffer();
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await store.close();
  });

  const upload = (t: TestApp, auth: AuthResult) =>
    request(t.http)
      .post('/api/uploads')
      .set(...bearer(auth))
      .field('purpose', 'membership_proof')
      .attach('file', photo, {
        filename: 'proof.jpg',
        contentType: 'image/jpeg',
      });
  const pathOf = (view: UploadView) => {
    const url = new URL(view.url);
    return url.pathname + url.search;
  };

  it('stores an upload made through one instance in the bucket, and the other instance serves it', async () => {
    const view = (await upload(a, worker).expect(201)).body as UploadView;
    const row = await a.dataSource.getRepository(Upload).findOneByOrFail({ id: view.id });
    const stored = store.objects.get(row.storageKey);
    expect(stored?.contentType).toBe('image/jpeg');
    expect(stored?.data.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const served = await request(b.http).get(pathOf(view)).buffer(true).expect(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(served.body as Buffer, stored!.data)).toBe(0);
  });

  it('answers 503 with the envelope while the store is down, and a refused signature stores nothing', async () => {
    const view = (await upload(a, worker).expect(201)).body as UploadView;
    store.down = true;
    try {
      const down = await request(b.http).get(pathOf(view)).expect(503);
      expect((down.body as ErrorEnvelope).message).toBe('图片存储暂时不可用，请稍后再试');
    } finally {
      store.down = false;
    }

    const misconfigured = await startTestApp({ env: objectStorageEnv(store, 'not-the-secret') });
    try {
      const rows = () => misconfigured.dataSource.getRepository(Upload).count();
      const [before, objects] = [await rows(), store.objects.size];
      const refused = await upload(misconfigured, await loginNewUser(misconfigured, 'object-storage')).expect(
        503,
      );
      expect(refused.body).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: '图片存储暂时不可用，请稍后再试',
      });
      expect(refused.text).not.toMatch(/SignatureDoesNotMatch|stack|\.ts:\d+/);
      expect([await rows(), store.objects.size]).toEqual([before, objects]);
      expect(misconfigured.logs.join('\n')).toContain('SignatureDoesNotMatch');
      expect(misconfigured.logs.join('\n')).not.toContain('not-the-secret');
    } finally {
      await misconfigured.close();
    }
  });

  it('puts, gets and deletes objects; a missing one is null to get and no error to delete, a missing bucket is an outage; unsafe keys never leave', async () => {
    const storage = new ObjectStorage({ ...KEY, endpoint: store.endpoint, bucket: BUCKET, pathStyle: true });
    await storage.put('2026/11/direct.jpg', Buffer.from('bytes'), 'image/jpeg');
    expect(store.objects.get('2026/11/direct.jpg')).toEqual({
      data: Buffer.from('bytes'),
      contentType: 'image/jpeg',
    });
    expect((await storage.get('2026/11/direct.jpg'))?.toString()).toBe('bytes');
    await storage.delete('2026/11/direct.jpg');
    expect(await storage.get('2026/11/direct.jpg')).toBeNull();
    await expect(storage.delete('2026/11/direct.jpg')).resolves.toBeUndefined();
    await expect(storage.put('../escape.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(
      /unsafe storage key/,
    );
    expect(store.objects.has('../escape.jpg')).toBe(false);
    const elsewhere = new ObjectStorage({
      ...KEY,
      endpoint: store.endpoint,
      bucket: 'no-such-bucket',
      pathStyle: true,
    });
    await expect(elsewhere.get('2026/11/direct.jpg')).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });
});
