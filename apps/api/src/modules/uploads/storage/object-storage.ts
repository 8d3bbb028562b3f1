import { Logger } from '@nestjs/common';
import { AppException } from '../../../common/errors/app-exception';
import { assertSafeKey, FileStorage } from './file-storage';
import { amzDateOf, authorization, encodeKeyPath, sha256Hex, type SigningKey } from './sigv4';

export interface ObjectStorageConfig extends SigningKey {
  /** The service's endpoint, e.g. `https://cos.ap-shanghai.myqcloud.com` or `https://oss-cn-hangzhou.aliyuncs.com`. */
  endpoint: string;
  bucket: string;
  /** `endpoint/bucket/key` (MinIO and most self-hosted stores) instead of `bucket.endpoint/key` (COS, OSS, S3). */
  pathStyle: boolean;
}

const TIMEOUT_MS = 10_000;

/**
 * Objects in an S3-compatible bucket — Tencent COS, Aliyun OSS, MinIO or S3 itself — signed with SigV4 on
 * node:crypto. This is what several API instances need: an upload made through one must be served by all.
 * A failure of the store is a 503 to the client (and logged), never a stack or the store's own words.
 */
export class ObjectStorage extends FileStorage {
  private readonly logger = new Logger(ObjectStorage.name);

  constructor(private readonly config: ObjectStorageConfig) {
    super();
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.send('PUT', key, data, { 'content-type': contentType });
  }

  get(key: string): Promise<Buffer | null> {
    return this.send('GET', key);
  }

  async delete(key: string): Promise<void> {
    await this.send('DELETE', key);
  }

  /** The body of the store's answer, read whole; null for an object that is not there (GET, DELETE). */
  private async send(
    method: 'PUT' | 'GET' | 'DELETE',
    key: string,
    body?: Buffer,
    extraHeaders: Record<string, string> = {},
  ): Promise<Buffer | null> {
    assertSafeKey(key);
    const url = this.urlOf(key);
    const payloadHash = sha256Hex(body ?? '');
    const amzDate = amzDateOf(new Date());
    const signed = { 'x-amz-content-sha256': payloadHash, 'x-amz-date': amzDate, ...extraHeaders };
    const headers = {
      ...signed,
      // fetch sends Host itself, from the URL: the same value is signed.
      authorization: authorization(
        { method, path: url.pathname, headers: { host: url.host, ...signed }, payloadHash },
        this.config,
        amzDate,
      ),
    };
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw this.unavailable(`${method} ${key}: ${(error as Error).message}`);
    }
    if (response.ok) return Buffer.from(await response.arrayBuffer());
    const text = await response.text().catch(() => '');
    const code = /<Code>([^<]{1,64})<\/Code>/.exec(text)?.[1];
    // Only a missing object is "not there"; a missing bucket (NoSuchBucket) is a misconfigured store.
    if (response.status === 404 && method !== 'PUT' && (code === 'NoSuchKey' || code === undefined))
      return null;
    throw this.unavailable(`${method} ${key}: HTTP ${response.status} (${code ?? 'no error code'})`);
  }

  private urlOf(key: string): URL {
    const endpoint = new URL(this.config.endpoint);
    const path = encodeKeyPath(key);
    return this.config.pathStyle
      ? new URL(`${endpoint.origin}/${this.config.bucket}/${path}`)
      : new URL(`${endpoint.protocol}//${this.config.bucket}.${endpoint.host}/${path}`);
  }

  private unavailable(detail: string): AppException {
    this.logger.error(`object storage failed: ${detail}`);
    return new AppException(
      'SERVICE_UNAVAILABLE',
      '图片存储暂时不可用，请稍后再试',
    );
  }
}
