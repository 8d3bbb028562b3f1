import { Injectable } from '@nestjs/common';
import { REGISTER_REVIEW_MONTHS, staffName, type Page, type RegisterEntryView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import { UserRolesRepository } from '../users/user-roles.repository';
import { UsersRepository } from '../users/users.repository';
import { ApplicationSecretsCodec } from './application-secrets';
import { ApplicationViews } from './application-views';
import { AssistanceAccess } from './assistance-access';
import type { CreateRegisterEntryDto } from './dto/create-register-entry.dto';
import type { RegisterQueryDto } from './dto/register-query.dto';
import type { RegisterReviewDto } from './dto/register-review.dto';
import type { AssistanceRegisterEntry } from './entities/assistance-register-entry.entity';
import { RegisterRepository } from './register.repository';
import { pathIds, streetLevelOf } from './review-levels';

/** How many due reviews one run of the reminder job handles; the next run takes the rest. */
const REMINDERS_PER_RUN = 200;

/** `at` plus the yearly review interval. */
export function nextReviewDue(at: Date): Date {
  const due = new Date(at);
  due.setUTCMonth(due.getUTCMonth() + REGISTER_REVIEW_MONTHS);
  return due;
}

/**
 * The register of families in hardship (建档): a granted application puts the family on it, or staff of their
 * subtree do directly. It is what lets a family write a 微心愿 (self-declared hardship grants nothing). Each
 * family is reviewed once a year; the staff who check applications from its union are reminded when due.
 */
@Injectable()
export class RegisterService {
  constructor(
    private readonly register: RegisterRepository,
    private readonly access: AssistanceAccess,
    private readonly views: ApplicationViews,
    private readonly codec: ApplicationSecretsCodec,
    private readonly users: UsersRepository,
    private readonly roles: UserRolesRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: RegisterQueryDto): Promise<Page<RegisterEntryView>> {
    const [rows, total] = await this.register.queue({
      scope: await this.access.staffScope(user),
      status: query.status,
      dueBy: query.dueOnly ? this.clock.now() : undefined,
      skip: query.skip,
      take: query.pageSize,
    });
    return { items: await this.toViews(rows), total, page: query.page, pageSize: query.pageSize };
  }

  /** Staff of the worker's subtree put them on the register; nobody registers themselves. */
  async create(user: AuthUser, dto: CreateRegisterEntryDto): Promise<RegisterEntryView> {
    const facts = await this.users.facts(dto.userId);
    if (!facts || facts.orgId === null || facts.orgPath === null) throw AppException.notFound('职工不存在');
    await this.access.assertStaffRead(user, facts.orgPath, [facts.id], '困难职工档案');
    const id = await this.register.insert({
      userId: facts.id,
      orgId: facts.orgId,
      orgPath: facts.orgPath,
      streetOrgId: streetLevelOf(facts.orgPath),
      applicationId: null,
      registeredBy: user.id,
      noteCipher: this.codec.sealNote(dto.note),
      reviewDueAt: nextReviewDue(this.clock.now()),
    });
    if (id === null) throw new AppException('ASSISTANCE_ALREADY_REGISTERED');
    return (await this.toViews([(await this.register.byId(id))!]))[0];
  }

  /** A granted application puts the family on the register (unless it is there already). */
  async registerFromGrant(
    app: { id: number; applicantId: number; orgId: number; orgPath: string; streetOrgId: number },
    staffId: number,
  ): Promise<void> {
    await this.register.insert({
      userId: app.applicantId,
      orgId: app.orgId,
      orgPath: app.orgPath,
      streetOrgId: app.streetOrgId,
      applicationId: app.id,
      registeredBy: staffId,
      noteCipher: null,
      reviewDueAt: nextReviewDue(this.clock.now()),
    });
  }

  /** The yearly review: still in hardship → due again in a year; otherwise off the register. */
  async review(user: AuthUser, id: number, dto: RegisterReviewDto): Promise<RegisterEntryView> {
    const entry = await this.register.byId(id);
    if (!entry) throw AppException.notFound('档案不存在');
    await this.access.assertStaffRead(user, entry.orgPath, [entry.userId], '困难职工档案');
    const now = this.clock.now();
    const note = dto.note ? { noteCipher: this.codec.sealNote(dto.note) } : {};
    const done = await this.register.review(
      id,
      dto.stillInHardship
        ? { lastReviewedAt: now, reviewDueAt: nextReviewDue(now), ...note }
        : { lastReviewedAt: now, status: 'closed', activeKey: null, closedAt: now, ...note },
    );
    if (!done) throw new AppException('STATUS_LOCKED', '该档案已移出');
    return (await this.toViews([(await this.register.byId(id))!]))[0];
  }

  /** Whether the worker's family is on the register now. */
  activeEntryOf(userId: number): Promise<AssistanceRegisterEntry | null> {
    return this.register.activeOf(userId);
  }

  /**
   * The reminder job's run: for each family whose review fell due, the staff of the union that checks its
   * applications are told once (several instances may run this at once: `claimReminder` lets one through).
   */
  async remindDue(): Promise<number> {
    const due = await this.register.dueForReminder(this.clock.now(), REMINDERS_PER_RUN);
    if (!due.length) return 0;
    const staffed = await this.access.staffedOrgs();
    const grants = (await this.roles.assigneeGrants()).filter(
      (g) => g.role === 'staff' && g.orgPath !== null,
    );
    const names = await this.users.namesOf(due.map((e) => e.userId));
    let reminded = 0;
    for (const entry of due) {
      if (!(await this.register.claimReminder(entry))) continue;
      const checkOrg = (await this.access.stepOrgsOf(entry.orgPath, staffed)).check;
      const staff = new Set(
        grants.filter((g) => pathIds(g.orgPath!).at(-1) === checkOrg).map((g) => g.userId),
      );
      for (const staffId of staff) {
        await this.notifications.notify(staffId, {
          kind: 'assistance_review_due',
          title: '困难职工档案年度复核提醒',
          body: `${staffName(names.get(entry.userId))}家庭的困难职工档案已到年度复核时间，请在管理后台完成复核。`,
        });
      }
      reminded++;
    }
    return reminded;
  }

  private async toViews(rows: AssistanceRegisterEntry[]): Promise<RegisterEntryView[]> {
    const names = await this.users.namesOf([...new Set(rows.map((r) => r.userId))]);
    const orgs = await this.views.orgSummaries(rows.map((r) => r.orgId));
    const now = this.clock.now();
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      name: staffName(names.get(r.userId)),
      org: orgs.get(r.orgId)!,
      status: r.status,
      registeredAt: r.createdAt.toISOString(),
      applicationId: r.applicationId,
      reviewDueAt: r.reviewDueAt.toISOString(),
      lastReviewedAt: r.lastReviewedAt?.toISOString() ?? null,
      reviewOverdue: r.status === 'active' && r.reviewDueAt <= now,
      note: this.codec.openNote(r.noteCipher),
    }));
  }
}
