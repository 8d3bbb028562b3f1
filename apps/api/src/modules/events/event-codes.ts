import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { PICKUP_CODE_ALPHABET, venueCodeWindow, type HmacSha256Hex } from '@jingcai/shared';

function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += PICKUP_CODE_ALPHABET[randomInt(PICKUP_CODE_ALPHABET.length)];
  return code;
}

/** The ticket QR's code: 10 characters from a CSPRNG (~4.5 × 10¹⁴); the unique index settles a clash. */
export const newTicketCode = (): string => randomCode(10);

/**
 * The public sign-up number the draw lists. Random, so nobody can pick a number the (already published)
 * seed favours by timing their sign-up.
 */
export const newPublicNo = (): string => randomCode(8);

/** 32 random bytes as hex: a lottery seed, or a session's venue-code key. */
export const newSecret = (): string => randomBytes(32).toString('hex');

export const hmacSha256Hex: HmacSha256Hex = (key, message) =>
  createHmac('sha256', key).update(message).digest('hex');

/** The 6-digit venue code of a session for one 30 s window: HMAC of the session's secret and the window. */
export function venueCodeAt(secret: string, window: number): string {
  const digest = createHmac('sha256', secret).update(String(window)).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** The code is the current window's or the one before's (the screen may have turned as the worker scanned). */
export function isVenueCodeCurrent(secret: string, code: string, atMs: number): boolean {
  const window = venueCodeWindow(atMs);
  return code === venueCodeAt(secret, window) || code === venueCodeAt(secret, window - 1);
}
