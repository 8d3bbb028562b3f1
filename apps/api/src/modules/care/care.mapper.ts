import type { BenefitView, ClaimView, StationView } from '@jingcai/shared';
import { toOrgSummary } from '../orgs/org.mapper';
import type { Benefit } from './entities/benefit.entity';
import type { Claim } from './entities/claim.entity';
import type { Station } from './entities/station.entity';

/** Needs `station.org` loaded. */
export function toStationView(station: Station, distanceMeters: number | null = null): StationView {
  return {
    id: station.id,
    name: station.name,
    address: station.address,
    latitude: station.latitude,
    longitude: station.longitude,
    hours: station.hours,
    amenities: station.amenities,
    org: toOrgSummary(station.org!),
    distanceMeters,
  };
}

/** Needs `benefit.ownerOrg` and `benefit.stations` (with their orgs) loaded. */
export function toBenefitView(benefit: Benefit): BenefitView {
  return {
    id: benefit.id,
    title: benefit.title,
    description: benefit.description,
    kind: benefit.kind,
    totalStock: benefit.totalStock,
    remainingStock: benefit.remainingStock,
    perPersonLimit: benefit.perPersonLimit,
    claimStartsAt: benefit.claimStartsAt.toISOString(),
    claimEndsAt: benefit.claimEndsAt.toISOString(),
    pickupDeadline: benefit.pickupDeadline.toISOString(),
    eligibility: {
      categories: benefit.eligibleCategories,
      gigVerifiedRequired: benefit.gigVerifiedRequired,
      tags: benefit.eligibleTags,
      membersOnly: benefit.membersOnly,
      orgId: benefit.audienceOrgId,
    },
    stations: (benefit.stations ?? []).map((s) => toStationView(s)),
    ownerOrg: toOrgSummary(benefit.ownerOrg!),
  };
}

/** Needs `claim.benefit` and `claim.station` loaded. */
export function toClaimView(claim: Claim): ClaimView {
  const { benefit, station } = claim;
  return {
    claimId: claim.id,
    benefit: { id: benefit!.id, title: benefit!.title, kind: benefit!.kind },
    code: claim.code,
    status: claim.status,
    station: {
      id: station!.id,
      name: station!.name,
      address: station!.address,
      hours: station!.hours,
      latitude: station!.latitude,
      longitude: station!.longitude,
    },
    expiresAt: claim.expiresAt.toISOString(),
    claimedAt: claim.createdAt.toISOString(),
    redeemedAt: claim.redeemedAt?.toISOString() ?? null,
  };
}
