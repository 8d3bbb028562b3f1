import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { FieldError, ModerationReason } from '@jingcai/shared';
import { AppException } from '../../common/errors/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import { UploadsService } from '../uploads/uploads.service';
import type { SecurityScene } from '../wechat/wechat.client';
import { WechatClient } from '../wechat/wechat.client';
import { ModerationRepository } from './moderation.repository';
import { ModerationService, type ModerationHandler } from './moderation.service';

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

/**
 * The kind of place the content appears in, as WeChat's checks weigh it: a profile field (nickname,
 * a form), a comment on something, a post others browse (a forum), a personal log.
 */
export type ContentScene = 'profile' | 'comment' | 'forum' | 'log';
const SCENES: Record<ContentScene, SecurityScene> = { profile: 1, comment: 2, forum: 3, log: 4 };

/** Request fields of worker text, by field name; empty or absent fields are skipped. */
export type TextFields = Record<string, string | null | undefined>;

/** `publish` now, or keep unpublished and queue for a person with the given reason. */
export type TextVerdict = { publish: true } | { publish: false; reason: ModerationReason };

/** Each photo not checked as part of a record is its own moderation subject: type `photo`, id the upload id. */
export const PHOTO_SUBJECT = 'photo';
const IMAGE_URL_TTL_SECONDS = 24 * 3600;

/**
 * The one path worker-written content takes before anyone else (staff, lawyers, other workers) reads it.
 *
 * Text goes to WeChat's msg_sec_check, one request field at a time. `risky` is always refused (400
 * CONTENT_RISKY, naming the field). `review`, or WeChat not answering, depends on the record:
 * - `screenText` + `holdText`: the record has a moderation queue — it is saved unpublished and staff decide
 *   (check-in notes, the nickname);
 * - `checkText`: no queue — refused (400 CONTENT_NEEDS_REVIEW, or 502 WECHAT_UNAVAILABLE to try again), so
 *   unchecked text never reaches a reader (legal questions and messages, closing comments, legal aid,
 *   the joining form).
 *
 * Photos go to media_check_async and are held until WeChat's pushed verdict (or staff) passes them:
 * `checkPhotos` with a subject holds the whole record (a check-in); without one each photo is its own
 * subject, and readers other than its author are shown only photos `withheldPhotos` does not name. A risky
 * photo stays hidden for good and its author is told.
 */
@Injectable()
export class ContentSafetyService implements OnModuleInit {
  private readonly logger = new Logger(ContentSafetyService.name);

