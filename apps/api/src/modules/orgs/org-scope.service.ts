import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { isAdmin } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import type { Org } from './entities/org.entity';
import { scopeContains, scopePathCondition, type OrgScope } from './org-tree';
import { OrgsRepository } from './orgs.repository';

export type { OrgScope } from './org-tree';

/**
 * The single answer to "may this user see or manage this org's data?". Every staff-facing query goes
 * through `scopeOf` / `assertCanManage`, so the rule lives in one place: admins everywhere, staff in the
 * subtree of each org they were granted, nobody else.
 */
@Injectable()
export class OrgScopeService {
  constructor(private readonly orgs: OrgsRepository) {}

  async scopeOf(user: AuthUser): Promise<OrgScope> {
    if (isAdmin(user)) return { all: true };
    const orgIds = user.grants.filter((g) => g.role === 'staff' && g.orgId != null).map((g) => g.orgId!);
    if (orgIds.length === 0) return { all: false, paths: [] };
    return { all: false, paths: await this.orgs.pathsOf(orgIds) };
  }

  contains(scope: OrgScope, org: Pick<Org, 'path'>): boolean {
    return scopeContains(scope, org);
  }

  async canManage(user: AuthUser, orgId: number): Promise<boolean> {
    const org = await this.orgs.pathOf(orgId);
    if (!org) return false;
    return this.contains(await this.scopeOf(user), org);
  }

  async assertCanManage(user: AuthUser, orgId: number): Promise<void> {
    if (!(await this.canManage(user, orgId))) throw new AppException('OUT_OF_SCOPE');
  }

  /**
   * Who a campaign, season or benefit may be aimed at: admins anyone (null = the whole district); staff
   * only workers of their own subtree, never everyone. 400 naming `field` otherwise.
   */
  async checkAudience(user: AuthUser, orgId: number | null, field: string): Promise<void> {
    if (orgId === null) {
      if (isAdmin(user)) return;
      throw AppException.invalid(field, '请选择面向的组织（只能是本组织及下级组织）');
    }
    const org = await this.orgs.pathOf(orgId);
    if (!org) throw AppException.invalid(field, '组织不存在');
    if (!this.contains(await this.scopeOf(user), org)) {
      throw AppException.invalid(field, '只能面向本组织及下级组织的职工');
    }
  }

  /** The scope as a query-builder condition on an org path column; see `scopePathCondition`. */
  static pathCondition(scope: OrgScope, column: string): [string, Record<string, string>] {
    return scopePathCondition(scope, column);
  }
}
