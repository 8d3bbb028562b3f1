import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  MINIAPP_PAGES,
  maskPhone,
  publicName,
  staffName,
  wechatPage,
  type AssigneeView,
  type LegalMessageView,
  type LegalQuestionSummaryView,
  type LegalQuestionView,
  type Page,
} from '@jingcai/shared';
import { hasRole, isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { AppException } from '../../common/errors/app-exception';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import { NotificationsService } from '../notifications/notifications.service';
import { toOrgSummary } from '../orgs/org.mapper';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { UserRolesRepository } from '../users/user-roles.repository';
import { UsersRepository, type ContentAuthorFacts } from '../users/users.repository';
import type { Upload } from '../uploads/entities/upload.entity';
import { UploadsService } from '../uploads/uploads.service';
import { AidRepository } from './aid.repository';
import { questionAnsweredMessage } from './legal-messages';
import { maskPersonalNumbers } from './personal-numbers';
import type { CreateLegalMessageDto } from './dto/create-legal-message.dto';
import type { CreateLegalQuestionDto } from './dto/create-legal-question.dto';
import type { InboxQueryDto } from './dto/inbox-query.dto';
import type { LegalMessage, LegalQuestion } from './entities/legal.entities';
import {
  afterMessage,
  answerDueAt,
  assigneeRoles,
  authorRoleOf,
  isOverdue,
  type QuestionAccess,
} from './question-rules';
import { QuestionsRepository } from './questions.repository';

/**
 * Questions and their threads. Privacy first: a question exists only for its asker, its assignee and
 * staff/admin whose subtree holds the asker's org; for everyone else every route answers 404, so not even
 * the existence of a question leaks. Lawyers never see the asker's phone.
 */
@Injectable()
export class LegalQuestionsService implements OnModuleInit {
  constructor(
    private readonly questions: QuestionsRepository,
    private readonly aid: AidRepository,
    private readonly users: UsersRepository,
    private readonly roles: UserRolesRepository,
    private readonly scope: OrgScopeService,
    private readonly contentSafety: ContentSafetyService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly cipher: PiiCipher,
    private readonly clock: Clock,
  ) {}

  /** A photo in a thread or an aid application is visible to whoever may read that record, once it passed. */
  onModuleInit(): void {
    this.uploads.registerAccessPolicy('legal_photo', async (viewer: AuthUser, upload: Upload) => {
      if ((await this.contentSafety.withheldPhotos([upload.id])).size) return false;
      const message = await this.questions.messageShowing(upload.ownerId, upload.id);
      if (message) return (await this.accessTo(viewer, message.questionId)) !== null;
      const application = await this.aid.showingPhoto(upload.ownerId, upload.id);
      return application !== null && (await this.canStaffRead(viewer, application.orgPath));
    });
  }

  async ask(user: AuthUser, dto: CreateLegalQuestionDto): Promise<LegalQuestionView> {
    const asker = await this.author(user.id);
    const photoIds = await this.ownPhotos(user.id, dto.photoIds);
    await this.contentSafety.checkText(asker, { title: dto.title, body: dto.body }, 'profile');
    await this.contentSafety.checkPhotos(asker, photoIds, 'profile');
    const now = this.clock.now();
    const id = await this.questions.create({
      askerId: user.id,
      orgId: asker.orgId,
      orgPath: asker.orgPath,
      category: dto.category,
      title: dto.title,
      publicAllowed: dto.publicAllowed,
      dueAt: answerDueAt(now),
      body: dto.body,
      photoIds,
      at: now,
    });
    return this.get(user, id);
  }

  async mine(userId: number, page: number, pageSize: number): Promise<Page<LegalQuestionSummaryView>> {
    const [rows, total] = await this.questions.pageOfAsker(userId, (page - 1) * pageSize, pageSize);
    return { items: await this.summaries(rows, true), total, page, pageSize };
  }

  /** The whole thread; the asker opening it marks the answers read. */
  async get(user: AuthUser, id: number): Promise<LegalQuestionView> {
    const access = await this.accessTo(user, id);
    if (!access) throw notFound();
    if (access === 'asker') await this.questions.markReadByAsker(id, this.clock.now());
    return this.view(user, id, access);
  }

  /**
   * The asker's follow-up (it re-opens the question and restarts the 3-working-day clock), or an answer
   * from the assignee or staff in scope (the asker is notified). Closed questions take no more messages.
   */
  async post(user: AuthUser, id: number, dto: CreateLegalMessageDto): Promise<LegalMessageView> {
    const access = await this.accessTo(user, id);
    if (!access) throw notFound();
    const question = (await this.questions.byId(id))!;
    if (question.status === 'closed') throw closed('该咨询已结束，如有新问题请重新提问');
    const photoIds = await this.ownPhotos(user.id, dto.photoIds);
    const now = this.clock.now();
    const role = authorRoleOf(access, hasRole(user, 'lawyer') && question.assigneeId === user.id);
    // The asker is the worker here; answers come from lawyers and union staff.
    if (role === 'asker') {
      const asker = await this.author(user.id);
      await this.contentSafety.checkText(asker, { body: dto.body }, 'profile');
      await this.contentSafety.checkPhotos(asker, photoIds, 'profile');
    }
    const messageId = await this.questions.addMessage(id, afterMessage(role, question.assigneeId, now), {
      authorId: user.id,
      authorRole: role,
      body: dto.body,
      photoIds,
      createdAt: now,
    });
    if (messageId === null) throw closed('该咨询已结束，如有新问题请重新提问');
    if (role !== 'asker') {
      await this.notifications.notify(question.askerId, questionAnsweredMessage(question, now));
    }
    return (await this.messageViews(user, [await this.questions.message(messageId)], access))[0];
  }

  /** Only the asker, and only once someone has answered. */
  async close(user: AuthUser, id: number, rating: number, comment?: string): Promise<LegalQuestionView> {
    const access = await this.accessTo(user, id);
    if (access !== 'asker') throw notFound();
    if (!(await this.questions.hasAnswer(id)))
      throw new AppException('QUESTION_NOT_ANSWERED', '收到答复后才能结束咨询');
    await this.contentSafety.checkText(await this.author(user.id), { comment }, 'comment');
    if (!(await this.questions.close(id, rating, comment ?? null))) throw closed('该咨询已结束');
    return this.view(user, id, access);
  }

  /** Staff: everything in their subtree; lawyers: what is assigned to them; both, for someone with both roles. */
  async inbox(user: AuthUser, query: InboxQueryDto): Promise<Page<LegalQuestionSummaryView>> {
    const scope: OrgScope =
      isAdmin(user) || hasRole(user, 'staff') ? await this.scope.scopeOf(user) : { all: false, paths: [] };
    const [rows, total] = await this.questions.workbench({
      assigneeId: user.id,
      scope,
      status: query.status,
      category: query.category,
      overdue: query.overdue,
      now: this.clock.now(),
      skip: query.skip,
      take: query.pageSize,
    });
    return { items: await this.summaries(rows, false), total, page: query.page, pageSize: query.pageSize };
  }

  /** Staff in scope hand a question to a lawyer or to staff whose subtree holds the asker's org. */
  async assign(user: AuthUser, id: number, assigneeId: number): Promise<LegalQuestionView> {
    const question = await this.questions.byId(id);
    if (!question) throw notFound();
    // Nobody handles their own question, nor hands it to its asker to answer.
    if (question.askerId === user.id) throw new AppException('OWN_RECORD', '不能分配本人提出的咨询');
    if (!(await this.canStaffRead(user, question.orgPath))) throw notFound();
    if (question.status === 'closed') throw closed('该咨询已结束');
    const candidates = await this.assignees(user, id);
    if (!candidates.some((c) => c.id === assigneeId)) {
      throw AppException.invalid('userId', '只能分配给律师或本辖区的工作人员（不能是提问人本人）');
    }
    await this.questions.assign(id, assigneeId, question.status === 'new');
    await this.notifications.notify(assigneeId, {
      kind: 'legal_answered',
      title: '有一条法律咨询分配给你',
      body: `「${maskPersonalNumbers(question.title)}」等待你的解答。`,
      page: wechatPage(MINIAPP_PAGES.legalQuestion, { id }),
    });
    return this.view(user, id, 'staff');
  }

  /** Lawyers (district-wide) and staff whose subtree holds the asker's org; never the asker. */
  async assignees(user: AuthUser, questionId: number): Promise<AssigneeView[]> {
    const question = await this.questions.byId(questionId);
    if (!question || !(await this.canStaffRead(user, question.orgPath))) throw notFound();
    const roles = assigneeRoles(await this.roles.assigneeGrants(), question.orgPath);
    roles.delete(question.askerId);
    if (!roles.size) return [];
    const people = await this.users.listed([...roles.keys()]);
    return [...people.values()]
      .map((p) => ({ id: p.id, name: publicName(p), role: roles.get(p.id)! }))
      .sort((a, b) => (a.role === b.role ? a.id - b.id : a.role === 'lawyer' ? -1 : 1));
  }

  /** How `viewer` may read question `id`, or null when they may not (the caller answers 404). */
  async accessTo(viewer: AuthUser, id: number): Promise<QuestionAccess | null> {
    const question = await this.questions.parties(id);
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

  private async author(userId: number): Promise<ContentAuthorFacts> {
    const author = await this.users.author(userId);
    if (!author) throw AppException.notFound();
    return author;
  }

  private async ownPhotos(userId: number, ids: string[] | undefined): Promise<string[]> {
    const unique = [...new Set(ids ?? [])];
    for (const id of unique) await this.uploads.requireOwned(userId, id, 'legal_photo', 'photoIds');
    return unique;
  }

  private async view(viewer: AuthUser, id: number, access: QuestionAccess): Promise<LegalQuestionView> {
    const question = await this.questions.withPeople(id);
    const thread = await this.questions.thread(id);
    const asker = question.asker!;
    // Lawyers answer the question, not the person: the phone is for the asker and union staff only.
    const showPhone = access === 'asker' || isAdmin(viewer) || hasRole(viewer, 'staff');
    const phone = showPhone && asker.phoneCipher ? maskPhone(this.cipher.decrypt(asker.phoneCipher)) : null;
    return {
      id: question.id,
      category: question.category,
      title: access === 'asker' ? question.title : maskPersonalNumbers(question.title),
      status: question.status,
      publicAllowed: question.publicAllowed,
      asker: {
        id: asker.id,
        // The asker reads their own name in full; everyone else as other workers would.
        name: access === 'asker' ? staffName(asker) : publicName(asker),
        org: question.org ? toOrgSummary(question.org) : null,
        phone,
      },
      assignee: question.assignee ? { id: question.assignee.id, name: publicName(question.assignee) } : null,
      dueAt: question.dueAt?.toISOString() ?? null,
      overdue: isOverdue(question.dueAt, this.clock.now()),
      rating: question.rating,
      ratingComment: question.ratingComment,
      messages: await this.messageViews(viewer, thread, access),
      createdAt: question.createdAt.toISOString(),
      updatedAt: question.updatedAt.toISOString(),
    };
  }

  /** Phone and ID numbers in a message are masked for everyone but its writer. */
  private async messageViews(
    viewer: AuthUser,
    thread: LegalMessage[],
    access: QuestionAccess,
  ): Promise<LegalMessageView[]> {
    const authors = await this.users.listed(
      thread.filter((m) => m.authorRole !== 'asker').map((m) => m.authorId),
    );
    // Photos still under (or refused by) content safety are for their writer's eyes only.
    const withheld = await this.contentSafety.withheldPhotos(
      thread.filter((m) => m.authorId !== viewer.id).flatMap((m) => m.photoIds),
    );
    return thread.map((m) => ({
      id: m.id,
      authorRole: m.authorRole,
      authorName:
        m.authorRole === 'asker'
          ? access === 'asker'
            ? '我'
            : '咨询人'
          : `${publicName(authors.get(m.authorId))}${m.authorRole === 'lawyer' ? '（律师）' : '（工会）'}`,
      body: m.authorId === viewer.id ? m.body : maskPersonalNumbers(m.body),
      photos: m.photoIds
        .filter((photoId) => m.authorId === viewer.id || !withheld.has(photoId))
        .map((photoId) => ({ id: photoId, url: this.uploads.signedUrl(photoId) })),
      createdAt: m.createdAt.toISOString(),
    }));
  }

  private async summaries(rows: LegalQuestion[], forAsker: boolean): Promise<LegalQuestionSummaryView[]> {
    const unread = forAsker
      ? await this.questions.unreadAnswers(rows.map((q) => q.id))
      : new Map<number, number>();
    const now = this.clock.now();
    return rows.map((q) => ({
      id: q.id,
      category: q.category,
      title: forAsker ? q.title : maskPersonalNumbers(q.title),
      status: q.status,
      askerName: forAsker ? '我' : publicName(q.asker),
      assignee: q.assignee ? { id: q.assignee.id, name: publicName(q.assignee) } : null,
      dueAt: q.dueAt?.toISOString() ?? null,
      overdue: isOverdue(q.dueAt, now),
      unreadAnswers: unread.get(q.id) ?? 0,
      lastMessageAt: q.lastMessageAt.toISOString(),
      createdAt: q.createdAt.toISOString(),
    }));
  }
}

function notFound(): AppException {
  return AppException.notFound('咨询不存在');
}

function closed(message: string): AppException {
  return new AppException('QUESTION_CLOSED', message);
}
