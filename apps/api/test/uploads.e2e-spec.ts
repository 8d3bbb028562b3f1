import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ERROR_MESSAGES,
  type AuthResult,
  type ErrorCode,
  type ErrorEnvelope,
  type UploadView,
} from '@jingcai/shared';
import sharp from 'sharp';
import request from 'supertest';
import { Upload } from '../src/modules/uploads/entities/upload.entity';
import { UploadsService } from '../src/modules/uploads/uploads.service';
import { bearer, loginNewUser, loginWithRole, startTestApp, type TestApp } from './support/test-app';

type Res = request.Response;

/** Every refusal is the envelope: a stable code, a Chinese message, the request id, and nothing else. */
function expectEnvelope(res: Res, status: number, code: ErrorCode): ErrorEnvelope {
  expect({ status: res.status, code: (res.body as ErrorEnvelope).code }).toEqual({ status, code });
  const body = res.body as ErrorEnvelope;
  expect(body.message).toEqual(expect.any(String));
  expect(body.requestId).toEqual(res.headers['x-request-id']);
  expect(Object.keys(body).filter((k) => !['code', 'message', 'details', 'requestId'].includes(k))).toEqual(
    [],
  );
  expect(res.text).not.toMatch(/stack|\.ts:\d+|node_modules/);
  return body;
}