  constructor(
    private readonly items: ModerationRepository,
    private readonly moderation: ModerationService,
    private readonly wechat: WechatClient,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** A photo of its own needs nothing applied on a decision (readers ask `withheldPhotos`); a refusal is told. */
  onModuleInit(): void {
    this.registerHandler(PHOTO_SUBJECT, {
      onApproved: async () => {},
      onRejected: async (item) =>
        this.notifications.notify(item.authorId, {
          kind: 'content_rejected',
          title: '图片未通过审核',
          body: '你上传的一张图片未通过内容安全审核，除你本人外其他人看不到这张图片。',
        }),
    });
  }

  /** How a feature applies decisions on the subjects it holds (`screenText`/`holdText`, `checkPhotos` with a subject). */
  registerHandler(subjectType: string, handler: ModerationHandler): void {
    this.moderation.registerHandler(subjectType, handler);
  }

  /** For records with no moderation queue: passes, or throws (risky, needs review, WeChat unavailable). */
  async checkText(author: ContentAuthor, fields: TextFields, scene: ContentScene): Promise<void> {
    const { verdict, field } = await this.screen(author, fields, scene);
    if (verdict.publish) return;
    if (verdict.reason === 'wechat_unavailable') {
      throw new AppException('WECHAT_UNAVAILABLE', '内容安全检查暂时不可用，请稍后再试');
    }
    throw new AppException('CONTENT_NEEDS_REVIEW', undefined, flagged(field));
  }

  /**
   * For records a moderation queue holds: throws CONTENT_RISKY for risky text; otherwise says whether it
   * may be published right away. Nothing is queued yet: the caller saves its record, then `holdText`.
   */
  async screenText(author: ContentAuthor, fields: TextFields, scene: ContentScene): Promise<TextVerdict> {
    return (await this.screen(author, fields, scene)).verdict;
  }

  /**
   * Queues the fields `screenText` did not let through (one item, the fields' text a line each) for a person;
   * nothing to do for a published verdict. The handler registered for `subject.type` applies the decision.
   */
  async holdText(
    author: ContentAuthor,
    subject: ModerationSubject,
    fields: TextFields,
    verdict: TextVerdict,
  ): Promise<void> {
    if (verdict.publish) return;
    await this.items.insert({
      subjectType: subject.type,
      subjectId: subject.id,
      authorId: author.id,
      orgId: author.orgId,
      kind: 'text',
      content: Object.values(fields).filter(Boolean).join('\n'),
      reason: verdict.reason,
    });
  }

  /**
   * Sends uploaded images to WeChat's asynchronous check. With a `subject`, the items belong to that record
   * (its feature's handler applies the verdicts); without, each photo is its own subject and is withheld
   * from everyone but its author until it passes. Call it before the record is readable by others.
   */
  async checkPhotos(
    author: ContentAuthor,
    uploadIds: readonly string[],
    scene: ContentScene,
    subject?: ModerationSubject,
  ): Promise<void> {
    for (const uploadId of new Set(uploadIds)) {
      await this.checkPhoto(author, uploadId, scene, subject ?? { type: PHOTO_SUBJECT, id: uploadId });
    }
  }

  /** Of these photos (each checked as its own subject), the ones not (yet) passed: show them to their author only. */
  async withheldPhotos(uploadIds: readonly string[]): Promise<Set<string>> {
    if (!uploadIds.length) return new Set();
    return new Set(await this.items.notApproved(PHOTO_SUBJECT, [...new Set(uploadIds)]));
  }

  /** Which of these subject types have an item still pending for `subjectId`. */
  pendingFor(subjectTypes: string[], subjectId: string): Promise<string[]> {
    return this.items.pendingSubjectTypes(subjectTypes, subjectId);
  }

  /** Every field checked (so a risky one is refused even after one held); the first held field is named. */
  private async screen(
    author: ContentAuthor,
    fields: TextFields,
    scene: ContentScene,
  ): Promise<{ verdict: TextVerdict; field?: string }> {
    let held: { verdict: TextVerdict; field: string } | null = null;
    for (const [field, text] of Object.entries(fields)) {
      if (!text) continue;
      let suggest: string;
      try {
        suggest = (await this.wechat.checkText(author.openid, text, SCENES[scene])).suggest;
      } catch (error) {
        // Never publish unchecked: if WeChat cannot answer, a person decides (or the worker tries again).
        this.logger.warn(`msg_sec_check unavailable: ${String(error)}`);
        held ??= { verdict: { publish: false, reason: 'wechat_unavailable' }, field };
        continue;
      }
      if (suggest === 'risky') throw new AppException('CONTENT_RISKY', undefined, flagged(field));
      if (suggest !== 'pass') held ??= { verdict: { publish: false, reason: 'review' }, field };
    }
    return held ?? { verdict: { publish: true } };
  }

  private async checkPhoto(
    author: ContentAuthor,
    uploadId: string,
    scene: ContentScene,
    subject: ModerationSubject,
  ): Promise<void> {
    let traceId: string | null = null;
    try {
      traceId = await this.wechat.checkImageAsync(
        author.openid,
        this.uploads.signedUrl(uploadId, IMAGE_URL_TTL_SECONDS),
        SCENES[scene],
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
}

/** The refused field, for the error's details: the client marks it. */
function flagged(field: string | undefined): FieldError[] | undefined {
  return field ? [{ field, message: '请修改这部分内容' }] : undefined;
}
