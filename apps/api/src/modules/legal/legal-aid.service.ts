import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AID_KIND_LABELS,
  AID_STATUS_LABELS,
  AID_TRANSITIONS,
  maskPhone,
  type AidApplicationView,
  type Page,
} from '@jingcai/shared';
import { DataSource, Repository } from 'typeorm';
import { isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { AppException } from '../../common/errors/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import { toOrgSummary } from '../orgs/org.mapper';
import { OrgScopeService } from '../orgs/org-scope.service';
import { UploadsService } from '../uploads/uploads.service';
import { User } from '../users/entities/user.entity';
import type { AidApplicationDto, AidQueryDto, AidStatusDto } from './dto/legal.dto';
import { AidApplication, AidStep } from './entities/legal.entities';
import { LegalQuestionsService } from './legal-questions.service';

const AID_PAGE = 'packages/legal/pages/aid/index';

/** Legal aid and mediation applications: the worker applies, staff in scope move it along, the worker hears of each step. */
@Injectable()
export class LegalAidService {
  constructor(
    @InjectRepository(AidApplication) private readonly applications: Repository<AidApplication>,
    @InjectRepository(AidStep) private readonly steps: Repository<AidStep>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
    private readonly scope: OrgScopeService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly questions: LegalQuestionsService,
    private readonly cipher: PiiCipher,
  ) {}

  async apply(user: AuthUser, dto: AidApplicationDto): Promise<AidApplicationView> {
    const applicant = await this.users.findOneOrFail({ where: { id: user.id }, relations: { org: true } });
    const photoIds = [...new Set(dto.photoIds ?? [])];
    for (const id of photoIds) await this.uploads.requireOwned(user.id, id, 'legal_photo', 'photoIds');
    const id = await this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(AidApplication, {
        applicantId: user.id,
        orgId: applicant.orgId,
        orgPath: applicant.org?.path ?? null,
        kind: dto.kind,
        facts: dto.facts,
        employer: dto.employer,
        amountFen: Math.round(dto.amountInDispute * 100),
        photoIds,
        status: 'received',
      });
      const applicationId = Number(identifiers[0].id);
      await manager.insert(AidStep, { applicationId, status: 'received', note: null, actorId: user.id });
      return applicationId;
    });
    return this.view(user, id);
  }

  async mine(userId: number): Promise<AidApplicationView[]> {
    const rows = await this.applications.find({
      where: { applicantId: userId },
      relations: { applicant: true, org: true },
      order: { id: 'DESC' },
      take: 100,
    });
    return Promise.all(rows.map((a) => this.toView(a)));
  }

  async list(staff: AuthUser, query: AidQueryDto): Promise<Page<AidApplicationView>> {
    const qb = this.applications
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.applicant', 'applicant')
      .leftJoinAndSelect('a.org', 'org')
      .orderBy('a.id', 'DESC')
      .skip(query.skip)
      .take(query.pageSize);
    if (!isAdmin(staff))
      qb.andWhere(...OrgScopeService.pathCondition(await this.scope.scopeOf(staff), 'a.org_path'));
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    const [rows, total] = await qb.getManyAndCount();
    return {
      items: await Promise.all(rows.map((a) => this.toView(a))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The applicant's own, or one in a staff member's subtree; 404 alike for everything else. */
  async view(user: AuthUser, id: number): Promise<AidApplicationView> {
    const application = await this.applications.findOne({
      where: { id },
      relations: { applicant: true, org: true },
    });
    const mine = application?.applicantId === user.id;
    if (!application || (!mine && !(await this.questions.canStaffRead(user, application.orgPath)))) {
      throw AppException.notFound('申请不存在');
    }
    return this.toView(application);
  }

  /**
   * One step along received → accepted | declined, accepted → in progress → concluded. The update is
   * conditional on the status it moves from, so two staff deciding at once cannot both succeed.
   */
  async changeStatus(staff: AuthUser, id: number, dto: AidStatusDto): Promise<AidApplicationView> {
    const application = await this.applications.findOneBy({ id });
    if (!application || !(await this.questions.canStaffRead(staff, application.orgPath))) {
      throw AppException.notFound('申请不存在');
    }
    if (!AID_TRANSITIONS[application.status].includes(dto.status)) {
      throw new AppException(
        'STATUS_LOCKED',
        `当前状态为「${AID_STATUS_LABELS[application.status]}」，不能改为「${AID_STATUS_LABELS[dto.status]}」`,
      );
    }
    if (dto.status === 'declined' && !dto.note) throw AppException.invalid('note', '不予受理时请说明理由');
    const moved = await this.dataSource.transaction(async (manager) => {
      const { affected } = await manager.update(
        AidApplication,
        { id, status: application.status },
        { status: dto.status },
      );
      if (!affected) return false;
      await manager.insert(AidStep, {
        applicationId: id,
        status: dto.status,
        note: dto.note ?? null,
        actorId: staff.id,
      });
      return true;
    });
    if (!moved)
      throw new AppException('ALREADY_DECIDED', '该申请已被其他工作人员处理，请刷新');
    await this.notifications.notify(application.applicantId, {
      kind: 'aid_status_changed',
      title: `${AID_KIND_LABELS[application.kind]}申请：${AID_STATUS_LABELS[dto.status]}`,
      body: dto.note ? `说明：${dto.note}` : '你的申请状态已更新，点击查看进度。',
      page: `${AID_PAGE}?id=${id}`,
    });
    return this.view(staff, id);
  }

  private async toView(a: AidApplication): Promise<AidApplicationView> {
    const steps = await this.steps.find({ where: { applicationId: a.id }, order: { id: 'ASC' } });
    const applicant = a.applicant!;
    return {
      id: a.id,
      kind: a.kind,
      facts: a.facts,
      employer: a.employer,
      amountInDispute: a.amountFen / 100,
      status: a.status,
      applicant: {
        id: applicant.id,
        name: applicant.realName ?? applicant.nickname ?? '职工',
        org: a.org ? toOrgSummary(a.org) : null,
        phone: applicant.phoneCipher ? maskPhone(this.cipher.decrypt(applicant.phoneCipher)) : null,
      },
      photos: a.photoIds.map((photoId) => ({ id: photoId, url: this.uploads.signedUrl(photoId) })),
      steps: steps.map((s) => ({ status: s.status, note: s.note, at: s.createdAt.toISOString() })),
      createdAt: a.createdAt.toISOString(),
    };
  }
}
