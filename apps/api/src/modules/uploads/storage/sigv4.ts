import { createHash, createHmac } from 'node:crypto';

/** An object-storage request as SigV4 signs it. */
export interface SignableRequest {
  method: string;
  /** The URL-encoded path, e.g. `/bucket/2026/11/abc.jpg`. */
  path: string;
  /** Header names in any case; `host` must be among them. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body (`UNSIGNED-PAYLOAD` is not used: every body here is in memory). */
  payloadHash: string;
}

export interface SigningKey {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export const EMPTY_PAYLOAD_HASH = sha256Hex('');

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The `Authorization` header of AWS Signature Version 4 for S3 and the S3-compatible stores (Tencent COS,
 * Aliyun OSS, MinIO). No query string: the storage only puts, gets and deletes single objects. `amzDate` is
 * the request's `x-amz-date` (YYYYMMDDTHHMMSSZ), which must be among the headers.
 */
export function authorization(request: SignableRequest, key: SigningKey, amzDate: string): string {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalRequest = [
    request.method,
    request.path,
    '', // no query string
    ...headers.map(([name, value]) => `${name}:${value}`),
    '',
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${key.region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let signingKey = hmac(`AWS4${key.secretAccessKey}`, day);
  for (const part of [key.region, 's3', 'aws4_request']) signingKey = hmac(signingKey, part);
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return `AWS4-HMAC-SHA256 Credential=${key.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

/** `2013-05-24T00:00:00.000Z` → `20130524T000000Z`. */
export function amzDateOf(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Each path segment of a key encoded as SigV4 wants (RFC 3986 unreserved characters kept). */
export function encodeKeyPath(key: string): string {
  return key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
