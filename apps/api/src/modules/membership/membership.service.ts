import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  APPLICATION_STATUS_LABELS,
  isGigCategory,
  MINIAPP_PAGES,
  PRIVACY_POLICY_VERSION,
  staffName,
  wechatPage,
  type ApplicationView,
  type MemberCardView,
  type Page,
  type ReviewApplicationView,
} from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { AppException } from '../../common/errors/app-exception';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import type { Upload } from '../uploads/entities/upload.entity';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository } from '../users/users.repository';
import { type ApplicationQueryDto } from './dto/application-query.dto';
import { type SubmitApplicationDto } from './dto/submit-application.dto';
import type { MembershipApplication } from './entities/membership-application.entity';
import { toApplicationView, toMemberCard, toReviewView } from './membership.mapper';
import { MembershipRepository } from './membership.repository';
import { assertComplete, memberNumber, reviewedTemplateData } from './membership.rules';

@Injectable()
export class MembershipService implements OnModuleInit {
  constructor(
    private readonly applications: MembershipRepository,
    private readonly users: UsersRepository,
    private readonly orgs: OrgsRepository,
    private readonly cipher: PiiCipher,
    private readonly scope: OrgScopeService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly contentSafety: ContentSafetyService,
    private readonly clock: Clock,
  ) {}

  /** Proof photos: the applicant (as owner) and staff who may review the application see them, once passed. */
  onModuleInit(): void {
    this.uploads.registerAccessPolicy('membership_proof', async (viewer: AuthUser, upload: Upload) => {
      if ((await this.contentSafety.withheldPhotos([upload.id])).size) return false;
      const application = await this.applications.byProof(upload.id);
      return !!application && this.inScope(await this.scope.scopeOf(viewer), application);
    });
  }

  async submit(userId: number, dto: SubmitApplicationDto): Promise<ApplicationView> {
    const user = await this.users.byId(userId);
    if (user?.consentVersion !== PRIVACY_POLICY_VERSION) throw new AppException('CONSENT_REQUIRED');
    if (user.membership === 'member') throw new AppException('ALREADY_MEMBER', '你已经是工会会员，无需重复申请');
    assertComplete(dto);
    if (dto.orgId && !(await this.orgs.exists(dto.orgId))) {
      throw AppException.invalid('orgId', '所选工会不存在');
    }
    if (dto.proofPhotoId)
      await this.uploads.requireOwned(userId, dto.proofPhotoId, 'membership_proof', 'proofPhotoId');
    const gig = isGigCategory(dto.category);
    const free = {
      orgNotListed: dto.orgId ? null : (dto.orgNotListed ?? null),
      platform: gig ? (dto.platform ?? null) : null,
    };
    const proofUploadId = gig ? (dto.proofPhotoId ?? null) : null;
    // Reviewing staff read the free text and the proof: checked as everything others read is.
    await this.contentSafety.checkText(user, free, 'profile');
    if (proofUploadId) await this.contentSafety.checkPhotos(user, [proofUploadId], 'profile');

    const id = await this.applications.insertPending({
      userId,
      realName: dto.realName,
      phoneCipher: this.cipher.encrypt(dto.phone),
      phoneHash: this.cipher.lookupHash(dto.phone),
      orgId: dto.orgId ?? null,
      ...free,
      category: dto.category,
      proofUploadId,
    });
    if (id === null) throw new AppException('APPLICATION_PENDING');
    return this.ownView((await this.applications.byId(id))!);
  }

  async mine(userId: number): Promise<ApplicationView[]> {
    const rows = await this.applications.latestOf(userId, 20);
    return rows.map((a) => this.ownView(a));
  }

  async card(userId: number): Promise<MemberCardView> {
    const user = await this.users.withOrg(userId);
    const card = user && toMemberCard(user);
    if (!card) throw AppException.notFound('你还不是工会会员');
    return card;
  }

