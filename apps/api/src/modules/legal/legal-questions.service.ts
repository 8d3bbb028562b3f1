import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  addWorkingDays,
  ANSWER_DUE_WORKING_DAYS,
  maskPhone,
  type AssigneeView,
  type LegalMessageAuthorRole,
  type LegalMessageView,
  type LegalQuestionSummaryView,
  type LegalQuestionView,
  type Page,
} from '@jingcai/shared';
import { DataSource, In, Repository, type SelectQueryBuilder } from 'typeorm';
import { hasRole, isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { withDeadlockRetry } from '../../common/database/deadlock-retry';
import { AppException } from '../../common/errors/app-exception';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import { NotificationsService } from '../notifications/notifications.service';
import { toOrgSummary } from '../orgs/org.mapper';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { displayName } from '../quiz/quiz-campaigns.service';
import type { Upload } from '../uploads/entities/upload.entity';
import { UploadsService } from '../uploads/uploads.service';
import { UserRole } from '../users/entities/user-role.entity';
import { User } from '../users/entities/user.entity';
import type { AskDto, InboxQueryDto, LegalMessageDto } from './dto/legal.dto';
import { AidApplication, LegalMessage, LegalQuestion } from './entities/legal.entities';

const PRIVATE_SCENE = 1;
const QUESTION_PAGE = 'packages/legal/pages/question/index';

/** Whether `viewer` reads as the asker, the assignee or staff in scope; anyone else gets nothing. */
export type QuestionAccess = 'asker' | 'assignee' | 'staff';

/**
 * Questions and their threads. Privacy first: a question exists only for its asker, its assignee and
 * staff/admin whose subtree holds the asker's org; for everyone else every route answers 404, so not even
 * the existence of a question leaks. Lawyers never see the asker's phone.
 */
@Injectable()
export class LegalQuestionsService implements OnModuleInit {
  constructor(
    @InjectRepository(LegalQuestion) private readonly questions: Repository<LegalQuestion>,
    @InjectRepository(LegalMessage) private readonly messages: Repository<LegalMessage>,
    @InjectRepository(AidApplication) private readonly aid: Repository<AidApplication>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(UserRole) private readonly roles: Repository<UserRole>,
    private readonly dataSource: DataSource,
    private readonly scope: OrgScopeService,
    private readonly contentSafety: ContentSafetyService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly cipher: PiiCipher,
    private readonly clock: Clock,
  ) {}

  /** A photo in a thread or an aid application is visible to whoever may read that record. */
  onModuleInit(): void {
    this.uploads.registerAccessPolicy('legal_photo', async (viewer: AuthUser, upload: Upload) => {
      const pattern = `%${upload.id}%`;
      const message = await this.messages
        .createQueryBuilder('m')
        .where('m.author_id = :owner AND m.photo_ids LIKE :pattern', { owner: upload.ownerId, pattern })
        .getOne();
      if (message) return (await this.accessTo(viewer, message.questionId)) !== null;
      const application = await this.aid
        .createQueryBuilder('a')
        .where('a.applicant_id = :owner AND a.photo_ids LIKE :pattern', { owner: upload.ownerId, pattern })
        .getOne();
      return application !== null && (await this.canStaffRead(viewer, application.orgPath));
    });
  }

  async ask(user: AuthUser, dto: AskDto): Promise<LegalQuestionView> {
    const asker = await this.users.findOneOrFail({ where: { id: user.id }, relations: { org: true } });
    const photoIds = await this.ownPhotos(user.id, dto.photoIds);
    await this.screen(asker, `${dto.title}\n${dto.body}`);
    const now = this.clock.now();
    const id = await this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(LegalQuestion, {
        askerId: user.id,
        orgId: asker.orgId,
        orgPath: asker.org?.path ?? null,
        category: dto.category,
        title: dto.title,
        publicAllowed: dto.publicAllowed,
        status: 'new',
        dueAt: addWorkingDays(now, ANSWER_DUE_WORKING_DAYS),
        lastMessageAt: now,
        askerReadAt: now,
      });
      const questionId = Number(identifiers[0].id);
      await manager.insert(LegalMessage, {
        questionId,
        authorId: user.id,
        authorRole: 'asker',
        body: dto.body,
        photoIds,
        createdAt: now,
      });
      return questionId;
    });
    return this.get(user, id);
  }

  async mine(userId: number, page: number, pageSize: number): Promise<Page<LegalQuestionSummaryView>> {
    const [rows, total] = await this.questions.findAndCount({
      where: { askerId: userId },
      relations: { asker: true, assignee: true },
      order: { lastMessageAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: await this.summaries(rows, true), total, page, pageSize };
  }

  /** The whole thread; the asker opening it marks the answers read. */
  async get(user: AuthUser, id: number): Promise<LegalQuestionView> {
    const access = await this.accessTo(user, id);
    if (!access) throw notFound();
    if (access === 'asker') await this.questions.update(id, { askerReadAt: this.clock.now() });
    return this.view(user, id, access);
  }

  /**
   * The asker's follow-up (it re-opens the question and restarts the 3-working-day clock), or an answer
   * from the assignee or staff in scope (the asker is notified). Closed questions take no more messages.
   */
  async post(user: AuthUser, id: number, dto: LegalMessageDto): Promise<LegalMessageView> {
    const access = await this.accessTo(user, id);
    if (!access) throw notFound();
    const question = await this.questions.findOneByOrFail({ id });
    if (question.status === 'closed') throw new AppException('QUESTION_CLOSED', '该咨询已结束，如有新问题请重新提问');
    const photoIds = await this.ownPhotos(user.id, dto.photoIds);
    const now = this.clock.now();
    const role: LegalMessageAuthorRole =
      access === 'asker'
        ? 'asker'
        : hasRole(user, 'lawyer') && question.assigneeId === user.id
          ? 'lawyer'
          : 'staff';
    if (role === 'asker') await this.screen(await this.users.findOneByOrFail({ id: user.id }), dto.body);
    // The question row first: its exclusive lock comes before the message's foreign-key check would take
    // a shared one, so an answer and a follow-up arriving together queue instead of deadlocking.
    const messageId = await withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const { affected } = await manager.update(
          LegalQuestion,
          { id, status: In(['new', 'assigned', 'answered']) },
          role === 'asker'
            ? {
                status: question.assigneeId ? 'assigned' : 'new',
                dueAt: addWorkingDays(now, ANSWER_DUE_WORKING_DAYS),
                lastMessageAt: now,
                askerReadAt: now,
              }
            : { status: 'answered', dueAt: null, lastMessageAt: now },
        );
        if (!affected) throw new AppException('QUESTION_CLOSED', '该咨询已结束，如有新问题请重新提问');
        const { identifiers } = await manager.insert(LegalMessage, {
          questionId: id,
          authorId: user.id,
          authorRole: role,
          body: dto.body,
          photoIds,
          createdAt: now,
        });
        return Number(identifiers[0].id);
      }),
    );
    if (role !== 'asker') {
      await this.notifications.notify(question.askerId, {
        kind: 'legal_answered',
        title: '你的法律咨询有了新答复',
        body: `「${question.title}」收到了答复，点击查看。`,
        page: `${QUESTION_PAGE}?id=${id}`,
      });
    }
    const message = await this.messages.findOneByOrFail({ id: messageId });
    return (await this.messageViews([message], access))[0];
  }

  /** Only the asker, and only once someone has answered. */
  async close(user: AuthUser, id: number, rating: number, comment?: string): Promise<LegalQuestionView> {
    const access = await this.accessTo(user, id);
    if (access !== 'asker') throw notFound();
    const answered = await this.messages.existsBy({ questionId: id, authorRole: In(['lawyer', 'staff']) });
    if (!answered) throw new AppException('QUESTION_NOT_ANSWERED', '收到答复后才能结束咨询');
    const { affected } = await this.questions.update(
      { id, status: In(['new', 'assigned', 'answered']) },
      { status: 'closed', dueAt: null, rating, ratingComment: comment ?? null },
    );
    if (!affected) throw new AppException('QUESTION_CLOSED', '该咨询已结束');
    return this.view(user, id, access);
  }

  /** Staff: everything in their subtree; lawyers: what is assigned to them; both, for someone with both roles. */
  async inbox(user: AuthUser, query: InboxQueryDto): Promise<Page<LegalQuestionSummaryView>> {
    const qb = this.questions
      .createQueryBuilder('q')
      .leftJoinAndSelect('q.asker', 'asker')
      .leftJoinAndSelect('q.assignee', 'assignee')
      .orderBy('q.last_message_at', 'DESC')
      .addOrderBy('q.id', 'DESC')
      .skip(query.skip)
      .take(query.pageSize);
    await this.restrictToWorkbench(qb, user);
    if (query.status) qb.andWhere('q.status = :status', { status: query.status });
    if (query.category) qb.andWhere('q.category = :category', { category: query.category });
    if (query.overdue === true) qb.andWhere('q.due_at < :now', { now: this.clock.now() });
    if (query.overdue === false)
      qb.andWhere('(q.due_at IS NULL OR q.due_at >= :now)', { now: this.clock.now() });
    const [rows, total] = await qb.getManyAndCount();
    return { items: await this.summaries(rows, false), total, page: query.page, pageSize: query.pageSize };
  }

  /** Staff in scope hand a question to a lawyer or to staff whose subtree holds the asker's org. */
  async assign(user: AuthUser, id: number, assigneeId: number): Promise<LegalQuestionView> {
    const question = await this.questions.findOneBy({ id });
    if (!question || !(await this.canStaffRead(user, question.orgPath))) throw notFound();
    if (question.status === 'closed') throw new AppException('QUESTION_CLOSED', '该咨询已结束');
    const candidates = await this.assignees(user, id);
    if (!candidates.some((c) => c.id === assigneeId)) {
      throw AppException.invalid('userId', '只能分配给律师或本辖区的工作人员');
    }
    await this.questions.update(
      { id, status: In(['new', 'assigned', 'answered']) },
      { assigneeId, ...(question.status === 'new' ? { status: 'assigned' as const } : {}) },
    );
    await this.notifications.notify(assigneeId, {
      kind: 'legal_answered',
      title: '有一条法律咨询分配给你',
      body: `「${question.title}」等待你的解答。`,
      page: `${QUESTION_PAGE}?id=${id}`,
    });
    return this.view(user, id, 'staff');
  }

  /** Lawyers (district-wide) and staff whose subtree holds the asker's org. */
  async assignees(user: AuthUser, questionId: number): Promise<AssigneeView[]> {
    const question = await this.questions.findOneBy({ id: questionId });
    if (!question || !(await this.canStaffRead(user, question.orgPath))) throw notFound();
    const grants = await this.roles.find({
      where: { role: In(['lawyer', 'staff']) },
      relations: { org: true },
    });
    const ids = new Map<number, AssigneeView['role']>();
    for (const grant of grants) {
      if (grant.role === 'lawyer') ids.set(grant.userId, 'lawyer');
      else if (grant.org && question.orgPath?.startsWith(grant.org.path) && !ids.has(grant.userId))
        ids.set(grant.userId, 'staff');
    }
    if (!ids.size) return [];
    const people = await this.users.findBy({ id: In([...ids.keys()]) });
    return people
      .map((p) => ({ id: p.id, name: displayName(p), role: ids.get(p.id)! }))
      .sort((a, b) => (a.role === b.role ? a.id - b.id : a.role === 'lawyer' ? -1 : 1));
  }

  /** How `viewer` may read question `id`, or null when they may not (the caller answers 404). */
  async accessTo(viewer: AuthUser, id: number): Promise<QuestionAccess | null> {
    const question = await this.questions.findOne({
      select: { id: true, askerId: true, assigneeId: true, orgPath: true },
      where: { id },
    });
    if (!question) return null;
    if (question.askerId === viewer.id) return 'asker';
    if (question.assigneeId === viewer.id) return 'assignee';
    return (await this.canStaffRead(viewer, question.orgPath)) ? 'staff' : null;
  }

  /** Staff whose subtree holds `orgPath`, or admins; a record with no org is the district's (admins). */
  async canStaffRead(viewer: AuthUser, orgPath: string | null): Promise<boolean> {
    if (isAdmin(viewer)) return true;
    if (!hasRole(viewer, 'staff') || orgPath === null) return false;
    return this.scope.contains(await this.scope.scopeOf(viewer), { path: orgPath });
  }

  /** Refuses risky text; text WeChat would have a person review is still accepted: it is never public. */
  private async screen(author: User, text: string): Promise<void> {
    await this.contentSafety.screenText(
      { id: author.id, openid: author.openid, orgId: author.orgId },
      text,
      PRIVATE_SCENE,
    );
  }

  private async ownPhotos(userId: number, ids: string[] | undefined): Promise<string[]> {
    const unique = [...new Set(ids ?? [])];
    for (const id of unique) await this.uploads.requireOwned(userId, id, 'legal_photo', 'photoIds');
    return unique;
  }

  private async restrictToWorkbench(qb: SelectQueryBuilder<LegalQuestion>, user: AuthUser): Promise<void> {
    if (isAdmin(user)) return;
    const scope: OrgScope = hasRole(user, 'staff')
      ? await this.scope.scopeOf(user)
      : { all: false, paths: [] };
    const [staffCondition, params] = OrgScopeService.pathCondition(scope, 'q.org_path');
    qb.andWhere(`(q.assignee_id = :me OR ${staffCondition})`, { me: user.id, ...params });
  }

  private async view(viewer: AuthUser, id: number, access: QuestionAccess): Promise<LegalQuestionView> {
    const question = await this.questions.findOneOrFail({
      where: { id },
      relations: { asker: true, assignee: true, org: true },
    });
    const thread = await this.messages.find({ where: { questionId: id }, order: { id: 'ASC' } });
    const asker = question.asker!;
    // Lawyers answer the question, not the person: the phone is for the asker and union staff only.
    const showPhone = access === 'asker' || isAdmin(viewer) || hasRole(viewer, 'staff');
    const phone = showPhone && asker.phoneCipher ? maskPhone(this.cipher.decrypt(asker.phoneCipher)) : null;
    const now = this.clock.now();
    return {
      id: question.id,
      category: question.category,
      title: question.title,
      status: question.status,
      publicAllowed: question.publicAllowed,
      asker: {
        id: asker.id,
        name: access === 'asker' ? (asker.realName ?? displayName(asker)) : displayName(asker),
        org: question.org ? toOrgSummary(question.org) : null,
        phone,
      },
      assignee: question.assignee ? { id: question.assignee.id, name: displayName(question.assignee) } : null,
      dueAt: question.dueAt?.toISOString() ?? null,
      overdue: question.dueAt !== null && question.dueAt < now,
      rating: question.rating,
      ratingComment: question.ratingComment,
      messages: await this.messageViews(thread, access),
      createdAt: question.createdAt.toISOString(),
      updatedAt: question.updatedAt.toISOString(),
    };
  }

  private async messageViews(thread: LegalMessage[], access: QuestionAccess): Promise<LegalMessageView[]> {
    const authorIds = [...new Set(thread.filter((m) => m.authorRole !== 'asker').map((m) => m.authorId))];
    const authors = authorIds.length ? await this.users.findBy({ id: In(authorIds) }) : [];
    const byId = new Map(authors.map((u) => [u.id, u]));
    return thread.map((m) => ({
      id: m.id,
      authorRole: m.authorRole,
      authorName:
        m.authorRole === 'asker'
          ? access === 'asker'
            ? '我'
            : '咨询人'
          : `${displayName(byId.get(m.authorId))}${m.authorRole === 'lawyer' ? '（律师）' : '（工会）'}`,
      body: m.body,
      photos: m.photoIds.map((photoId) => ({ id: photoId, url: this.uploads.signedUrl(photoId) })),
      createdAt: m.createdAt.toISOString(),
    }));
  }

  private async summaries(rows: LegalQuestion[], forAsker: boolean): Promise<LegalQuestionSummaryView[]> {
    const unread = new Map<number, number>();
    if (forAsker && rows.length) {
      const counts = await this.messages
        .createQueryBuilder('m')
        .innerJoin(LegalQuestion, 'q', 'q.id = m.question_id')
        .select('m.question_id', 'questionId')
        .addSelect('COUNT(*)', 'count')
        .where('m.question_id IN (:...ids)', { ids: rows.map((q) => q.id) })
        .andWhere("m.author_role <> 'asker'")
        .andWhere('(q.asker_read_at IS NULL OR m.created_at > q.asker_read_at)')
        .groupBy('m.question_id')
        .getRawMany<{ questionId: number | string; count: number | string }>();
      for (const c of counts) unread.set(Number(c.questionId), Number(c.count));
    }
    const now = this.clock.now();
    return rows.map((q) => ({
      id: q.id,
      category: q.category,
      title: q.title,
      status: q.status,
      askerName: forAsker ? '我' : displayName(q.asker),
      assignee: q.assignee ? { id: q.assignee.id, name: displayName(q.assignee) } : null,
      dueAt: q.dueAt?.toISOString() ?? null,
      overdue: q.dueAt !== null && q.dueAt < now,
      unreadAnswers: unread.get(q.id) ?? 0,
      lastMessageAt: q.lastMessageAt.toISOString(),
      createdAt: q.createdAt.toISOString(),
    }));
  }
}

function notFound(): AppException {
  return AppException.notFound('咨询不存在');
}
