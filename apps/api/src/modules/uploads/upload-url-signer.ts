import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Signs `<id>.<exp>` so an image URL works without a token (an <Image> cannot send one) but only until
 * `exp` and only for that upload. The key is derived from the JWT secret with HKDF, so the two never
 * share key material and no new secret has to be configured.
 */
export class UploadUrlSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'jingcai/upload-url', 32));
  }

  /** base64url HMAC-SHA256, 43 characters. */
  sign(id: string, exp: number): string {
    return createHmac('sha256', this.key).update(`${id}.${exp}`).digest('base64url');
  }

  /** True when `sig` signs `id.exp` and `exp` (unix seconds) is still ahead of `nowSeconds`. */
  verify(id: string, exp: number | undefined, sig: string | undefined, nowSeconds: number): boolean {
    if (exp === undefined || sig === undefined || !Number.isSafeInteger(exp) || exp <= nowSeconds)
      return false;
    // Compare the canonical encodings, not decoded bytes: base64url decoding ignores stray characters.
    const expected = Buffer.from(this.sign(id, exp));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
