import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authorization, sha256Hex, type SigningKey } from '../../src/modules/uploads/storage/sigv4';

export interface FakeObjectStorage {
  endpoint: string;
  /** Stored objects by key (without the bucket). */
  objects: Map<string, { data: Buffer; contentType: string }>;
  /** While true, every request answers 503 SlowDown, as a store under maintenance does. */
  down: boolean;
  close(): Promise<void>;
}

const MAX_CLOCK_SKEW_MS = 15 * 60_000;

/**
 * A local S3-compatible store for the e2e tests, speaking the part of the protocol the API uses: path-style
 * PUT, GET and DELETE of single objects, with the store's XML errors. Every request's SigV4 signature, payload
 * hash and date are checked (403 SignatureDoesNotMatch / XAmzContentSHA256Mismatch / RequestTimeTooSkewed);
 * the signer it checks with matches AWS's own worked example (sigv4.spec.ts).
 */
export async function startFakeObjectStorage(key: SigningKey, bucket: string): Promise<FakeObjectStorage> {
  const objects = new Map<string, { data: Buffer; contentType: string }>();
  const state = { down: false };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const fail = (status: number, code: string) => {
        res.writeHead(status, { 'content-type': 'application/xml' });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
        );
      };
      if (state.down) return fail(503, 'SlowDown');
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://store');
      const given = req.headers.authorization ?? '';
      const signedHeaders = /SignedHeaders=([^,]+)/.exec(given)?.[1].split(';') ?? [];
      const amzDate = String(req.headers['x-amz-date'] ?? '');
      const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
      const headers = Object.fromEntries(
        signedHeaders.map((name) => [name, String(req.headers[name] ?? '')]),
      );
      const expected = authorization(
        { method: req.method ?? '', path: url.pathname, headers, payloadHash },
        key,
        amzDate,
      );
      if (!signedHeaders.includes('host') || given !== expected) return fail(403, 'SignatureDoesNotMatch');
      if (payloadHash !== sha256Hex(body)) return fail(400, 'XAmzContentSHA256Mismatch');
      const at = Date.parse(
        amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
      );
      if (!(Math.abs(Date.now() - at) < MAX_CLOCK_SKEW_MS)) return fail(403, 'RequestTimeTooSkewed');

      const [, pathBucket, ...rest] = url.pathname.split('/');
      if (pathBucket !== bucket) return fail(404, 'NoSuchBucket');
      const objectKey = decodeURIComponent(rest.join('/'));
      switch (req.method ?? '') {
        case 'PUT':
          objects.set(objectKey, { data: body, contentType: String(req.headers['content-type'] ?? '') });
          res.writeHead(200, { etag: `"${sha256Hex(body).slice(0, 32)}"` }).end();
          return;
        case 'GET': {
          const object = objects.get(objectKey);
          if (!object) return fail(404, 'NoSuchKey');
          res.writeHead(200, { 'content-type': object.contentType }).end(object.data);
          return;
        }
        case 'DELETE':
          objects.delete(objectKey);
          res.writeHead(204).end();
          return;
        default:
          return fail(405, 'MethodNotAllowed');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
