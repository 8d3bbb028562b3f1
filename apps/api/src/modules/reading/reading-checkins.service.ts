import { createHash } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  MINIAPP_PAGES,
  shanghaiDay,
  wechatPage,
  type CheckinResultView,
  type CheckinView,
  type MyReadingView,
  type Page,
  type PhotoView,
} from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import type { PageQuery } from '../../common/http/pagination';
import { AppException } from '../../common/errors/app-exception';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import type { ModerationItem } from '../content-safety/entities/moderation-item.entity';
import { NotificationsService } from '../notifications/notifications.service';
import type { Upload } from '../uploads/entities/upload.entity';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository } from '../users/users.repository';
import { CheckinsRepository, type CheckinRefusal } from './checkins.repository';
import type { CreateCheckinDto } from './dto/create-checkin.dto';
import type { ReadingCheckin } from './entities/reading.entities';
import { ReadingPosterService } from './reading-poster.service';
import { ReadingSeasonsService } from './reading-seasons.service';
import { SeasonsRepository } from './seasons.repository';
import { checkinDay, makeUpsLeft, progressOf } from './standing';
import { StandingsRepository } from './standings.repository';

/** Moderation items of a check-in (its note and its photos) share this subject type and the check-in id. */
export const CHECKIN_SUBJECT = 'reading_checkin';

/**
 * Daily check-ins (打卡) and each worker's standing. The rules that must hold under concurrent taps —
 * one check-in per day, the same note never twice, make-ups within the allowance — are held by unique
 * keys and a conditional update inside one transaction, never by a read-then-write.
 */
@Injectable()
export class ReadingCheckinsService implements OnModuleInit {
  constructor(
    private readonly checkins: CheckinsRepository,
    private readonly standings: StandingsRepository,
    private readonly seasonRecords: SeasonsRepository,
    private readonly users: UsersRepository,
    private readonly seasons: ReadingSeasonsService,
    private readonly contentSafety: ContentSafetyService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly posters: ReadingPosterService,
    private readonly clock: Clock,
  ) {}

  /**
   * A check-in's note goes public when its text and every photo are approved; one refusal keeps it
   * private for good. Photos are visible to everyone once their check-in is public.
   */
  onModuleInit(): void {
    this.contentSafety.registerHandler(CHECKIN_SUBJECT, {
      onApproved: async (item) => {
        if ((await this.contentSafety.pendingFor([CHECKIN_SUBJECT], item.subjectId)).length) return;
        await this.checkins.publishIfPending(Number(item.subjectId));
      },
      onRejected: async (item) => this.reject(item),
    });
    this.uploads.registerAccessPolicy('reading_photo', async (_viewer: AuthUser, upload: Upload) =>
      this.checkins.hasPublishedPhoto(upload.ownerId, upload.id),
    );
  }