function fieldsOf(body: ErrorEnvelope): string[] {
  return (body.details as { field: string }[]).map((d) => d.field);
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('Uploads (e2e)', () => {
  let t: TestApp;
  let uploadDir: string;
  let owner: AuthResult;
  let stranger: AuthResult;
  let friend: AuthResult;
  let admin: AuthResult;
  let photoWithGps: Buffer;
  let pngWithAlpha: Buffer;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'jingcai-uploads-'));
    t = await startTestApp({ env: { UPLOAD_DIR: uploadDir } });
    [owner, stranger, friend, admin] = await Promise.all([
      loginNewUser(t, 'owner'),
      loginNewUser(t, 'stranger'),
      loginNewUser(t, 'friend'),
      loginWithRole(t, 'admin'),
    ]);
    // What a feature module would do in onModuleInit: here, `friend` may see the owner's avatars.
    t.app
      .get(UploadsService)
      .registerAccessPolicy('avatar', (viewer, upload) =>
        Promise.resolve(viewer.id === friend.user.id && upload.ownerId === owner.user.id),
      );

    // A phone photo: large, rotated by EXIF (sideways sensor), with camera and GPS tags.
    photoWithGps = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#c04020' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Make: 'JingcaiTestCam', Model: 'E2E' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '39/1 54/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '116/1 23/1 0/1',
        },
      })
      .toBuffer();
    // Left half transparent, right half opaque blue.
    pngWithAlpha = await sharp({
      create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .composite([
        {
          input: { create: { width: 100, height: 100, channels: 4, background: '#0000ff' } },
          left: 100,
          top: 0,
        },
      ])
      .png()
      .toBuffer();
  });
  afterAll(async () => {
    await t.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  function upload(
    auth: AuthResult | null,
    data: Buffer,
    fields: Record<string, string> = { purpose: 'membership_proof' },
    file = { filename: 'photo.jpg', contentType: 'image/jpeg' },
  ) {
    const req = request(t.http).post('/api/uploads');
    if (auth) void req.set(...bearer(auth));
    for (const [name, value] of Object.entries(fields)) void req.field(name, value);
    return req.attach('file', data, file);
  }

  async function uploaded(auth: AuthResult, data: Buffer, purpose = 'membership_proof'): Promise<UploadView> {
    return (await upload(auth, data, { purpose }).expect(201)).body as UploadView;
  }

  function storedFile(id: string): Promise<{ row: Upload; data: Buffer }> {
    return t.dataSource
      .getRepository(Upload)
      .findOneByOrFail({ id })
      .then((row) => ({ row, data: readFileSync(join(uploadDir, ...row.storageKey.split('/'))) }));
  }

  function contentPath(view: UploadView): string {
    const url = new URL(view.url);
    return url.pathname + url.search;
  }

  describe('intake', () => {
    it('re-encodes a phone photo: upright, at most 2048 px, and without EXIF or GPS', async () => {
      const view = await uploaded(owner, photoWithGps);
      // Orientation 6 turns the 3000×2000 sensor image into a portrait one before scaling.
      expect(view).toMatchObject({ contentType: 'image/jpeg', width: 1365, height: 2048 });
      expect(view.id).toMatch(/^[A-Za-z0-9_-]{22}$/);

      const { row, data } = await storedFile(view.id);
      expect(row).toMatchObject({ ownerId: owner.user.id, purpose: 'membership_proof' });
      expect(row.storageKey).toMatch(new RegExp(`^\\d{4}/\\d{2}/${view.id}\\.jpg$`));
      expect(view.size).toBe(data.length);
      const meta = await sharp(data).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width: 1365, height: 2048 });
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(data.includes('JingcaiTestCam')).toBe(false);
    });

    it('accepts PNG (also WebP and GIF) and stores JPEG, transparency flattened onto white', async () => {
      const view = await uploaded(owner, pngWithAlpha);
      expect(view).toMatchObject({ contentType: 'image/jpeg', width: 200, height: 100 });
      const { data } = await storedFile(view.id);
      const meta = await sharp(data).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', channels: 3, hasAlpha: false });
      const pixels = await sharp(data).raw().toBuffer();
      expect([...pixels.subarray(0, 3)].every((v) => v > 245)).toBe(true); // transparent → white

      const small = sharp({ create: { width: 40, height: 30, channels: 3, background: '#00ff00' } });
      for (const data of [await small.clone().webp().toBuffer(), await small.clone().gif().toBuffer()]) {
        // Named and labelled as something else: the bytes decide.
        const res = await upload(owner, data, undefined, { filename: 'x.png', contentType: 'image/png' });
        expect(res.status).toBe(201);
        expect(res.body as UploadView).toMatchObject({ contentType: 'image/jpeg', width: 40, height: 30 });
      }
    });

    it('refuses a text file named photo.jpg and sent as image/jpeg', async () => {
      const res = await upload(owner, Buffer.from('just some text, not a picture\n'.repeat(20)));
      const body = expectEnvelope(res, 400, 'NOT_AN_IMAGE');
      expect(body.message).toBe(ERROR_MESSAGES.NOT_AN_IMAGE);
    });

    it('refuses bytes that start like a JPEG but do not decode', async () => {
      const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4096, 0x41)]);
      expectEnvelope(await upload(owner, fake), 400, 'NOT_AN_IMAGE');
    });

    it('refuses a decompression bomb (a small file declaring over 40 megapixels) before decoding it', async () => {
      const bomb = await sharp({ create: { width: 7000, height: 6000, channels: 3, background: '#888888' } })
        .png({ compressionLevel: 9, palette: true })
        .toBuffer();
      expect(bomb.length).toBeLessThan(200_000);
      const body = expectEnvelope(await upload(owner, bomb), 400, 'VALIDATION_FAILED');
      expect(fieldsOf(body)).toEqual(['file']);
    });

    it('answers a 6 MB upload with 413 and stores nothing', async () => {
      const before = filesUnder(uploadDir).length;
      const uploader = await loginNewUser(t, 'big');
      const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(6 * 1024 * 1024, 7)]);
      const body = expectEnvelope(await upload(uploader, big), 413, 'PAYLOAD_TOO_LARGE');
      expect(body.message).toBe(ERROR_MESSAGES.PAYLOAD_TOO_LARGE);
      expect(await t.dataSource.getRepository(Upload).countBy({ ownerId: uploader.user.id })).toBe(0);
      expect(filesUnder(uploadDir)).toHaveLength(before);
    });
  });

  describe('form', () => {
    it('refuses an unknown field and names it', async () => {
      const res = await upload(owner, pngWithAlpha, { purpose: 'avatar', note: 'hi' });
      expect(fieldsOf(expectEnvelope(res, 400, 'VALIDATION_FAILED'))).toEqual(['note']);
    });

    it('refuses an unknown file part and a second file, naming them', async () => {
      const extra = await request(t.http)
        .post('/api/uploads')
        .set(...bearer(owner))
        .field('purpose', 'avatar')
        .attach('picture', pngWithAlpha, 'a.png');
      expect(fieldsOf(expectEnvelope(extra, 400, 'VALIDATION_FAILED'))).toEqual(['picture']);

      const two = await upload(owner, pngWithAlpha, { purpose: 'avatar' }).attach(
        'file',
        pngWithAlpha,
        'b.png',
      );
      expect(fieldsOf(expectEnvelope(two, 400, 'VALIDATION_FAILED'))).toEqual(['file']);
    });

    it.each([
      ['a purpose outside the list', { purpose: 'wallpaper' }],
      ['no purpose', {}],
    ])('refuses %s, naming purpose', async (_, fields) => {
      const res = await upload(owner, pngWithAlpha, fields);
      expect(fieldsOf(expectEnvelope(res, 400, 'VALIDATION_FAILED'))).toEqual(['purpose']);
    });

    it('refuses a form without a file, and a body that is not multipart', async () => {
      const noFile = await request(t.http)
        .post('/api/uploads')
        .set(...bearer(owner))
        .field('purpose', 'avatar');
      expect(fieldsOf(expectEnvelope(noFile, 400, 'VALIDATION_FAILED'))).toEqual(['file']);

      const json = await request(t.http)
        .post('/api/uploads')
        .set(...bearer(owner))
        .send({ purpose: 'avatar' });
      expectEnvelope(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('needs a token', async () => {
      expectEnvelope(await upload(null, pngWithAlpha), 401, 'UNAUTHENTICATED');
    });
  });

  describe('access', () => {
    let proof: UploadView;
    let avatar: UploadView;

    beforeAll(async () => {
      proof = await uploaded(owner, photoWithGps, 'membership_proof');
      avatar = await uploaded(owner, pngWithAlpha, 'avatar');
    });

    it('shows the owner their upload, with a URL that serves the JPEG', async () => {
      const view = (
        await request(t.http)
          .get(`/api/uploads/${proof.id}`)
          .set(...bearer(owner))
          .expect(200)
      ).body as UploadView;
      expect(view).toMatchObject({
        id: proof.id,
        width: proof.width,
        height: proof.height,
        size: proof.size,
      });
      expect(view.url).toMatch(
        new RegExp(`^http://127\\.0\\.0\\.1:\\d+/api/uploads/${proof.id}/content\\?exp=\\d+&sig=[\\w-]{43}$`),
      );

      const res = await request(t.http).get(contentPath(view)).buffer(true).expect(200);
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const maxAge = Number(/^private, max-age=(\d+)$/.exec(String(res.headers['cache-control']))?.[1]);
      expect(maxAge).toBeGreaterThan(590);
      expect(maxAge).toBeLessThanOrEqual(600);
      expect((res.body as Buffer).equals((await storedFile(proof.id)).data)).toBe(true);
    });

    it('hides an upload from other workers and from admins with 404, as if it did not exist', async () => {
      for (const viewer of [stranger, admin]) {
        for (const id of [proof.id, avatar.id]) {
          const res = await request(t.http)
            .get(`/api/uploads/${id}`)
            .set(...bearer(viewer));
          expectEnvelope(res, 404, 'NOT_FOUND');
        }
      }
      const unknown = await request(t.http)
        .get('/api/uploads/AAAAAAAAAAAAAAAAAAAAAA')
        .set(...bearer(owner));
      expectEnvelope(unknown, 404, 'NOT_FOUND');
      const malformed = await request(t.http)
        .get('/api/uploads/bad.id')
        .set(...bearer(owner));
      expectEnvelope(malformed, 400, 'VALIDATION_FAILED');
    });

    it('lets a viewer in when the purpose access policy says yes', async () => {
      const view = (
        await request(t.http)
          .get(`/api/uploads/${avatar.id}`)
          .set(...bearer(friend))
          .expect(200)
      ).body as UploadView;
      expect(view.id).toBe(avatar.id);
      await request(t.http).get(contentPath(view)).expect(200);
      // The avatar policy says nothing about membership proofs.
      expectEnvelope(
        await request(t.http)
          .get(`/api/uploads/${proof.id}`)
          .set(...bearer(friend)),
        404,
        'NOT_FOUND',
      );
    });

    it('serves content only with a valid, unexpired signature for that very upload', async () => {
      const url = new URL(proof.url);
      const exp = url.searchParams.get('exp')!;
      const sig = url.searchParams.get('sig')!;
      const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
      const expired = new URL(t.app.get(UploadsService).signedUrl(proof.id, -1));
      const refused = [
        `/api/uploads/${proof.id}/content?exp=${exp}&sig=${flipped}`,
        `/api/uploads/${proof.id}/content?exp=${Number(exp) + 3600}&sig=${sig}`,
        `/api/uploads/${proof.id}/content?exp=${exp}&sig=${Buffer.from(sig, 'base64url').toString('hex')}`,
        expired.pathname + expired.search,
        `/api/uploads/${proof.id}/content?exp=${exp}`,
        `/api/uploads/${proof.id}/content`,
        `/api/uploads/${avatar.id}/content?exp=${exp}&sig=${sig}`,
      ];
      for (const path of refused) {
        const res = await request(t.http).get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expectEnvelope(res, 404, 'NOT_FOUND');
      }
    });

    it('lets other modules attach only the caller’s own upload of the right purpose', async () => {
      const uploads = t.app.get(UploadsService);
      await expect(
        uploads.requireOwned(owner.user.id, proof.id, 'membership_proof', 'proofPhotoId'),
      ).resolves.toMatchObject({ id: proof.id });
      const refusal = {
        code: 'VALIDATION_FAILED',
        details: [{ field: 'proofPhotoId', message: '图片不存在或不属于你' }],
      };
      for (const [ownerId, id, purpose] of [
        [stranger.user.id, proof.id, 'membership_proof'],
        [owner.user.id, avatar.id, 'membership_proof'],
        [owner.user.id, 'AAAAAAAAAAAAAAAAAAAAAA', 'membership_proof'],
      ] as const) {
        await expect(uploads.requireOwned(ownerId, id, purpose, 'proofPhotoId')).rejects.toMatchObject(
          refusal,
        );
      }
    });
  });
});
