import { Injectable } from '@nestjs/common';
import { currentStepOf, type ApplicationAction, type ReviewStep } from '@jingcai/shared';
import { hasRole, isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { UserRolesRepository } from '../users/user-roles.repository';
import type { AssistanceApplication } from './entities/assistance-application.entity';
import { pathIds, stepOrgs } from './review-levels';

const STEP_ACTIONS: Record<ReviewStep, ApplicationAction[]> = {
  check: ['visit', 'check', 'return'],
  approve: ['approve', 'return'],
  grant: ['grant', 'return'],
};

/**
 * Who may read and who may act on help-in-hardship records. Reading: the record's owner, staff whose subtree
 * holds its org, admins; everyone else gets the 404 of a missing id. Acting on an application: the staff of
 * the org its current step belongs to (`stepOrgs`), or an admin; never the applicant.
 */
@Injectable()
export class AssistanceAccess {
  constructor(
    private readonly scope: OrgScopeService,
    private readonly roles: UserRolesRepository,
  ) {}

  staffScope(user: AuthUser): Promise<OrgScope> {
    return this.scope.scopeOf(user);
  }

  /** Staff whose subtree holds `orgPath`, or admins. */
  async canStaffRead(user: AuthUser, orgPath: string): Promise<boolean> {
    if (isAdmin(user)) return true;
    if (!hasRole(user, 'staff')) return false;
    return this.scope.contains(await this.scope.scopeOf(user), { path: orgPath });
  }

  /** 404 unless the caller is staff in scope; 403 OWN_RECORD for a record of their own. */
  async assertStaffRead(
    user: AuthUser,
    orgPath: string,
    ownerIds: readonly number[],
    what: string,
  ): Promise<void> {
    if (!(await this.canStaffRead(user, orgPath))) throw AppException.notFound(`${what}不存在`);
    if (ownerIds.includes(user.id)) throw new AppException('OWN_RECORD', `不能审核或处理本人的${what}`);
  }

  /** The orgs that have at least one staff member right now (one read; pass it on for a list of records). */
  async staffedOrgs(): Promise<Set<number>> {
    return new Set(
      (await this.roles.assigneeGrants())
        .filter((g) => g.role === 'staff' && g.orgPath !== null)
        .map((g) => pathIds(g.orgPath!).at(-1) ?? 0),
    );
  }

  /** The org whose staff act at each step of an application from `orgPath`, as staffed right now. */
  async stepOrgsOf(orgPath: string, staffed?: Set<number>): Promise<Record<ReviewStep, number>> {
    const orgs = staffed ?? (await this.staffedOrgs());
    return stepOrgs(orgPath, (orgId) => orgs.has(orgId));
  }

  /** What `user` may do with the application now (nothing on their own). */
  async actionsFor(
    user: AuthUser,
    app: AssistanceApplication,
    staffed?: Set<number>,
  ): Promise<ApplicationAction[]> {
    const step = currentStepOf(app.status);
    if (!step || app.applicantId === user.id) return [];
    if (isAdmin(user)) return STEP_ACTIONS[step];
    if (!hasRole(user, 'staff')) return [];
    const orgId = (await this.stepOrgsOf(app.orgPath, staffed))[step];
    const held = user.grants.some((g) => g.role === 'staff' && g.orgId === orgId);
    return held ? STEP_ACTIONS[step] : [];
  }

  /** 403 unless `user` acts at the application's current step (the caller has checked scope and ownership). */
  async assertActs(user: AuthUser, app: AssistanceApplication, action: ApplicationAction): Promise<void> {
    if (!(await this.actionsFor(user, app)).includes(action)) {
      throw new AppException('ASSISTANCE_NOT_YOUR_STEP');
    }
  }
}
