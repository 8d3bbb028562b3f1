import { createHash } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  badgesFor,
  shanghaiDay,
  streaksOf,
  type CheckinResultView,
  type CheckinView,
  type MyReadingView,
  type PhotoView,
} from '@jingcai/shared';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { withDeadlockRetry } from '../../common/database/deadlock-retry';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { AppException } from '../../common/errors/app-exception';
import { ContentSafetyService, type ContentAuthor } from '../content-safety/content-safety.service';
import type { ModerationItem } from '../content-safety/entities/moderation-item.entity';
import { NotificationsService } from '../notifications/notifications.service';
import type { Upload } from '../uploads/entities/upload.entity';
import { UploadsService } from '../uploads/uploads.service';
import { User } from '../users/entities/user.entity';
import type { CheckinDto } from './dto/reading.dto';
import {
  ReadingBook,
  ReadingCheckin,
  ReadingParticipant,
  type ReadingSeason,
} from './entities/reading.entities';
import { ReadingPosterService } from './reading-poster.service';
import { ReadingSeasonsService } from './reading-seasons.service';

/** Moderation items of a check-in (its note and its photos) share this subject type and the check-in id. */
export const CHECKIN_SUBJECT = 'reading_checkin';
const FORUM_SCENE = 3;
const HOME_PAGE = 'packages/reading/pages/index/index';

/**
 * Daily check-ins (打卡) and each worker's standing. The rules that must hold under concurrent taps —
 * one check-in per day, the same note never twice, make-ups within the allowance — are held by unique
 * keys and a conditional update inside one transaction, never by a read-then-write.
 */
