import type { BenefitView, ClaimView, StationView } from '@jingcai/shared';
import { instantOf } from '../../common/database/columns';
import { toOrgSummary } from '../orgs/org.mapper';
import type { Benefit } from './entities/benefit.entity';
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

/** A row of ClaimsRepository's claim view statement (mysql2 may answer ids and decimals as strings). */
export interface ClaimViewRow {
  id: number | string;
  code: string;
  status: ClaimView['status'];
  expiresAt: Date | string;
  claimedAt: Date | string;
  redeemedAt: Date | string | null;
  benefitId: number | string;
  title: string;
  kind: ClaimView['benefit']['kind'];
  stationId: number | string;
  stationName: string;
  address: string;
  hours: string;
  latitude: number | string;
  longitude: number | string;
}

export function claimViewOfRow(row: ClaimViewRow): ClaimView {
  return {
    claimId: Number(row.id),
    benefit: { id: Number(row.benefitId), title: row.title, kind: row.kind },
    code: row.code,
    status: row.status,
    station: {
      id: Number(row.stationId),
      name: row.stationName,
      address: row.address,
      hours: row.hours,
      latitude: Number(row.latitude),
      longitude: Number(row.longitude),
    },
    expiresAt: instantOf(row.expiresAt).toISOString(),
    claimedAt: instantOf(row.claimedAt).toISOString(),
    redeemedAt: row.redeemedAt === null ? null : instantOf(row.redeemedAt).toISOString(),
  };
}
