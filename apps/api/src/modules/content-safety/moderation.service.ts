import { Injectable, Logger } from '@nestjs/common';
import type { ModerationItemView, Page } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { OrgScopeService } from '../orgs/org-scope.service';
import { UploadsService } from '../uploads/uploads.service';
import type { ModerationQueryDto } from './dto/moderation-query.dto';
import type { ModerationItem } from './entities/moderation-item.entity';
import { ModerationRepository } from './moderation.repository';

/** How a feature applies a moderation decision to its own record. */
export interface ModerationHandler {
  onApproved(item: ModerationItem): Promise<void>;
  onRejected(item: ModerationItem): Promise<void>;
}

/** The `wxa_media_check` message WeChat pushes when an asynchronous image check finishes. */
export interface MediaCheckEvent {
  trace_id?: string;
  result?: { suggest?: string };
}

/**
 * How long a verdict for a not-yet-recorded trace id waits for it: 30 × 100 ms, inside the 5 s WeChat gives a
 * push to be answered, and long enough for a busy instance's insert.
 */
const VERDICT_LOOKUPS = 30;
const VERDICT_LOOKUP_INTERVAL_MS = 100;

/**
 * Decisions on held content: WeChat's pushed image verdicts and the staff moderation queue. Each decision
 * is taken once (a conditional update), then handed to the handler the subject's feature registered.
 */
@Injectable()
export class ModerationService {
  private readonly logger = new Logger(ModerationService.name);
  private readonly handlers = new Map<string, ModerationHandler>();

  constructor(
    private readonly items: ModerationRepository,
    private readonly uploads: UploadsService,
    private readonly scope: OrgScopeService,
    private readonly clock: Clock,
  ) {}

  registerHandler(subjectType: string, handler: ModerationHandler): void {
    this.handlers.set(subjectType, handler);
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
