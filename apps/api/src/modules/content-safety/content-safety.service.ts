import { Injectable, Logger } from '@nestjs/common';
import type { ModerationItemView, ModerationReason, Page } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { OrgScopeService } from '../orgs/org-scope.service';
import { UploadsService } from '../uploads/uploads.service';
import type { SecurityScene } from '../wechat/wechat.client';
import { WechatClient } from '../wechat/wechat.client';
import type { ModerationQueryDto } from './dto/moderation-query.dto';
import type { ModerationItem } from './entities/moderation-item.entity';
import { ModerationRepository } from './moderation.repository';

/** Who wrote the content: the openid is what WeChat's checks are keyed on. */
export interface ContentAuthor {
  id: number;
  openid: string;
  orgId: number | null;
}

export interface ModerationSubject {
  type: string;
  id: string;
}

/** How a feature applies a moderation decision to its own record. */
export interface ModerationHandler {
  onApproved(item: ModerationItem): Promise<void>;
  onRejected(item: ModerationItem): Promise<void>;
}

/** `publish` now, or keep unpublished and queue for a person with the given reason. */
export type TextVerdict = { publish: true } | { publish: false; reason: ModerationReason };

/** The `wxa_media_check` message WeChat pushes when an asynchronous image check finishes. */
export interface MediaCheckEvent {
  trace_id?: string;
  result?: { suggest?: string };
}

const IMAGE_URL_TTL_SECONDS = 24 * 3600;
/** How long a verdict for a not-yet-recorded trace id waits for it: 10 × 100 ms. */
const VERDICT_LOOKUPS = 10;
const VERDICT_LOOKUP_INTERVAL_MS = 100;

/**
 * The one gate worker-written content passes before anyone else sees it. Text goes to WeChat's
 * msg_sec_check: `pass` publishes, `risky` is refused with a clear message, `review` — and any failure
 * to reach WeChat — keeps it unpublished in the staff moderation queue. Images go to media_check_async
 * and stay unpublished until WeChat's verdict arrives (or staff decide).
 */
@Injectable()
export class ContentSafetyService {
  private readonly logger = new Logger(ContentSafetyService.name);
  private readonly handlers = new Map<string, ModerationHandler>();

  constructor(
    private readonly items: ModerationRepository,
    private readonly wechat: WechatClient,
    private readonly uploads: UploadsService,
    private readonly scope: OrgScopeService,
    private readonly clock: Clock,
  ) {}

  registerHandler(subjectType: string, handler: ModerationHandler): void {
    this.handlers.set(subjectType, handler);
  }

  /** Throws CONTENT_RISKY for risky text; otherwise says whether it may be published right away. */
  async screenText(author: ContentAuthor, text: string, scene: SecurityScene): Promise<TextVerdict> {
    let suggest: string;
    try {
      suggest = (await this.wechat.checkText(author.openid, text, scene)).suggest;
    } catch (error) {
      // Never publish unchecked: if WeChat cannot answer, a person decides.
      this.logger.warn(`msg_sec_check unavailable, queueing for review: ${String(error)}`);
      return { publish: false, reason: 'wechat_unavailable' };
    }
    if (suggest === 'risky') throw new AppException('CONTENT_RISKY');
    return suggest === 'pass' ? { publish: true } : { publish: false, reason: 'review' };
  }

  async queueText(
    author: ContentAuthor,
    subject: ModerationSubject,
    text: string,
    reason: ModerationReason,
  ): Promise<void> {
    await this.items.insert({
      subjectType: subject.type,
      subjectId: subject.id,
      authorId: author.id,
      orgId: author.orgId,
      kind: 'text',
      content: text,
      reason,
    });
  }

  /** Sends an uploaded image for WeChat's asynchronous check; it stays unpublished until the verdict. */
  async screenImage(
    author: ContentAuthor,
    subject: ModerationSubject,
    uploadId: string,
    scene: SecurityScene,
  ): Promise<void> {
    let traceId: string | null = null;
    try {
      traceId = await this.wechat.checkImageAsync(
        author.openid,
        this.uploads.signedUrl(uploadId, IMAGE_URL_TTL_SECONDS),
        scene,
      );
    } catch (error) {
      this.logger.warn(`media_check_async unavailable, queueing for review: ${String(error)}`);
    }
    await this.items.insert({
      subjectType: subject.type,
      subjectId: subject.id,
      authorId: author.id,
      orgId: author.orgId,
      kind: 'image',
      content: uploadId,
      reason: traceId ? 'image_pending' : 'wechat_unavailable',
      traceId,
    });
  }

