import { Injectable } from '@nestjs/common';
import {
  currentStepOf,
  shanghaiDay,
  staffName,
  type ApplicationAction,
  type ApplicationHistoryAction,
  type AssistanceStatus,
  type Page,
  type ReviewStep,
  type StaffApplicationSummary,
  type StaffApplicationView,
  type ViewLogEntry,
} from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository } from '../users/users.repository';
import { ApplicationSecretsCodec } from './application-secrets';
import { ApplicationViews } from './application-views';
import { ApplicationsRepository, type ApplicationChanges } from './applications.repository';
import { applicationNotice } from './assistance-notices';
import { AssistanceAccess } from './assistance-access';
import type { ApplicationQueryDto } from './dto/application-query.dto';
import type { GrantDto } from './dto/grant.dto';
import type { HomeVisitDto } from './dto/home-visit.dto';
import type { AssistanceApplication } from './entities/assistance-application.entity';
import { RegisterService } from './register.service';

/**
 * Staff's side: the queue of their subtree, the full record (every view logged), and the review up the tree
 * — check with a home visit, approve, grant — each step by the org `AssistanceAccess` names for it, each able
 * to return the application to the worker. Each step is one conditional UPDATE on the status, so it happens
 * once. Outside the subtree an application answers 404; the applicant never reviews their own (403).
 */
@Injectable()
export class ApplicationReviewService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly views: ApplicationViews,
    private readonly codec: ApplicationSecretsCodec,
    private readonly access: AssistanceAccess,
    private readonly register: RegisterService,
    private readonly users: UsersRepository,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: ApplicationQueryDto): Promise<Page<StaffApplicationSummary>> {
    const [rows, total] = await this.applications.queue({
      scope: await this.access.staffScope(user),
      status: query.status,
      kind: query.kind,
      skip: query.skip,
      take: query.pageSize,
    });
    return {
      items: await this.views.summaries(user, rows),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(user: AuthUser, id: number): Promise<StaffApplicationView> {
    return this.views.forStaff(user, await this.load(user, id));
  }

  /** 入户走访: recorded at the check step; recorded again it replaces the earlier record. */
  async visit(user: AuthUser, id: number, dto: HomeVisitDto): Promise<StaffApplicationView> {
    if (dto.date > shanghaiDay(this.clock.now())) throw AppException.invalid('date', '走访日期不能晚于今天');
    const photoIds = [...new Set(dto.photoUploadIds ?? [])];
    for (const photo of photoIds)
      await this.uploads.requireOwned(user.id, photo, 'assistance_photo', 'photoUploadIds');
    return this.act(user, id, 'visit', 'check', {
      changes: {
        visitDate: dto.date,
        visitVisitors: dto.visitors,
        visitNotesCipher: this.codec.sealNote(dto.notes),
        visitPhotoIdsCipher: this.codec.sealIds(photoIds),
        visitBy: user.id,
        visitAt: this.clock.now(),
      },
      event: { action: 'visited', note: null },
    });
  }

  async check(user: AuthUser, id: number, note?: string): Promise<StaffApplicationView> {
    return this.act(user, id, 'check', 'check', {
      changes: { status: 'checked' },
      event: { action: 'checked', note },
      precondition: (app) => {
        if (app.visitNotesCipher === null) throw new AppException('ASSISTANCE_VISIT_REQUIRED');
      },
    });
  }

  async approve(user: AuthUser, id: number, note?: string): Promise<StaffApplicationView> {
    return this.act(user, id, 'approve', 'approve', {
      changes: { status: 'approved' },
      event: { action: 'approved', note },
    });
  }

  /** The district grants: the application closes (a new one of its kind may follow) and the family is registered. */
  async grant(user: AuthUser, id: number, dto: GrantDto): Promise<StaffApplicationView> {
    if (dto.date > shanghaiDay(this.clock.now())) throw AppException.invalid('date', '发放日期不能晚于今天');
    return this.act(user, id, 'grant', 'grant', {
      changes: {
        status: 'granted',
        activeKey: null,
        grantAmountFen: Math.round(dto.amount * 100),
        grantKind: dto.kind,
        grantDate: dto.date,
        grantedAt: this.clock.now(),
      },
      event: { action: 'granted', note: null },
      after: (app) => this.register.registerFromGrant(app, user.id),
    });
  }

  /** Back to the worker with a reason they read, from whichever step it waits at. */
  async return(user: AuthUser, id: number, reason: string): Promise<StaffApplicationView> {
    const app = await this.load(user, id);
    const step = currentStepOf(app.status);
    if (!step) throw new AppException('STATUS_LOCKED', '该申请当前不在审核中，不能退回');
    return this.act(user, id, 'return', step, {
      changes: { status: 'returned', returnedStep: step, returnReasonCipher: this.codec.sealNote(reason) },
      event: { action: 'returned', note: reason },
      loaded: app,
    });
  }

  /** The view log (admins): who opened the application, when. */
  async viewLog(id: number): Promise<ViewLogEntry[]> {
    if (!(await this.applications.byId(id))) throw AppException.notFound('帮扶申请不存在');
    const rows = await this.applications.viewsOf(id);
    const names = await this.users.namesOf([...new Set(rows.map((r) => r.viewerId))]);
    return rows.map((r) => ({
      viewerId: r.viewerId,
      viewerName: staffName(names.get(r.viewerId)),
      action: r.action,
      at: r.createdAt.toISOString(),
    }));
  }

  /** The application if `user` is staff in scope and not its applicant (404 / 403 otherwise). */
  async load(user: AuthUser, id: number): Promise<AssistanceApplication> {
    const app = await this.applications.byId(id);
    if (!app) throw AppException.notFound('帮扶申请不存在');
    await this.access.assertStaffRead(user, app.orgPath, [app.applicantId], '帮扶申请');
    return app;
  }

  /**
   * One review action: in scope and not one's own, the application at `step`, the caller acting at that step,
   * then the conditional UPDATE, the history line, the applicant told (when the status moved), the full view.
   */
  private async act(
    user: AuthUser,
    id: number,
    action: ApplicationAction,
    step: ReviewStep,
    plan: {
      changes: ApplicationChanges;
      event: { action: ApplicationHistoryAction; note: string | null | undefined };
      precondition?: (app: AssistanceApplication) => void;
      after?: (app: AssistanceApplication) => Promise<void>;
      loaded?: AssistanceApplication;
    },
  ): Promise<StaffApplicationView> {
    const app = plan.loaded ?? (await this.load(user, id));
    if (currentStepOf(app.status) !== step)
      throw new AppException('STATUS_LOCKED', '该申请当前不在这一审核步骤');
    await this.access.assertActs(user, app, action);
    plan.precondition?.(app);
    const from: AssistanceStatus = app.status;
    if (!(await this.applications.transition(id, from, plan.changes))) {
      throw new AppException('STATUS_LOCKED', '申请状态已变化，请刷新后重试');
    }
    await this.applications.addEvent({
      applicationId: id,
      action: plan.event.action,
      step,
      actorId: user.id,
      noteCipher: this.codec.sealNote(plan.event.note),
    });
    await plan.after?.(app);
    const next = plan.changes.status;
    if (next)
      await this.notifications.notify(
        app.applicantId,
        applicationNotice(id, app.kind, next, this.clock.now()),
      );
    return this.views.forStaff(user, (await this.applications.byId(id))!);
  }
}
