import { Injectable } from '@nestjs/common';
import { maskPhone, MINIAPP_PAGES, wechatPage, type OrgRequestView, type Page } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { AppException } from '../../common/errors/app-exception';
import type { PageQuery } from '../../common/http/pagination';
import { NotificationsService } from '../notifications/notifications.service';
import { toOrgSummary } from '../orgs/org.mapper';
import { OrgScopeService } from '../orgs/org-scope.service';
import type { User } from '../users/entities/user.entity';
import { OrgRequestsRepository } from '../users/org-requests.repository';

type PendingRequest = User & { requestedOrg: NonNullable<User['requestedOrg']>; requestedOrgId: number };

/**
 * Changing org is reviewed like joining: staff of the requested org's subtree (or admins) approve or
 * reject it, never their own. Until approved the worker's verified org, and everything that follows it
 * (audiences, eligibility, the member card, the member directory, moderation queues), stays as it was.
 */
@Injectable()
export class OrgRequestsService {
  constructor(
    private readonly requests: OrgRequestsRepository,
    private readonly scope: OrgScopeService,
    private readonly cipher: PiiCipher,
    private readonly notifications: NotificationsService,
  ) {}

  async list(staff: AuthUser, query: PageQuery): Promise<Page<OrgRequestView>> {
    const scope = await this.scope.scopeOf(staff);
    const [rows, total] = await this.requests.page(scope, staff.id, query.skip, query.pageSize);
    return {
      items: rows.map((u) => this.view(u as PendingRequest)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async approve(staff: AuthUser, userId: number): Promise<OrgRequestView> {
    const request = await this.loadForDecision(staff, userId);
    if (!(await this.requests.approve(userId, request.requestedOrgId))) throw new AppException('ALREADY_DECIDED');
    await this.notifications.notify(userId, {
      kind: 'application_approved',
      title: '组织变更已通过',
      body: `你已加入${request.requestedOrg.name}。`,
      page: wechatPage(MINIAPP_PAGES.profile),
    });
    return this.view(request);
  }

  async reject(staff: AuthUser, userId: number, reason: string): Promise<OrgRequestView> {
    const request = await this.loadForDecision(staff, userId);
    if (!(await this.requests.reject(userId, request.requestedOrgId))) throw new AppException('ALREADY_DECIDED');
    await this.notifications.notify(userId, {
      kind: 'application_rejected',
      title: '组织变更未通过',
      body: `你申请加入${request.requestedOrg.name}未通过，原因：${reason}。`,
      page: wechatPage(MINIAPP_PAGES.profile),
    });
    return this.view(request);
  }

  /** 404 alike for no request and one to an org outside the caller's subtree; 403 for the caller's own. */
  private async loadForDecision(staff: AuthUser, userId: number): Promise<PendingRequest> {
    const request = (await this.requests.pendingOf(userId)) as PendingRequest | null;
    if (!request) throw AppException.notFound('没有待审核的组织变更申请');
    if (userId === staff.id) throw new AppException('OWN_RECORD', '不能审核本人的组织变更申请');
    if (!this.scope.contains(await this.scope.scopeOf(staff), request.requestedOrg))
      throw AppException.notFound('没有待审核的组织变更申请');
    return request;
  }

  private view(u: PendingRequest): OrgRequestView {
    return {
      userId: u.id,
      realName: u.realName,
      phone: u.phoneCipher ? maskPhone(this.cipher.decrypt(u.phoneCipher)) : null,
      currentOrg: u.org ? toOrgSummary(u.org) : null,
      requestedOrg: toOrgSummary(u.requestedOrg),
      requestedAt: (u.orgRequestedAt ?? u.updatedAt).toISOString(),
      membership: u.membership,
      memberNo: u.memberNo,
    };
  }
}
