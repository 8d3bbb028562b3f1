/**
 * Enums are `as const` objects plus a union type rather than TS `enum`s: they cost nothing in the
 * mini-program bundle beyond their values and work with `isIn` validation on the API.
 */

export const Role = {
  Worker: 'worker',
  Staff: 'staff',
  Lawyer: 'lawyer',
  Admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

export const WorkerCategory = {
  Regular: 'regular',
  Courier: 'courier',
  DeliveryRider: 'delivery_rider',
  RideHailingDriver: 'ride_hailing_driver',
  TruckDriver: 'truck_driver',
  DomesticWorker: 'domestic_worker',
  OtherGig: 'other_gig',
} as const;
export type WorkerCategory = (typeof WorkerCategory)[keyof typeof WorkerCategory];
export const WORKER_CATEGORIES: readonly WorkerCategory[] = Object.values(WorkerCategory);

export const WORKER_CATEGORY_LABELS: Readonly<Record<WorkerCategory, string>> = {
  regular: '企业职工',
  courier: '快递员',
  delivery_rider: '外卖骑手',
  ride_hailing_driver: '网约车司机',
  truck_driver: '货车司机',
  domestic_worker: '家政服务员',
  other_gig: '其他新就业形态',
};

/** Gig (new employment form) categories: everyone but regular employees. */
export function isGigCategory(category: WorkerCategory): boolean {
  return category !== WorkerCategory.Regular;
}

export const UserTag = {
  ModelWorker: 'model_worker',
  FrontlineMedic: 'frontline_medic',
  HighTemperaturePost: 'high_temperature_post',
  HardshipFamily: 'hardship_family',
} as const;
export type UserTag = (typeof UserTag)[keyof typeof UserTag];
export const USER_TAGS: readonly UserTag[] = Object.values(UserTag);

export const USER_TAG_LABELS: Readonly<Record<UserTag, string>> = {
  model_worker: '劳模',
  frontline_medic: '一线医务人员',
  high_temperature_post: '高温岗位',
  hardship_family: '困难职工',
};

export const OrgKind = {
  District: 'district',
  Street: 'street',
  Park: 'park',
  Industry: 'industry',
  Enterprise: 'enterprise',
  NewEmployment: 'new_employment',
} as const;
export type OrgKind = (typeof OrgKind)[keyof typeof OrgKind];
export const ORG_KINDS: readonly OrgKind[] = Object.values(OrgKind);

export const ORG_KIND_LABELS: Readonly<Record<OrgKind, string>> = {
  district: '区总工会',
  street: '街道工会',
  park: '园区工会',
  industry: '行业工会',
  enterprise: '企业工会',
  new_employment: '新就业形态工会',
};

export const MembershipStatus = {
  None: 'none',
  Member: 'member',
} as const;
export type MembershipStatus = (typeof MembershipStatus)[keyof typeof MembershipStatus];
export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = Object.values(MembershipStatus);