  async checkIn(user: AuthUser, seasonId: number, dto: CreateCheckinDto): Promise<CheckinResultView> {
    const season = await this.seasons.forWorker(user.id, seasonId);
    const when = checkinDay(season, shanghaiDay(this.clock.now()), dto.date);
    if ('refused' in when) {
      if (when.refused === 'seasonClosed') throw new AppException('SEASON_CLOSED');
      throw AppException.invalid(
        'date',
        when.refused === 'futureDay' ? '不能为以后的日期打卡' : '补卡日期须在读书季期间',
      );
    }
    const { day, makeUp } = when;
    if (!(await this.seasonRecords.isBookOfSeason(dto.bookId, seasonId))) {
      throw AppException.invalid('bookId', '请选择本期推荐书目');
    }
    if ([...dto.note].length < season.minNoteLength) {
      throw AppException.invalid('note', `读后感至少 ${season.minNoteLength} 字`);
    }
    const photoIds = [...new Set(dto.photoIds ?? [])];
    for (const id of photoIds) await this.uploads.requireOwned(user.id, id, 'reading_photo', 'photoIds');
    const noteHash = hashNote(dto.note);

    // Cheap refusals first, so a repeated tap never costs a WeChat content check; the transaction
    // below holds the same rules when two requests race past these.
    if (await this.checkins.hasDay(seasonId, user.id, day)) throw refusal('dayTaken', makeUp);
    if (await this.checkins.hasNote(seasonId, user.id, noteHash)) throw refusal('duplicateNote', makeUp);
    const standing = await this.standings.of(seasonId, user.id);
    if (makeUp && makeUpsLeft(season.makeUpAllowance, standing?.makeUpsUsed ?? 0) === 0) {
      throw refusal('noMakeUpsLeft', makeUp);
    }

    const author = await this.users.author(user.id);
    if (!author) throw AppException.notFound();
    const text = { note: dto.note };
    const verdict = await this.contentSafety.screenText(author, text, 'forum');
    await this.standings.ensure(seasonId, user.id, author.orgPath);
    const outcome = await this.checkins.record(
      {
        seasonId,
        userId: user.id,
        day,
        bookId: dto.bookId,
        minutes: dto.minutes,
        note: dto.note,
        noteHash,
        photoIds,
        makeUp,
        status: verdict.publish && photoIds.length === 0 ? 'published' : 'pending',
        orgPath: author.orgPath,
      },
      season.makeUpAllowance,
    );
    if ('refused' in outcome) throw refusal(outcome.refused, makeUp);

    // After commit: the moderation items name a check-in that exists.
    const subject = { type: CHECKIN_SUBJECT, id: String(outcome.id) };
    await this.contentSafety.holdText(author, subject, text, verdict);
    await this.contentSafety.checkPhotos(author, photoIds, 'forum', subject);

    return {
      checkin: this.toView(await this.checkins.withBook(outcome.id)),
      me: await this.me(user.id, seasonId),
    };
  }

  /** Everything from the worker's own check-ins: one index range of at most a season's days. */
  async me(userId: number, seasonId: number): Promise<MyReadingView> {
    const season = await this.seasons.forWorker(userId, seasonId);
    const records = await this.checkins.daysOf(seasonId, userId);
    return {
      seasonId,
      ...progressOf(records, shanghaiDay(this.clock.now()), season),
      posterUrl: this.posters.signedUrl(seasonId, userId),
    };
  }

  /** My check-ins and notes of a season, latest day first, one page (hidden and unpublished notes too). */
  async mine(userId: number, seasonId: number, query: PageQuery): Promise<Page<CheckinView>> {
    await this.seasons.forWorker(userId, seasonId);
    const [checkins, total] = await this.checkins.mine(seasonId, userId, query.skip, query.pageSize);
    return { items: checkins.map((c) => this.toView(c)), total, page: query.page, pageSize: query.pageSize };
  }

  /** Photos as signed URLs: the feed's <Image> cannot carry a token. */
  photoViews(ids: string[]): PhotoView[] {
    return ids.map((id) => ({ id, url: this.uploads.signedUrl(id) }));
  }

  private async reject(item: ModerationItem): Promise<void> {
    if (!(await this.checkins.reject(Number(item.subjectId)))) return;
    await this.notifications.notify(item.authorId, {
      kind: 'content_rejected',
      title: item.kind === 'image' ? '打卡图片未通过审核' : '读后感未通过审核',
      body: '你的打卡仍然有效，但这条读后感不会在书友圈展示。',
      page: wechatPage(MINIAPP_PAGES.reading),
    });
  }

  private toView(c: ReadingCheckin): CheckinView {
    return {
      id: c.id,
      seasonId: c.seasonId,
      day: c.day,
      book: { id: c.bookId, title: c.book?.title ?? '' },
      minutes: c.minutes,
      note: c.note,
      photos: this.photoViews(c.photoIds),
      makeUp: c.makeUp,
      status: c.status,
      likeCount: c.likeCount,
      createdAt: c.createdAt.toISOString(),
    };
  }
}

/** The same note as a person would judge it: spacing and line breaks do not make a new note. */
export function hashNote(note: string): string {
  return createHash('sha256').update(note.replace(/\s+/g, '')).digest('hex');
}

function refusal(reason: CheckinRefusal, makeUp: boolean): AppException {
  switch (reason) {
    case 'noMakeUpsLeft':
      return new AppException('NO_MAKE_UPS_LEFT');
    case 'duplicateNote':
      return new AppException('DUPLICATE_NOTE');
    case 'dayTaken':
      return makeUp
        ? new AppException('ALREADY_CHECKED_IN', '这一天已经打过卡了')
        : new AppException('ALREADY_CHECKED_IN');
  }
}