@Injectable()
export class ReadingCheckinsService implements OnModuleInit {
  constructor(
    @InjectRepository(ReadingCheckin) private readonly checkins: Repository<ReadingCheckin>,
    @InjectRepository(ReadingParticipant) private readonly participants: Repository<ReadingParticipant>,
    @InjectRepository(ReadingBook) private readonly books: Repository<ReadingBook>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
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
        await this.checkins.update(
          { id: Number(item.subjectId), status: 'pending' },
          { status: 'published' },
        );
      },
      onRejected: async (item) => this.reject(item),
    });
    this.uploads.registerAccessPolicy('reading_photo', async (_viewer: AuthUser, upload: Upload) =>
      this.checkins
        .createQueryBuilder('c')
        .where('c.user_id = :owner AND c.status = :published', {
          owner: upload.ownerId,
          published: 'published',
        })
        .andWhere('c.photo_ids LIKE :id', { id: `%${upload.id}%` })
        .getExists(),
    );
  }

  async checkIn(user: AuthUser, seasonId: number, dto: CheckinDto): Promise<CheckinResultView> {
    const season = await this.seasons.forWorker(user.id, seasonId);
    const today = shanghaiDay(this.clock.now());
    if (today < season.startsOn || today > season.endsOn) {
      throw new AppException('SEASON_CLOSED');
    }
    const day = dto.date ?? today;
    const makeUp = day !== today;
    if (makeUp && (day > today || day < season.startsOn)) {
      throw AppException.invalid('date', day > today ? '不能为以后的日期打卡' : '补卡日期须在读书季期间');
    }
    if (!(await this.books.existsBy({ id: dto.bookId, seasonId }))) {
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
    if (await this.checkins.existsBy({ seasonId, userId: user.id, day })) throw alreadyCheckedIn(makeUp);
    if (await this.checkins.existsBy({ seasonId, userId: user.id, noteHash })) {
      throw new AppException('DUPLICATE_NOTE');
    }
    const standing = await this.participants.findOneBy({ seasonId, userId: user.id });
    if (makeUp && (standing?.makeUpsUsed ?? 0) >= season.makeUpAllowance) {
      throw new AppException('NO_MAKE_UPS_LEFT');
    }

    const author = await this.author(user.id);
    const verdict = await this.contentSafety.screenText(author, dto.note, FORUM_SCENE);
    const status = verdict.publish && photoIds.length === 0 ? 'published' : 'pending';
    // The standing row exists before the transaction, so the transaction's first statement takes its
    // exclusive lock outright: an INSERT IGNORE inside would take a shared lock first, and two requests
    // upgrading their shared locks deadlock.
    await this.participants
      .createQueryBuilder()
      .insert()
      .values({ seasonId, userId: user.id, orgPath: author.orgPath })
      .orIgnore()
      .execute();
    const checkinId = await withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        await this.lockStanding(manager, season, user.id, makeUp, author.orgPath);
        let id: number;
        try {
          const inserted = await manager.insert(ReadingCheckin, {
            seasonId,
            userId: user.id,
            day,
            bookId: dto.bookId,
            minutes: dto.minutes,
            note: dto.note,
            noteHash,
            photoIds,
            makeUp,
            status,
            hiddenReason: null,
          });
          id = Number(inserted.identifiers[0].id);
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw /note/.test(String(error))
            ? new AppException('DUPLICATE_NOTE')
            : alreadyCheckedIn(makeUp);
        }
        await this.recount(manager, seasonId, user.id);
        return id;
      }),
    );

    // After commit: the moderation items name a check-in that exists.
    const subject = { type: CHECKIN_SUBJECT, id: String(checkinId) };
    if (!verdict.publish) await this.contentSafety.queueText(author, subject, dto.note, verdict.reason);
    for (const photoId of photoIds)
      await this.contentSafety.screenImage(author, subject, photoId, FORUM_SCENE);

    return { checkin: await this.view(checkinId), me: await this.me(user.id, seasonId) };
  }

  /** Everything from the worker's own check-ins: one index range of at most a season's days. */
  async me(userId: number, seasonId: number): Promise<MyReadingView> {
    const season = await this.seasons.forWorker(userId, seasonId);
    const rows = await this.checkins
      .createQueryBuilder('c')
      .select('c.day', 'day')
      .addSelect('c.minutes', 'minutes')
      .addSelect('c.make_up', 'makeUp')
      .where('c.season_id = :seasonId AND c.user_id = :userId', { seasonId, userId })
      .orderBy('c.day', 'ASC')
      .getRawMany<{ day: string; minutes: number | string; makeUp: number | string | boolean }>();
    const today = shanghaiDay(this.clock.now());
    const days = rows.map((r) => r.day);
    const { current, longest } = streaksOf(days, today);
    const makeUpsUsed = rows.filter((r) => Number(r.makeUp) === 1 || r.makeUp === true).length;
    return {
      seasonId,
      today,
      days: days.length,
      currentStreak: current,
      longestStreak: longest,
      minutes: rows.reduce((sum, r) => sum + Number(r.minutes), 0),
      badges: badgesFor(days.length, season.badgeThresholds),
      nextBadge: season.badgeThresholds.find((threshold) => threshold > days.length) ?? null,
      checkedInToday: days.at(-1) === today,
      makeUpsLeft: Math.max(0, season.makeUpAllowance - makeUpsUsed),
      checkinDays: days,
      posterUrl: this.posters.signedUrl(seasonId, userId),
    };
  }

  async mine(userId: number, seasonId: number): Promise<CheckinView[]> {
    await this.seasons.forWorker(userId, seasonId);
    const rows = await this.checkins.find({
      where: { seasonId, userId },
      relations: { book: true },
      order: { day: 'DESC' },
    });
    return rows.map((c) => this.toView(c));
  }

  /** Photos as signed URLs: the feed's <Image> cannot carry a token. */
  photoViews(ids: string[]): PhotoView[] {
    return ids.map((id) => ({ id, url: this.uploads.signedUrl(id) }));
  }

  /**
   * Updates the standing row first thing in the transaction: that takes the row lock which serialises one
   * worker's concurrent check-ins, and for a make-up it only succeeds while make-ups remain.
   */
  private async lockStanding(
    manager: EntityManager,
    season: ReadingSeason,
    userId: number,
    makeUp: boolean,
    orgPath: string | null,
  ): Promise<void> {
    const qb = manager
      .createQueryBuilder()
      .update(ReadingParticipant)
      .set(makeUp ? { makeUpsUsed: () => 'make_ups_used + 1', orgPath } : { orgPath })
      .where('season_id = :seasonId AND user_id = :userId', { seasonId: season.id, userId });
    if (makeUp) qb.andWhere('make_ups_used < :allowance', { allowance: season.makeUpAllowance });
    const { affected } = await qb.execute();
    if (makeUp && !affected) throw new AppException('NO_MAKE_UPS_LEFT');
  }

  /** Rewrites the standing from the worker's days: a make-up can join two runs, so nothing is incremental. */
  private async recount(manager: EntityManager, seasonId: number, userId: number): Promise<void> {
    const rows = await manager
      .createQueryBuilder(ReadingCheckin, 'c')
      .select('c.day', 'day')
      .addSelect('c.minutes', 'minutes')
      .where('c.season_id = :seasonId AND c.user_id = :userId', { seasonId, userId })
      .orderBy('c.day', 'ASC')
      .getRawMany<{ day: string; minutes: number | string }>();
    const days = rows.map((r) => r.day);
    const lastDay = days.at(-1) ?? null;
    const { current, longest } = streaksOf(days, lastDay ?? '');
    await manager.update(
      ReadingParticipant,
      { seasonId, userId },
      {
        days: days.length,
        longestStreak: longest,
        lastRun: current,
        lastDay,
        minutes: rows.reduce((sum, r) => sum + Number(r.minutes), 0),
      },
    );
  }

  private async reject(item: ModerationItem): Promise<void> {
    const result = await this.checkins.update(
      { id: Number(item.subjectId), status: In(['pending', 'published']) },
      { status: 'rejected' },
    );
    if (!result.affected) return;
    await this.notifications.notify(item.authorId, {
      kind: 'content_rejected',
      title: item.kind === 'image' ? '打卡图片未通过审核' : '读后感未通过审核',
      body: '你的打卡仍然有效，但这条读后感不会在书友圈展示。',
      page: HOME_PAGE,
    });
  }

  private async author(userId: number): Promise<ContentAuthor & { orgPath: string | null }> {
    const user = await this.users.findOneOrFail({ where: { id: userId }, relations: { org: true } });
    return { id: user.id, openid: user.openid, orgId: user.orgId, orgPath: user.org?.path ?? null };
  }

  private async view(id: number): Promise<CheckinView> {
    return this.toView(await this.checkins.findOneOrFail({ where: { id }, relations: { book: true } }));
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

function alreadyCheckedIn(makeUp: boolean): AppException {
  return makeUp
    ? new AppException('ALREADY_CHECKED_IN', '这一天已经打过卡了')
    : new AppException('ALREADY_CHECKED_IN');
}
