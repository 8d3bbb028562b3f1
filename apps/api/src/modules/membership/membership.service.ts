import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  APPLICATION_STATUS_LABELS,
  isGigCategory,
  PRIVACY_POLICY_VERSION,
  type ApplicationView,
  type MemberCardView,
  type Page,
  type ReviewApplicationView,
} from '@jingcai/shared';
import { DataSource, In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { AppException } from '../../common/errors/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import { Org } from '../orgs/entities/org.entity';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import type { Upload } from '../uploads/entities/upload.entity';
import { UploadsService } from '../uploads/uploads.service';
import { User } from '../users/entities/user.entity';
import type { ListApplicationsQuery, SubmitApplicationDto } from './dto/membership.dto';
import { MembershipApplication } from './entities/membership-application.entity';
import { toApplicationView, toMemberCard, toReviewView } from './membership.mapper';

const APPLY_PAGE = 'packages/membership/pages/apply/index';
const CARD_PAGE = 'packages/membership/pages/card/index';

@Injectable()
export class MembershipService implements OnModuleInit {
  constructor(
    @InjectRepository(MembershipApplication) private readonly applications: Repository<MembershipApplication>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly scope: OrgScopeService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Proof photos: the applicant (as owner) and staff who may review the application see them. */
  onModuleInit(): void {
    this.uploads.registerAccessPolicy('membership_proof', async (viewer: AuthUser, upload: Upload) => {
      const application = await this.applications.findOne({
        where: { proofUploadId: upload.id },
        relations: { org: true },
      });
      return !!application && this.inScope(await this.scope.scopeOf(viewer), application);
    });
  }

  async submit(userId: number, dto: SubmitApplicationDto): Promise<ApplicationView> {
    const user = await this.users.findOneByOrFail({ id: userId });
    if (user.consentVersion !== PRIVACY_POLICY_VERSION)
      throw new AppException('CONSENT_REQUIRED');
    if (user.membership === 'member') throw new AppException('ALREADY_MEMBER', '你已经是工会会员，无需重复申请');
    this.assertComplete(dto);
    if (dto.orgId && !(await this.orgs.existsBy({ id: dto.orgId }))) {
      throw AppException.invalid('orgId', '所选工会不存在');
    }
    if (dto.proofPhotoId)
      await this.uploads.requireOwned(userId, dto.proofPhotoId, 'membership_proof', 'proofPhotoId');

    let id: number;
    try {
      const inserted = await this.applications.insert({
        userId,
        pendingUserId: userId,
        realName: dto.realName,
        phoneCipher: this.cipher.encrypt(dto.phone),
        phoneHash: this.cipher.lookupHash(dto.phone),
        orgId: dto.orgId ?? null,
        orgNotListed: dto.orgId ? null : (dto.orgNotListed ?? null),
        category: dto.category,
        platform: isGigCategory(dto.category) ? (dto.platform ?? null) : null,
        proofUploadId: isGigCategory(dto.category) ? (dto.proofPhotoId ?? null) : null,
      });
      id = Number(inserted.identifiers[0].id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppException('APPLICATION_PENDING');
      throw error;
    }
    return this.ownView(await this.load(id));
  }

  async mine(userId: number): Promise<ApplicationView[]> {
    const rows = await this.applications.find({
      where: { userId },
      relations: { org: true },
      order: { id: 'DESC' },
      take: 20,
    });
    return rows.map((a) => this.ownView(a));
  }

  async card(userId: number): Promise<MemberCardView> {
    const user = await this.users.findOne({ where: { id: userId }, relations: { org: true } });
    const card = user && toMemberCard(user);
    if (!card) throw AppException.notFound('你还不是工会会员');
    return card;
  }

  async list(staff: AuthUser, query: ListApplicationsQuery): Promise<Page<ReviewApplicationView>> {
    const scope = await this.scope.scopeOf(staff);
    const qb = this.applications
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.org', 'o')
      .orderBy('a.id', 'ASC')
      .skip(query.skip)
      .take(query.pageSize);
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    // "My org is not listed" applications have no org yet: the district (admins) sorts them out.
    if (!scope.all) qb.andWhere(...OrgScopeService.pathCondition(scope, 'o.path'));
    const [rows, total] = await qb.getManyAndCount();
    const deciders = await this.deciderNames(rows);
    return {
      items: rows.map((a) => this.reviewView(a, deciders)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The applicant or staff in scope; anyone else gets 404, so existence is not disclosed. */
  async get(viewer: AuthUser, id: number): Promise<ApplicationView | ReviewApplicationView> {
    const application = await this.applications.findOne({ where: { id }, relations: { org: true } });
    if (application?.userId === viewer.id) return this.ownView(application);
    if (!application || !this.inScope(await this.scope.scopeOf(viewer), application))
      throw AppException.notFound('申请不存在');
    return this.reviewView(application, await this.deciderNames([application]));
  }

  async approve(staff: AuthUser, id: number): Promise<ReviewApplicationView> {
    const application = await this.loadForDecision(staff, id);
    const memberNo = memberNumber(application);
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      await this.claimDecision(manager.getRepository(MembershipApplication), id, {
        status: 'approved',
        memberNo,
        decidedBy: staff.id,
        decidedAt: now,
      });
      const applicant = await manager.findOneByOrFail(User, { id: application.userId });
      await manager.update(User, applicant.id, {
        membership: 'member',
        memberNo,
        memberSince: now,
        realName: application.realName,
        category: application.category,
        ...(application.orgId ? { orgId: application.orgId } : {}),
        // Verification of the gig category rides on this review: proof was seen and accepted.
        ...(application.proofUploadId && isGigCategory(application.category) ? { gigVerified: true } : {}),
        ...(applicant.phoneCipher
          ? {}
          : { phoneCipher: application.phoneCipher, phoneHash: application.phoneHash }),
      });
    });
    await this.notifications.notify(application.userId, {
      kind: 'application_approved',
      title: '入会申请已通过',
      body: `欢迎加入工会！你的会员编号是 ${memberNo}，可在“我的 → 会员证”查看电子会员证。`,
      page: CARD_PAGE,
      subscribe: {
        template: 'application_reviewed',
        data: reviewedTemplateData(APPLICATION_STATUS_LABELS.approved, `会员编号 ${memberNo}`, now),
      },
    });
    return this.get(staff, id) as Promise<ReviewApplicationView>;
  }

  async reject(staff: AuthUser, id: number, reason: string): Promise<ReviewApplicationView> {
    const application = await this.loadForDecision(staff, id);
    const now = new Date();
    await this.claimDecision(this.applications, id, {
      status: 'rejected',
      rejectReason: reason,
      decidedBy: staff.id,
      decidedAt: now,
    });
    await this.notifications.notify(application.userId, {
      kind: 'application_rejected',
      title: '入会申请未通过',
      body: `原因：${reason}。你可以修改后重新申请。`,
      page: APPLY_PAGE,
      subscribe: {
        template: 'application_reviewed',
        data: reviewedTemplateData(APPLICATION_STATUS_LABELS.rejected, reason, now),
      },
    });
    return this.get(staff, id) as Promise<ReviewApplicationView>;
  }

  /** Gig workers must name their platform and show proof; everyone names an org or describes it. */
  private assertComplete(dto: SubmitApplicationDto): void {
    if (!dto.orgId && !dto.orgNotListed)
      throw AppException.invalid('orgId', '请选择所在工会，或填写单位名称');
    if (isGigCategory(dto.category)) {
      if (!dto.platform) throw AppException.invalid('platform', '请填写所在平台');
      if (!dto.proofPhotoId) throw AppException.invalid('proofPhotoId', '请上传从业证明照片');
    }
  }

  private async loadForDecision(staff: AuthUser, id: number): Promise<MembershipApplication> {
    const application = await this.applications.findOne({ where: { id }, relations: { org: true } });
    if (!application || !this.inScope(await this.scope.scopeOf(staff), application))
      throw AppException.notFound('申请不存在');
    if (application.status !== 'pending') throw new AppException('ALREADY_DECIDED');
    return application;
  }

  /** Decides exactly once: the conditional update is what stops two reviewers deciding the same application. */
  private async claimDecision(
    repo: Repository<MembershipApplication>,
    id: number,
    changes: Partial<MembershipApplication>,
  ): Promise<void> {
    const result = await repo.update({ id, status: 'pending' }, { ...changes, pendingUserId: null });
    if (!result.affected) throw new AppException('ALREADY_DECIDED');
  }

  private inScope(scope: OrgScope, application: MembershipApplication): boolean {
    if (scope.all) return true;
    return !!application.org && this.scope.contains(scope, application.org);
  }

  private load(id: number): Promise<MembershipApplication> {
    return this.applications.findOneOrFail({ where: { id }, relations: { org: true } });
  }

  private ownView(application: MembershipApplication): ApplicationView {
    return toApplicationView(application, this.cipher, this.proofUrl(application));
  }

  private reviewView(
    application: MembershipApplication,
    deciders: Map<number, string>,
  ): ReviewApplicationView {
    const decider = application.decidedBy === null ? null : (deciders.get(application.decidedBy) ?? null);
    return toReviewView(application, this.cipher, this.proofUrl(application), decider);
  }

  private proofUrl(application: MembershipApplication): string | null {
    return application.proofUploadId ? this.uploads.signedUrl(application.proofUploadId) : null;
  }

  private async deciderNames(rows: MembershipApplication[]): Promise<Map<number, string>> {
    const ids = [...new Set(rows.map((a) => a.decidedBy).filter((id): id is number => id !== null))];
    if (!ids.length) return new Map();
    const users = await this.users.find({
      select: { id: true, realName: true, nickname: true },
      where: { id: In(ids) },
    });
    return new Map(users.map((u) => [u.id, u.realName ?? u.nickname ?? `工作人员${u.id}`]));
  }
}

/** `JK` + year + the application id: unique by construction (ids are), readable on a card. */
export function memberNumber(application: Pick<MembershipApplication, 'id' | 'createdAt'>): string {
  return `JK${application.createdAt.getUTCFullYear()}${String(application.id).padStart(6, '0')}`;
}

/**
 * Fields of the "审核结果通知" subscribe template as configured in the mini-program's console:
 * thing1 item, phrase2 result, thing3 remark (≤ 20 chars), time4 time.
 */
function reviewedTemplateData(result: string, remark: string, at: Date): Record<string, string> {
  return {
    thing1: '工会入会申请',
    phrase2: result,
    thing3: remark.slice(0, 20),
    time4: at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16),
  };
}