  async list(staff: AuthUser, query: ApplicationQueryDto): Promise<Page<ReviewApplicationView>> {
    const scope = await this.scope.scopeOf(staff);
    const [rows, total] = await this.applications.page(scope, query.status, query.skip, query.pageSize);
    const deciders = await this.deciderNames(rows);
    const withheld = await this.withheldProofs(rows);
    return {
      items: rows.map((a) => this.reviewView(a, deciders, withheld)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The applicant or staff in scope; anyone else gets 404, so existence is not disclosed. */
  async get(viewer: AuthUser, id: number): Promise<ApplicationView | ReviewApplicationView> {
    const application = await this.applications.byId(id);
    if (application?.userId === viewer.id) return this.ownView(application);
    if (!application || !this.inScope(await this.scope.scopeOf(viewer), application))
      throw AppException.notFound('申请不存在');
    const withheld = await this.withheldProofs([application]);
    return this.reviewView(application, await this.deciderNames([application]), withheld);
  }

  async approve(staff: AuthUser, id: number): Promise<ReviewApplicationView> {
    const application = await this.loadForDecision(staff, id);
    const memberNo = memberNumber(application);
    const now = this.clock.now();
    if (!(await this.applications.approve(application, memberNo, { decidedBy: staff.id, decidedAt: now }))) {
      throw new AppException('ALREADY_DECIDED');
    }
    await this.notifications.notify(application.userId, {
      kind: 'application_approved',
      title: '入会申请已通过',
      body: `欢迎加入工会！你的会员编号是 ${memberNo}，可在“我的 → 会员证”查看电子会员证。`,
      page: wechatPage(MINIAPP_PAGES.memberCard),
      subscribe: {
        template: 'application_reviewed',
        data: reviewedTemplateData(APPLICATION_STATUS_LABELS.approved, `会员编号 ${memberNo}`, now),
      },
    });
    return this.get(staff, id) as Promise<ReviewApplicationView>;
  }

  async reject(staff: AuthUser, id: number, reason: string): Promise<ReviewApplicationView> {
    const application = await this.loadForDecision(staff, id);
    const now = this.clock.now();
    if (!(await this.applications.reject(id, reason, { decidedBy: staff.id, decidedAt: now }))) {
      throw new AppException('ALREADY_DECIDED');
    }
    await this.notifications.notify(application.userId, {
      kind: 'application_rejected',
      title: '入会申请未通过',
      body: `原因：${reason}。你可以修改后重新申请。`,
      page: wechatPage(MINIAPP_PAGES.membershipApply),
      subscribe: {
        template: 'application_reviewed',
        data: reviewedTemplateData(APPLICATION_STATUS_LABELS.rejected, reason, now),
      },
    });
    return this.get(staff, id) as Promise<ReviewApplicationView>;
  }

  private async loadForDecision(staff: AuthUser, id: number): Promise<MembershipApplication> {
    const application = await this.applications.byId(id);
    // The applicant sees their own application anyway, so refusing it first discloses nothing.
    if (application?.userId === staff.id) throw new AppException('OWN_RECORD', '不能审核本人的入会申请');
    if (!application || !this.inScope(await this.scope.scopeOf(staff), application))
      throw AppException.notFound('申请不存在');
    if (application.status !== 'pending') throw new AppException('ALREADY_DECIDED');
    return application;
  }

  private inScope(scope: OrgScope, application: MembershipApplication): boolean {
    if (scope.all) return true;
    return !!application.org && this.scope.contains(scope, application.org);
  }

  private ownView(application: MembershipApplication): ApplicationView {
    return toApplicationView(application, this.cipher, this.proofUrl(application, new Set()));
  }

  /** Staff see a proof photo once content safety passed it. */
  private reviewView(
    application: MembershipApplication,
    deciders: Map<number, string>,
    withheld: Set<string>,
  ): ReviewApplicationView {
    const decider = application.decidedBy === null ? null : (deciders.get(application.decidedBy) ?? null);
    return toReviewView(application, this.cipher, this.proofUrl(application, withheld), decider);
  }

  private proofUrl(application: MembershipApplication, withheld: Set<string>): string | null {
    const id = application.proofUploadId;
    return id && !withheld.has(id) ? this.uploads.signedUrl(id) : null;
  }

  private withheldProofs(rows: MembershipApplication[]): Promise<Set<string>> {
    return this.contentSafety.withheldPhotos(rows.flatMap((a) => a.proofUploadId ?? []));
  }

  private async deciderNames(rows: MembershipApplication[]): Promise<Map<number, string>> {
    const ids = [...new Set(rows.map((a) => a.decidedBy).filter((id): id is number => id !== null))];
    const names = await this.users.namesOf(ids);
    return new Map([...names].map(([id, person]) => [id, staffName(person, `工作人员${id}`)]));
  }
}
