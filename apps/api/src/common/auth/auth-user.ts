import type { Role } from '@jingcai/shared';

export interface RoleGrant {
  role: Role;
  /** For staff: the root of the subtree they manage. Null for district-wide roles. */
  orgId: number | null;
}

/** Who is calling, as proven by the access token. Roles ride in the token (≤ 15 min stale by design). */
export interface AuthUser {
  id: number;
  grants: RoleGrant[];
}

export function hasRole(user: AuthUser, role: Role): boolean {
  return user.grants.some((g) => g.role === role);
}

export function isAdmin(user: AuthUser): boolean {
  return hasRole(user, 'admin');
}
