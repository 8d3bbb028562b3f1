import {
  ErrorCode,
  normalisePickupCode,
  PICKUP_CODE_PATTERN,
  type ClaimBody,
  type ClaimView,
  type Page,
  type RedeemBody,
  type RedemptionView,
  type StationQuery,
  type StationView,
  type WorkerBenefitView,
} from '@jingcai/shared';
import { arrayBufferToBase64, type ScanResult } from './platform';
import { request, requestBytes } from './request';

// 暖新关爱: benefits a worker can claim, the claims (pickup codes), service stations, and redemption by staff.

/** What is open now, with whether this worker may claim each, why not, and their waiting claim. */
export function openBenefits(): Promise<WorkerBenefitView[]> {
  return request<WorkerBenefitView[]>('/care/benefits');
}

/** Refusals the benefit page explains in its own words, in place of a toast. */
export const CLAIM_REFUSALS: readonly ErrorCode[] = [
  ErrorCode.OutOfStock,
  ErrorCode.NotEligible,
  ErrorCode.ClaimClosed,
  ErrorCode.PerPersonLimit,
];

/** Claims at the chosen station. A repeat (double tap, retry) answers with the same waiting claim. */
export function claimBenefit(benefitId: number, stationId: number): Promise<ClaimView> {
  return request<ClaimView>(`/care/benefits/${benefitId}/claims`, {
    method: 'POST',
    body: { stationId } satisfies ClaimBody,
    quiet: CLAIM_REFUSALS,
  });
}

/** The worker's claims, newest first. */
export function myClaims(): Promise<ClaimView[]> {
  return request<ClaimView[]>('/care/claims/mine');
}

export function claimById(id: number): Promise<ClaimView> {
  return request<ClaimView>(`/care/claims/${id}`);
}

/** Gives the pack back to the stock; 409 once it is redeemed or expired. */
export function cancelClaim(id: number): Promise<ClaimView> {
  return request<ClaimView>(`/care/claims/${id}`, { method: 'DELETE' });
}

/**
 * The pickup code as an image, ready for `<Image src>`: the API wants the token, which an image URL cannot
 * carry, so the bytes come through `requestBytes` and become a data URI. WeChat gets a mini-program code
 * (scanning it opens the staff page with the code), a browser a plain QR code of the code text. Quiet: the
 * page still shows the code as text when the image fails.
 */
export async function claimQrCode(id: number): Promise<string> {
  const platform = process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp';
  const bytes = await requestBytes(`/care/claims/${id}/qrcode`, { query: { platform }, quiet: true });
  return `data:${imageType(bytes)};base64,${arrayBufferToBase64(bytes)}`;
}

/** WeChat's mini-program codes may come as JPEG; everything else is PNG. */
function imageType(bytes: ArrayBuffer): 'image/jpeg' | 'image/png' {
  const head = new Uint8Array(bytes, 0, Math.min(3, bytes.byteLength));
  return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff ? 'image/jpeg' : 'image/png';
}

/** Stations, nearest first with their distance when a position is given. */
export function listStations({ lat, lng, page, pageSize }: StationQuery): Promise<Page<StationView>> {
  return request<Page<StationView>>('/care/stations', { query: { lat, lng, page, pageSize } });
}

export function stationById(id: number): Promise<StationView> {
  return request<StationView>(`/care/stations/${id}`);
}

/** Refusals the redeem page shows beside the code: already redeemed (when, by whom), another org's station, unknown code. */
export const REDEEM_REFUSALS: readonly ErrorCode[] = [ErrorCode.AlreadyRedeemed, ErrorCode.OutOfScope, ErrorCode.NotFound];

/** Staff: marks the claim with this pickup code redeemed, once. */
export function redeemCode(code: string): Promise<RedemptionView> {
  return request<RedemptionView>('/care/redemptions', {
    method: 'POST',
    body: { code: normalisePickupCode(code) } satisfies RedeemBody,
    quiet: REDEEM_REFUSALS,
  });
}

/** Staff: today's redemptions at the stations they cover, newest first. */
export function todaysRedemptions(): Promise<RedemptionView[]> {
  return request<RedemptionView[]>('/care/redemptions/today');
}

/**
 * The pickup code in what the scanner read: a plain QR code holds the code itself; a claim's mini-program
 * code holds the staff page's path with `scene=<code>`. Null when it holds no pickup code.
 */
export function pickupCodeFromScan({ result, path }: ScanResult): string | null {
  for (const text of [path, result]) {
    if (!text) continue;
    const scene = /[?&]scene=([^&#]*)/.exec(text);
    const code = scene ? pickupCodeFromScene(scene[1]) : normalisePickupCode(text);
    if (PICKUP_CODE_PATTERN.test(code)) return code;
  }
  return null;
}

/** A page's `scene` option (a mini-program code's payload) as a pickup code; WeChat hands it URL-encoded. */
export function pickupCodeFromScene(scene: string): string {
  let decoded = scene;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    // Not encoded after all.
  }
  return normalisePickupCode(decoded);
}
