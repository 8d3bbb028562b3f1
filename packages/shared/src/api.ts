/**
 * Request and response shapes of the API. The API's DTO classes `implements` the request bodies and its
 * mappers return the views, so a change here breaks the build of whichever side falls behind.
 */
import type { MembershipStatus, OrgKind, Role, UserTag, WorkerCategory } from './enums';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// ---- auth ----
export interface WechatLoginBody {
  code: string;
}
export interface DevLoginBody {
  openid: string;
}
/** `POST /api/auth/console-code` (staff, lawyers, admins, from the mini-program): a one-time code for the console. */
export interface ConsoleCodeView {
  /** 8 digits, shown to the staff member to type into the console. */
  code: string;
  expiresAt: string;
}

/** `POST /api/auth/console-login`: the code from the mini-program → a console session. */
export interface ConsoleLoginBody {
  code: string;
}

export interface RefreshBody {
  refreshToken: string;
}
export interface AuthResult {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  user: MeView;
}

// ---- me ----
/** Public-profile fields that wait for a content-safety verdict before others can see them. */
export type ReviewedProfileField = 'nickname' | 'avatar';

export interface MeView {
  id: number;
  /** Shown to others (rankings, feeds): only once it passed content safety. */
  nickname: string | null;
  /** Signed URL of the published avatar. */
  avatarUrl: string | null;
  /** Changes the worker made that are still waiting for content safety. */
  underReview: ReviewedProfileField[];
  realName: string | null;
  /** Always masked: `138****1234`. */
  phone: string | null;
  /** Always masked. */
  idNumber: string | null;
  /** The verified org: set only when staff approve joining or an org change. */
  org: OrgSummary | null;
  /** An org change the worker asked for, waiting for staff of that org (`PATCH /api/me {orgId}`). */
  requestedOrg: OrgSummary | null;
  category: WorkerCategory | null;
  gigVerified: boolean;
  tags: UserTag[];
  roles: Role[];
  membership: MembershipStatus;
  memberNo: string | null;
  /** The privacy-notice version the worker consented to, null before consent. */
  consentVersion: string | null;
  consentAt: string | null;
  /** True when the worker must (re-)consent before giving personal data. */
  consentRequired: boolean;
  /** 长辈模式: larger text and tap targets on every page, and more time in timed quizzes. */
  careMode: boolean;
}
export interface UpdateMeBody {
  realName?: string;
  orgId?: number | null;
  category?: WorkerCategory;
  idNumber?: string;
  /** Goes through content safety; published once it passes. */
  nickname?: string;
  /** An upload with purpose `avatar`; published once WeChat's image check passes. */
  avatarId?: string;
  /** 长辈模式, kept on the server so it follows the worker to a new phone. */
  careMode?: boolean;
}
export interface ConsentBody {
  version: string;
}
export interface BindPhoneBody {
  /** The code from `<button open-type="getPhoneNumber">`. */
  code: string;
}

// ---- orgs ----
export interface OrgSummary {
  id: number;
  name: string;
  kind: OrgKind;
}
export interface OrgView extends OrgSummary {
  parentId: number | null;
  /** Names from the root down to this org, for the picker: 京口区总工会 / 大市口街道工会. */
  path: string;
  depth: number;
  memberCount: number;
}
export interface OrgTreeNode extends OrgView {
  children: OrgTreeNode[];
}
export interface OrgQuery {
  q?: string;
  parentId?: number;
  page?: number;
  pageSize?: number;
}
export interface CreateOrgBody {
  name: string;
  kind: OrgKind;
  parentId: number | null;
  memberCount?: number;
}
export interface UpdateOrgBody {
  name?: string;
  memberCount?: number;
}

// ---- admin: roles ----
export interface GrantRoleBody {
  role: Role;
  /** Required for staff: the root of the subtree they manage. */
  orgId?: number;
}
export interface RoleGrantView {
  role: Role;
  orgId: number | null;
}

// ---- health ----
export interface HealthView {
  status: 'ok';
  db: 'up';
  time: string;
}

// ---- demo ----
export interface DemoUserView {
  openid: string;
  label: string;
}
