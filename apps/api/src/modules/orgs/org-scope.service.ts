import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { isAdmin } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { Org } from './entities/org.entity';

/** What a user may see of the org tree: everything, or the subtrees under these materialised paths. */
export type OrgScope = { all: true } | { all: false; paths: string[] };

/**
 * The single answer to "may this user see or manage this org's data?". Every staff-facing query goes
 * through `scopeOf` / `assertCanManage`, so the rule lives in one place: admins everywhere, staff in the
 * subtree of each org they were granted, nobody else.
 */
@Injectable()
export class OrgScopeService {
  constructor(@InjectRepository(Org) private readonly orgs: Repository<Org>) {}

  async scopeOf(user: AuthUser): Promise<OrgScope> {
    if (isAdmin(user)) return { all: true };
    const orgIds = user.grants.filter((g) => g.role === 'staff' && g.orgId != null).map((g) => g.orgId!);
    if (orgIds.length === 0) return { all: false, paths: [] };
    const roots = await this.orgs.find({ select: { id: true, path: true }, where: { id: In(orgIds) } });
    return { all: false, paths: roots.map((r) => r.path) };
  }

  contains(scope: OrgScope, org: Pick<Org, 'path'>): boolean {
    return scope.all || scope.paths.some((root) => org.path.startsWith(root));
  }

  async canManage(user: AuthUser, orgId: number): Promise<boolean> {
    const org = await this.orgs.findOne({ select: { id: true, path: true }, where: { id: orgId } });
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
    const org = await this.orgs.findOne({ select: { id: true, path: true }, where: { id: orgId } });
    if (!org) throw AppException.invalid(field, '组织不存在');
    if (!this.contains(await this.scopeOf(user), org)) {
      throw AppException.invalid(field, '只能面向本组织及下级组织的职工');
    }
  }

  /**
   * A SQL condition restricting `alias`'s org path to the scope, for query builders:
   * `qb.andWhere(...scope.sqlCondition('o.path'))`.
   */
  static pathCondition(scope: OrgScope, column: string): [string, Record<string, string>] {
    if (scope.all) return ['1 = 1', {}];
    if (scope.paths.length === 0) return ['1 = 0', {}];
    const params: Record<string, string> = {};
    const clauses = scope.paths.map((path, i) => {
      params[`scopePath${i}`] = `${path}%`;
      return `${column} LIKE :scopePath${i}`;
    });
    return [`(${clauses.join(' OR ')})`, params];
  }
}
