import { Injectable } from '@nestjs/common';
import {
  STATUS_AT_STEP,
  type AssistanceApplicationView,
  type AssistanceStatus,
  type Page,
} from '@jingcai/shared';
import { hasRole, isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import type { PageQuery } from '../../common/http/pagination';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository, type PersonFacts } from '../users/users.repository';
import { ApplicationSecretsCodec } from './application-secrets';
import { ApplicationViews } from './application-views';
import { activeKeyOf, ApplicationsRepository } from './applications.repository';
import { applicationNotice, filedOnBehalfNotice } from './assistance-notices';
import { AssistanceAccess } from './assistance-access';
import type { CreateApplicationDto } from './dto/create-application.dto';
import type { UpdateApplicationDto } from './dto/update-application.dto';
import type { AssistanceApplication } from './entities/assistance-application.entity';
import { streetLevelOf } from './review-levels';

const WITHDRAWABLE: AssistanceStatus[] = ['submitted', 'checked', 'approved', 'returned'];

/**
 * A worker's side of hardship applications: apply (or staff apply for a worker of their subtree, with the
 * worker's consent recorded), follow each step, edit and resubmit a returned one, withdraw. An application
 * exists only for its applicant (and whoever filed it) here; staff read it through the review routes.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly views: ApplicationViews,
    private readonly codec: ApplicationSecretsCodec,
    private readonly access: AssistanceAccess,
    private readonly users: UsersRepository,
    private readonly uploads: UploadsService,
    private readonly contentSafety: ContentSafetyService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, dto: CreateApplicationDto): Promise<AssistanceApplicationView> {
    const onBehalf = dto.onBehalfOfUserId !== undefined && dto.onBehalfOfUserId !== user.id;
    const applicant = onBehalf ? await this.onBehalfOf(user, dto) : await this.users.facts(user.id);
    if (!applicant) throw AppException.notFound('职工不存在');
    if (applicant.orgId === null || applicant.orgPath === null) throw new AppException('ASSISTANCE_NO_ORG');
    const documentIds = await this.ownedUploads(user, dto.documentUploadIds, 'documentUploadIds');
    await this.screen(user, { familySituation: dto.familySituation, reasons: dto.reasons }, documentIds);
    const id = await this.applications.insert({
      applicantId: applicant.id,
      filedBy: onBehalf ? user.id : null,
      consentRecordedAt: onBehalf ? this.clock.now() : null,
      orgId: applicant.orgId,
      orgPath: applicant.orgPath,
      streetOrgId: streetLevelOf(applicant.orgPath),
      kind: dto.kind,
      householdSize: dto.householdSize,
      ...this.codec.seal({ ...dto, documentIds }),
    });
    if (id === null) throw new AppException('ASSISTANCE_OPEN_APPLICATION');
    await this.applications.addEvent({
      applicationId: id,
      action: 'submitted',
      step: null,
      actorId: user.id,
      noteCipher: null,
    });
    if (onBehalf)
      await this.notifications.notify(applicant.id, filedOnBehalfNotice(id, dto.kind, this.clock.now()));
    return this.views.forApplicant((await this.applications.byId(id))!);
  }

  async mine(user: AuthUser, query: PageQuery): Promise<Page<AssistanceApplicationView>> {
    const [rows, total] = await this.applications.pageOfApplicant(user.id, query.skip, query.pageSize);
    const items: AssistanceApplicationView[] = [];
    for (const row of rows) items.push(await this.views.forApplicant(row));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async mineOne(user: AuthUser, id: number): Promise<AssistanceApplicationView> {
    return this.views.forApplicant(await this.own(user, id));
  }

  /** The applicant (or the staff who filed it) edits a returned application; it goes back to the step that returned it. */
  async update(user: AuthUser, id: number, dto: UpdateApplicationDto): Promise<AssistanceApplicationView> {
    const app = await this.own(user, id, true);
    if (app.status !== 'returned' || !app.returnedStep) {
      throw new AppException('STATUS_LOCKED', '只有被退回的申请可以修改后重新提交');
    }
    const secrets = this.codec.open(app);
    const documentIds =
      dto.documentUploadIds === undefined
        ? secrets.documentIds
        : await this.ownedUploads(user, dto.documentUploadIds, 'documentUploadIds');
    const added = documentIds.filter((d) => !secrets.documentIds.includes(d));
    await this.screen(user, { familySituation: dto.familySituation, reasons: dto.reasons }, added);
    const status = STATUS_AT_STEP[app.returnedStep];
    const moved = await this.applications.resubmit(id, activeKeyOf(app.applicantId, app.kind), {
      status,
      returnedStep: null,
      returnReasonCipher: null,
      householdSize: dto.householdSize ?? app.householdSize,
      ...this.codec.seal({
        familySituation: dto.familySituation ?? secrets.familySituation,
        monthlyIncomePerMember: dto.monthlyIncomePerMember ?? secrets.monthlyIncomePerMember,
        reasons: dto.reasons ?? secrets.reasons,
        documentIds,
      }),
    });
    if (moved === null) throw new AppException('ASSISTANCE_OPEN_APPLICATION');
    if (!moved) throw new AppException('STATUS_LOCKED', '该申请已重新提交或已撤回');
    await this.applications.addEvent({
      applicationId: id,
      action: 'resubmitted',
      step: app.returnedStep,
      actorId: user.id,
      noteCipher: null,
    });
    if (app.applicantId !== user.id) {
      await this.notifications.notify(
        app.applicantId,
        applicationNotice(id, app.kind, 'submitted', this.clock.now()),
      );
    }
    return this.views.forApplicant((await this.applications.byId(id))!);
  }

  /** The applicant withdraws an application that is not yet granted. */
  async withdraw(user: AuthUser, id: number): Promise<AssistanceApplicationView> {
    const app = await this.own(user, id);
    if (!WITHDRAWABLE.includes(app.status)) throw new AppException('STATUS_LOCKED', '该申请已发放或已撤回');
    const moved = await this.applications.transition(id, app.status, {
      status: 'withdrawn',
      activeKey: null,
      returnedStep: null,
    });
    if (!moved) throw new AppException('STATUS_LOCKED', '申请状态已变化，请刷新后重试');
    await this.applications.addEvent({
      applicationId: id,
      action: 'withdrawn',
      step: null,
      actorId: user.id,
      noteCipher: null,
    });
    return this.views.forApplicant((await this.applications.byId(id))!);
  }

  /** Staff (or admins) apply for a worker of their subtree; the worker's consent must have been recorded. */
  private async onBehalfOf(user: AuthUser, dto: CreateApplicationDto): Promise<PersonFacts | null> {
    if (!isAdmin(user) && !hasRole(user, 'staff'))
      throw AppException.forbidden('只有工会工作人员可以代为申请');
    if (dto.consentRecorded !== true) {
      throw AppException.invalid('consentRecorded', '代为申请前须征得职工本人同意');
    }
    const facts = await this.users.facts(dto.onBehalfOfUserId!);
    // A worker outside the caller's subtree is answered like one who does not exist.
    if (!facts || facts.orgPath === null || !(await this.access.canStaffRead(user, facts.orgPath)))
      return null;
    return facts;
  }

  /** The caller's own application (or, with `filer`, one they filed); 404 for anyone else. */
  private async own(user: AuthUser, id: number, filer = false): Promise<AssistanceApplication> {
    const app = await this.applications.byId(id);
    if (!app || (app.applicantId !== user.id && !(filer && app.filedBy === user.id))) {
      throw AppException.notFound('帮扶申请不存在');
    }
    return app;
  }

  private async ownedUploads(user: AuthUser, ids: string[] | undefined, field: string): Promise<string[]> {
    const unique = [...new Set(ids ?? [])];
    for (const id of unique) await this.uploads.requireOwned(user.id, id, 'assistance_document', field);
    return unique;
  }

  /** Staff read what the family wrote: it passes the content check first (refused, not held, on review). */
  private async screen(
    user: AuthUser,
    fields: Record<string, string | undefined>,
    photoIds: string[],
  ): Promise<void> {
    const author = await this.users.author(user.id);
    if (!author) throw AppException.notFound();
    const writer = { id: author.id, openid: author.openid, orgId: author.orgId };
    await this.contentSafety.checkText(writer, fields, 'profile');
    await this.contentSafety.checkPhotos(writer, photoIds, 'profile');
  }
}
