import { Injectable } from '@nestjs/common';
import {
  AID_KIND_LABELS,
  AID_STATUS_LABELS,
  AID_TRANSITIONS,
  MINIAPP_PAGES,
  maskPhone,
  staffName,
  wechatPage,
  type AidApplicationView,
  type Page,
} from '@jingcai/shared';
import { isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { AppException } from '../../common/errors/app-exception';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import { NotificationsService } from '../notifications/notifications.service';
import { toOrgSummary } from '../orgs/org.mapper';
import { OrgScopeService } from '../orgs/org-scope.service';
import { UsersRepository } from '../users/users.repository';
import { UploadsService } from '../uploads/uploads.service';
import { AidRepository } from './aid.repository';
import type { AidQueryDto } from './dto/aid-query.dto';
import type { ChangeAidStatusDto } from './dto/change-aid-status.dto';
import type { CreateAidApplicationDto } from './dto/create-aid-application.dto';
import type { AidApplication } from './entities/legal.entities';
import { LegalQuestionsService } from './legal-questions.service';
import { maskPersonalNumbers } from './personal-numbers';

/** Legal aid and mediation applications: the worker applies, staff in scope move it along, the worker hears of each step. */
@Injectable()
export class LegalAidService {
  constructor(
    private readonly applications: AidRepository,
    private readonly users: UsersRepository,
    private readonly scope: OrgScopeService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly questions: LegalQuestionsService,
    private readonly contentSafety: ContentSafetyService,
    private readonly cipher: PiiCipher,
  ) {}

  async apply(user: AuthUser, dto: CreateAidApplicationDto): Promise<AidApplicationView> {
    const applicant = await this.users.author(user.id);
    if (!applicant) throw AppException.notFound();
    const photoIds = [...new Set(dto.photoIds ?? [])];
    for (const id of photoIds) await this.uploads.requireOwned(user.id, id, 'legal_photo', 'photoIds');
    await this.contentSafety.checkText(applicant, { facts: dto.facts, employer: dto.employer }, 'profile');
    await this.contentSafety.checkPhotos(applicant, photoIds, 'profile');
    const id = await this.applications.create({
      applicantId: user.id,
      orgId: applicant.orgId,
      orgPath: applicant.orgPath,
      kind: dto.kind,
      facts: dto.facts,
      employer: dto.employer,
      amountFen: Math.round(dto.amountInDispute * 100),
      photoIds,
    });
    return this.view(user, id);
  }

  async mine(userId: number): Promise<AidApplicationView[]> {
    const rows = await this.applications.ofApplicant(userId);
    return Promise.all(rows.map((a) => this.toView(a, userId)));
  }

  async list(staff: AuthUser, query: AidQueryDto): Promise<Page<AidApplicationView>> {
    const scope = isAdmin(staff) ? { all: true as const } : await this.scope.scopeOf(staff);
    const [rows, total] = await this.applications.pageInScope(
      scope,
      query.status,
      query.skip,
      query.pageSize,
    );
    return {
      items: await Promise.all(rows.map((a) => this.toView(a, staff.id))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The applicant's own, or one in a staff member's subtree; 404 alike for everything else. */
  async view(user: AuthUser, id: number): Promise<AidApplicationView> {
    const application = await this.applications.withPeople(id);
    const mine = application?.applicantId === user.id;
    if (!application || (!mine && !(await this.questions.canStaffRead(user, application.orgPath)))) {
      throw AppException.notFound('申请不存在');
    }
    return this.toView(application, user.id);
  }

  /**
   * One step along received → accepted | declined, accepted → in progress → concluded. The update is
   * conditional on the status it moves from, so two staff deciding at once cannot both succeed.
   */
  async changeStatus(staff: AuthUser, id: number, dto: ChangeAidStatusDto): Promise<AidApplicationView> {
    const application = await this.applications.byId(id);
    if (!application) throw AppException.notFound('申请不存在');
    // Nobody decides their own application.
    if (application.applicantId === staff.id) throw new AppException('OWN_RECORD', '不能处理本人的申请');
    if (!(await this.questions.canStaffRead(staff, application.orgPath))) {
      throw AppException.notFound('申请不存在');
    }
    if (!AID_TRANSITIONS[application.status].includes(dto.status)) {
      throw new AppException(
        'STATUS_LOCKED',
        `当前状态为「${AID_STATUS_LABELS[application.status]}」，不能改为「${AID_STATUS_LABELS[dto.status]}」`,
      );
    }
    if (dto.status === 'declined' && !dto.note) throw AppException.invalid('note', '不予受理时请说明理由');
    const moved = await this.applications.move(
      id,
      application.status,
      dto.status,
      dto.note ?? null,
      staff.id,
    );
    if (!moved) throw new AppException('ALREADY_DECIDED', '该申请已被其他工作人员处理，请刷新');
    await this.notifications.notify(application.applicantId, {
      kind: 'aid_status_changed',
      title: `${AID_KIND_LABELS[application.kind]}申请：${AID_STATUS_LABELS[dto.status]}`,
      body: dto.note ? `说明：${dto.note}` : '你的申请状态已更新，点击查看进度。',
      page: wechatPage(MINIAPP_PAGES.legalAid, { id }),
    });
    return this.view(staff, id);
  }

  /** As `viewerId` reads it: phone and ID numbers in free text are masked for all but its writer. */
  private async toView(a: AidApplication, viewerId: number): Promise<AidApplicationView> {
    const steps = await this.applications.stepsOf(a.id);
    const applicant = a.applicant!;
    const mine = a.applicantId === viewerId;
    const byApplicant = (text: string) => (mine ? text : maskPersonalNumbers(text));
    // Photos still under (or refused by) content safety are for the applicant's eyes only.
    const withheld = mine ? new Set<string>() : await this.contentSafety.withheldPhotos(a.photoIds);
    return {
      id: a.id,
      kind: a.kind,
      facts: byApplicant(a.facts),
      employer: byApplicant(a.employer),
      amountInDispute: a.amountFen / 100,
      status: a.status,
      applicant: {
        id: applicant.id,
        name: staffName(applicant),
        org: a.org ? toOrgSummary(a.org) : null,
        phone: applicant.phoneCipher ? maskPhone(this.cipher.decrypt(applicant.phoneCipher)) : null,
      },
      photos: a.photoIds
        .filter((photoId) => !withheld.has(photoId))
        .map((photoId) => ({ id: photoId, url: this.uploads.signedUrl(photoId) })),
      steps: steps.map((s) => ({
        status: s.status,
        note: s.note === null || s.actorId === viewerId ? s.note : maskPersonalNumbers(s.note),
        at: s.createdAt.toISOString(),
      })),
      createdAt: a.createdAt.toISOString(),
    };
  }
}
