import type { WorkerCategory } from '@jingcai/shared';
import { AppException } from '../../common/errors/app-exception';
import { type GrantRoleDto } from './dto/grant-role.dto';
import type { User } from './entities/user.entity';
import type { ProfileChanges } from './users.repository';

/**
 * What `PATCH /api/me {orgId}` writes. The verified org (`org_id`) is never the worker's to set: a new org
 * becomes a request for staff of that org; the verified org itself, or null, withdraws a pending request.
 * Asking again for the org already requested keeps the request's place in the queue.
 */
export function orgRequestChanges(
  user: Pick<User, 'orgId' | 'requestedOrgId'>,
  orgId: number | null | undefined,
  now: Date,
): ProfileChanges {
  if (orgId === undefined || orgId === user.requestedOrgId) return {};
  if (orgId === null || orgId === user.orgId) {
    return user.requestedOrgId === null ? {} : { requestedOrgId: null, orgRequestedAt: null };
  }
  return { requestedOrgId: orgId, orgRequestedAt: now };
}

/**
 * A changed category is self-declared again: neither the review that confirmed the old one nor gig
 * verification (which belongs to the category it was proven for) carries over.
 */
export function categoryChanges(
  user: Pick<User, 'category'>,
  category: WorkerCategory | undefined,
): ProfileChanges {
  if (category === undefined || category === user.category) return {};
  return { category, categoryVerified: false, gigVerified: false };
}

/** The org a grant names: required for staff (400 naming `orgId`), meaningless for other roles. */
export function grantOrg(dto: Pick<GrantRoleDto, 'role' | 'orgId'>): number | null {
  if (dto.role !== 'staff') return null;
  if (!dto.orgId) throw AppException.invalid('orgId', '工作人员必须指定所管理的组织');
  return dto.orgId;
}