  /** Which of these subject types have an item still pending for `subjectId`. */
  pendingFor(subjectTypes: string[], subjectId: string): Promise<string[]> {
    return this.items.pendingSubjectTypes(subjectTypes, subjectId);
  }

  /** WeChat's verdict on an image: pass publishes, risky rejects, review leaves it to staff. */
  async handleMediaCheck(event: MediaCheckEvent): Promise<void> {
    if (!event.trace_id) return;
    const item = await this.pendingItemFor(event.trace_id);
    if (!item) return; // already decided by staff, or not ours
    const suggest = event.result?.suggest;
    if (suggest === 'pass' || suggest === 'risky') await this.decide(item, suggest === 'pass', null);
    else await this.items.markForReview(item.id);
  }

  /**
   * The pending item a verdict is for. WeChat may answer before the instance that asked has recorded the
   * trace id (milliseconds after WeChat's reply), so an unknown trace id is looked up again for a moment.
   */
  private async pendingItemFor(traceId: string): Promise<ModerationItem | null> {
    for (let attempt = 0; ; attempt++) {
      const item = await this.items.pendingByTrace(traceId);
      if (item || attempt >= VERDICT_LOOKUPS) return item;
      if (await this.items.traceExists(traceId)) return null; // decided meanwhile
      await new Promise((resolve) => setTimeout(resolve, VERDICT_LOOKUP_INTERVAL_MS));
    }
  }

  async list(staff: AuthUser, query: ModerationQueryDto): Promise<Page<ModerationItemView>> {
    const scope = await this.scope.scopeOf(staff);
    const [rows, total] = await this.items.page(scope, query.status ?? 'pending', query.skip, query.pageSize);
    return { items: rows.map((m) => this.toView(m)), total, page: query.page, pageSize: query.pageSize };
  }

  async approve(staff: AuthUser, id: number): Promise<ModerationItemView> {
    return this.decideByStaff(staff, id, true);
  }

  async reject(staff: AuthUser, id: number): Promise<ModerationItemView> {
    return this.decideByStaff(staff, id, false);
  }

  private async decideByStaff(staff: AuthUser, id: number, approved: boolean): Promise<ModerationItemView> {
    const item = await this.items.byId(id);
    const visible =
      item &&
      (item.orgId === null
        ? (await this.scope.scopeOf(staff)).all
        : await this.scope.canManage(staff, item.orgId));
    if (!item || !visible) throw AppException.notFound();
    // Nobody reviews their own record: a staff member's own note waits for another reviewer.
    if (item.authorId === staff.id) throw new AppException('OWN_RECORD', '不能审核本人发布的内容');
    if (!(await this.decide(item, approved, staff.id))) {
      throw new AppException('ALREADY_DECIDED', '该内容已审核，请勿重复操作');
    }
    return this.toView((await this.items.byId(id))!);
  }

  /** Decides once (a conditional update), then lets the subject's feature apply it. */
  private async decide(item: ModerationItem, approved: boolean, decidedBy: number | null): Promise<boolean> {
    const status = approved ? 'approved' : 'rejected';
    if (!(await this.items.decide(item.id, status, decidedBy, this.clock.now()))) return false;
    const handler = this.handlers.get(item.subjectType);
    if (!handler) {
      this.logger.error(`no moderation handler for ${item.subjectType}`);
      return true;
    }
    await (approved ? handler.onApproved(item) : handler.onRejected(item));
    return true;
  }

  private toView(item: ModerationItem): ModerationItemView {
    return {
      id: item.id,
      subjectType: item.subjectType,
      subjectId: item.subjectId,
      kind: item.kind,
      content: item.kind === 'image' ? this.uploads.signedUrl(item.content) : item.content,
      reason: item.reason,
      status: item.status,
      authorId: item.authorId,
      createdAt: item.createdAt.toISOString(),
      decidedAt: item.decidedAt?.toISOString() ?? null,
    };
  }
}
