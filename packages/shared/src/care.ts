/** Care packages (暖新礼包 / 夏送清凉 / 免费体检): SPEC.md §3. */
import type { OrgSummary } from './api';
import type { UserTag, WorkerCategory } from './enums';

export const BenefitKind = { Pack: 'pack', Voucher: 'voucher', Service: 'service' } as const;
export type BenefitKind = (typeof BenefitKind)[keyof typeof BenefitKind];
export const BENEFIT_KINDS: readonly BenefitKind[] = Object.values(BenefitKind);
export const BENEFIT_KIND_LABELS: Readonly<Record<BenefitKind, string>> = {
  pack: '礼包',
  voucher: '券',
  service: '服务',
};

export const Amenity = {
  Water: 'water',
  Charging: 'charging',
  Rest: 'rest',
  Microwave: 'microwave',
  Toilet: 'toilet',
} as const;
export type Amenity = (typeof Amenity)[keyof typeof Amenity];
export const AMENITIES: readonly Amenity[] = Object.values(Amenity);
export const AMENITY_LABELS: Readonly<Record<Amenity, string>> = {
  water: '饮水',
  charging: '充电',
  rest: '休息',
  microwave: '微波炉',
  toilet: '卫生间',
};

export const ClaimStatus = {
  Claimed: 'claimed',
  Redeemed: 'redeemed',
  Cancelled: 'cancelled',
  Expired: 'expired',
} as const;
export type ClaimStatus = (typeof ClaimStatus)[keyof typeof ClaimStatus];
export const CLAIM_STATUS_LABELS: Readonly<Record<ClaimStatus, string>> = {
  claimed: '待领取',
  redeemed: '已领取',
  cancelled: '已取消',
  expired: '已过期',
};

/** Pickup codes: 8 characters without look-alikes (0/O, 1/I/L), ~8.5 × 10¹¹ possibilities. */
export const PICKUP_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PICKUP_CODE_LENGTH = 8;
export const PICKUP_CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

/** Normalises what station staff type: case, spaces and dashes do not matter. */
export function normalisePickupCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

// ---- stations ----
export interface StationView {
  id: number;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  hours: string;
  amenities: Amenity[];
  org: OrgSummary;
  /** Metres from the point asked about, when one was given. */
  distanceMeters: number | null;
}

export interface StationQuery {
  lat?: number;
  lng?: number;
  page?: number;
  pageSize?: number;
}

export interface StationBody {
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  hours: string;
  amenities: Amenity[];
  orgId: number;
}

// ---- benefits ----
export interface Eligibility {
  /** Empty: every category. */
  categories: WorkerCategory[];
  gigVerifiedRequired: boolean;
  /** Empty: no tag needed; otherwise any one of them. */
  tags: UserTag[];
  membersOnly: boolean;
  /** Workers of this org's subtree only; null for the whole district. */
  orgId: number | null;
}

export interface BenefitBody {
  title: string;
  description: string;
  kind: BenefitKind;
  stock: number;
  perPersonLimit: number;
  claimStartsAt: string;
  claimEndsAt: string;
  pickupDeadline: string;
  eligibility: Eligibility;
  stationIds: number[];
  /** The org whose staff manage this benefit. */
  ownerOrgId: number;
}

export type UpdateBenefitBody = Partial<Omit<BenefitBody, 'stock' | 'ownerOrgId'>>;

export interface StockChangeBody {
  /** Positive tops up, negative withdraws (never below what is already claimed). */
  delta: number;
}

export interface BenefitView {
  id: number;
  title: string;
  description: string;
  kind: BenefitKind;
  totalStock: number;
  remainingStock: number;
  perPersonLimit: number;
  claimStartsAt: string;
  claimEndsAt: string;
  pickupDeadline: string;
  eligibility: Eligibility;
  stations: StationView[];
  ownerOrg: OrgSummary;
}

/** What a worker sees in the list: the benefit plus whether they can claim it, and why not. */
export interface WorkerBenefitView extends BenefitView {
  eligible: boolean;
  /** Chinese, e.g. "需完成新就业形态身份认证"; null when eligible. */
  ineligibleReason: string | null;
  /** My claim waiting for pickup, if any. */
  activeClaimId: number | null;
  claimsUsed: number;
}

export interface StationStatsView {
  station: Pick<StationView, 'id' | 'name'>;
  claimed: number;
  redeemed: number;
  cancelled: number;
  expired: number;
}

// ---- claims ----
export interface ClaimBody {
  stationId: number;
}

export interface ClaimView {
  claimId: number;
  benefit: Pick<BenefitView, 'id' | 'title' | 'kind'>;
  code: string;
  status: ClaimStatus;
  station: Pick<StationView, 'id' | 'name' | 'address' | 'hours' | 'latitude' | 'longitude'>;
  expiresAt: string;
  claimedAt: string;
  redeemedAt: string | null;
}

export interface RedeemBody {
  code: string;
}

/** What station staff see after a redemption: enough to hand over, nothing more. */
export interface RedemptionView {
  claimId: number;
  benefit: Pick<BenefitView, 'id' | 'title' | 'kind'>;
  station: Pick<StationView, 'id' | 'name'>;
  /** Masked: 孙*. */
  workerName: string | null;
  /** Masked: 137****5678. */
  workerPhone: string | null;
  redeemedAt: string;
  redeemedBy: string;
}

/** Great-circle distance in metres (haversine): plenty for "nearest station" across a district. */
export function distanceMeters(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}
