import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  addWorkingDays,
  FEEDBACK_CATEGORY_LABELS,
  FEEDBACK_REPLY_WORKING_DAYS,
  MINIAPP_PAGES,
  staffName,
  wechatPage,
  type FeedbackView,
  type Page,
} from '@jingcai/shared';
import { hasRole, isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { AppException } from '../../common/errors/app-exception';
import type { PageQuery } from '../../common/http/pagination';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrgScopeService } from '../orgs/org-scope.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import type { Upload } from '../uploads/entities/upload.entity';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository } from '../users/users.repository';
import type { CreateFeedbackDto } from './dto/create-feedback.dto';
import type { FeedbackQueryDto } from './dto/feedback-query.dto';
import type { Feedback } from './entities/feedback.entity';
import { toFeedbackView } from './feedback.mapper';
import { FeedbackRepository } from './feedback.repository';

/**
 * 投诉建议: a worker writes, staff of the worker's org subtree (admins: all) reply within 5 working days.
 * An item exists only for its sender and staff in scope; everyone else gets 404, as for a missing id.
 */
@Injectable()
export class FeedbackService implements OnModuleInit {
  constructor(
    private readonly feedback: FeedbackRepository,
    private readonly users: UsersRepository,
    private readonly orgs: OrgsRepository,
    private readonly scope: OrgScopeService,
    private readonly contentSafety: ContentSafetyService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly cipher: PiiCipher,
    private readonly clock: Clock,
  ) {}

  /** A photo is visible to whoever may read the item showing it. */
  onModuleInit(): void {
    this.uploads.registerAccessPolicy('feedback_photo', async (viewer: AuthUser, upload: Upload) => {
      if ((await this.contentSafety.withheldPhotos([upload.id])).size) return false;
      const item = await this.feedback.showingPhoto(upload.ownerId, upload.id);
      return item !== null && (await this.canStaffRead(viewer, item.orgPath));
    });
  }

  async create(user: AuthUser, dto: CreateFeedbackDto): Promise<FeedbackView> {
    const author = await this.users.author(user.id);
    if (!author) throw AppException.notFound();
    const photoIds = [...new Set(dto.photoIds ?? [])];
    for (const id of photoIds) await this.uploads.requireOwned(user.id, id, 'feedback_photo', 'photoIds');
    const writer = { id: author.id, openid: author.openid, orgId: author.orgId };
    await this.contentSafety.checkText(writer, { text: dto.text }, 'comment');
    await this.contentSafety.checkPhotos(writer, photoIds, 'comment');
    const id = await this.feedback.create({
      userId: user.id,
      orgId: author.orgId,
      orgPath: author.orgPath,
      category: dto.category,
      text: dto.text,
      photoIds,
      wantsContact: dto.wantsContact,
      dueAt: addWorkingDays(this.clock.now(), FEEDBACK_REPLY_WORKING_DAYS),
    });
    return this.get(user, id);
  }

  async mine(user: AuthUser, query: PageQuery): Promise<Page<FeedbackView>> {
    const [rows, total] = await this.feedback.pageOfSender(user.id, query.skip, query.pageSize);
    const now = this.clock.now();
    return {
      items: rows.map((row) => toFeedbackView(row, { kind: 'sender' }, this.photoUrl, now)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(user: AuthUser, id: number): Promise<FeedbackView> {
    const item = await this.feedback.byId(id);
    if (!item) throw notFound();
    if (item.userId === user.id) return toFeedbackView(item, { kind: 'sender' }, this.photoUrl, this.clock.now());
    if (!(await this.canStaffRead(user, item.orgPath))) throw notFound();
    return (await this.staffViews([item]))[0];
  }

  async list(user: AuthUser, query: FeedbackQueryDto): Promise<Page<FeedbackView>> {
    const [rows, total] = await this.feedback.queue({
      scope: await this.scope.scopeOf(user),
      status: query.status,
      category: query.category,
      overdue: query.overdue,
      now: this.clock.now(),
      skip: query.skip,
      take: query.pageSize,
    });
    return { items: await this.staffViews(rows), total, page: query.page, pageSize: query.pageSize };
  }

  /** Staff in scope reply once; the sender is told. Nobody replies to what they wrote themselves. */
  async reply(user: AuthUser, id: number, text: string): Promise<FeedbackView> {
    const item = await this.feedback.byId(id);
    if (!item) throw notFound();
    if (item.userId === user.id) throw new AppException('OWN_RECORD', '不能答复本人提交的投诉建议');
    if (!(await this.canStaffRead(user, item.orgPath))) throw notFound();
    if (!(await this.feedback.reply(id, text, user.id, this.clock.now()))) {
      throw new AppException('STATUS_LOCKED', '该投诉建议已答复');
    }
    await this.notifications.notify(item.userId, {
      kind: 'feedback_replied',
      title: '你的投诉建议有了答复',
      body: `你提交的${FEEDBACK_CATEGORY_LABELS[item.category]}已收到工会答复，点击查看。`,
      page: wechatPage(MINIAPP_PAGES.feedbackDetail, { id }),
    });
    return this.get(user, id);
  }

  /** Staff whose subtree holds `orgPath`, or admins; an item from a worker with no org is the district's. */
  private async canStaffRead(viewer: AuthUser, orgPath: string | null): Promise<boolean> {
    if (isAdmin(viewer)) return true;
    if (!hasRole(viewer, 'staff') || orgPath === null) return false;
    return this.scope.contains(await this.scope.scopeOf(viewer), { path: orgPath });
  }

  private async staffViews(items: Feedback[]): Promise<FeedbackView[]> {
    const senders = await this.users.contacts(items.map((i) => i.userId));
    const orgNames = await this.orgs.namesOf([
      ...new Set(items.map((i) => i.orgId).filter((o): o is number => o !== null)),
    ]);
    // Photos WeChat has not passed yet stay with their sender.
    const withheld = await this.contentSafety.withheldPhotos(items.flatMap((i) => i.photoIds));
    const now = this.clock.now();
    return items.map((item) => {
      const sender = senders.get(item.userId);
      const shown = { ...item, photoIds: item.photoIds.filter((id) => !withheld.has(id)) };
      return toFeedbackView(
        shown,
        {
          kind: 'staff',
          // A deleted account's row reads 已注销用户, with no phone left to decrypt.
          senderName: staffName(sender),
          senderPhone: sender?.phoneCipher ? this.cipher.decrypt(sender.phoneCipher) : null,
          orgName: item.orgId === null ? null : (orgNames.get(item.orgId) ?? null),
        },
        this.photoUrl,
        now,
      );
    });
  }

  private readonly photoUrl = (id: string): string => this.uploads.signedUrl(id);
}

function notFound(): AppException {
  return AppException.notFound('投诉建议不存在');
}
