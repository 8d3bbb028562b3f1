import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FeedItemView, FeedPageView, LikeView } from '@jingcai/shared';
import { DataSource, In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { withDeadlockRetry } from '../../common/database/deadlock-retry';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { AppException } from '../../common/errors/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import { OrgScopeService } from '../orgs/org-scope.service';
import { displayName } from '../quiz/quiz-campaigns.service';
import { User } from '../users/entities/user.entity';
import type { FeedQuery, HideCheckinDto } from './dto/reading.dto';
import { ReadingCheckin, ReadingLike, ReadingParticipant, ReadingSeason } from './entities/reading.entities';
import { ReadingCheckinsService } from './reading-checkins.service';
import { ReadingSeasonsService } from './reading-seasons.service';

/** The public feed of notes (书友圈): only published notes, newest first, with likes. */
@Injectable()
export class ReadingFeedService {
  constructor(
    @InjectRepository(ReadingCheckin) private readonly checkins: Repository<ReadingCheckin>,
    @InjectRepository(ReadingLike) private readonly likes: Repository<ReadingLike>,
    @InjectRepository(ReadingParticipant) private readonly participants: Repository<ReadingParticipant>,
    @InjectRepository(ReadingSeason) private readonly seasonRepo: Repository<ReadingSeason>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
    private readonly seasons: ReadingSeasonsService,
    private readonly checkinsService: ReadingCheckinsService,
    private readonly scope: OrgScopeService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Keyset pagination on the id: a page never repeats or skips a note while new ones arrive. */
  async feed(userId: number, seasonId: number, query: FeedQuery): Promise<FeedPageView> {
    await this.seasons.forWorker(userId, seasonId);
    const qb = this.checkins
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.book', 'b')
      .where('c.season_id = :seasonId AND c.status = :published', { seasonId, published: 'published' })
      .orderBy('c.id', 'DESC')
      .take(query.limit + 1);
    if (query.cursor) qb.andWhere('c.id < :cursor', { cursor: Number(query.cursor) });
    const rows = await qb.getMany();
    const page = rows.slice(0, query.limit);
    const ids = page.map((c) => c.id);
    const [authors, liked] = await Promise.all([
      page.length
        ? this.users.find({
            where: { id: In([...new Set(page.map((c) => c.userId))]) },
            relations: { org: true },
          })
        : [],
      ids.length
        ? this.likes.find({ select: { checkinId: true }, where: { userId, checkinId: In(ids) } })
        : [],
    ]);
    const byId = new Map(authors.map((u) => [u.id, u]));
    const likedIds = new Set(liked.map((l) => l.checkinId));
    const items = page.map((c): FeedItemView => {
      const author = byId.get(c.userId);
      return {
        id: c.id,
        author: { name: displayName(author), org: author?.org?.name ?? null },
        day: c.day,
        book: { id: c.bookId, title: c.book?.title ?? '' },
        minutes: c.minutes,
        note: c.note,
        photos: this.checkinsService.photoViews(c.photoIds),
        makeUp: c.makeUp,
        likeCount: c.likeCount,
        likedByMe: likedIds.has(c.id),
        mine: c.userId === userId,
        createdAt: c.createdAt.toISOString(),
      };
    });
    return { items, nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null };
  }

  /** Idempotent: the (check-in, worker) key admits one like; the count moves only when a row did. */
  async like(user: AuthUser, checkinId: number): Promise<LikeView> {
    await this.published(user.id, checkinId);
    // Count first: the UPDATE takes the check-in row's exclusive lock before the like's foreign-key check
    // would take a shared one, so many workers liking one note queue instead of deadlocking. A like that
    // already exists rolls the count back with it.
    await withDeadlockRetry(() =>
      this.dataSource
        .transaction(async (manager) => {
          await manager.increment(ReadingCheckin, { id: checkinId }, 'likeCount', 1);
          await manager.insert(ReadingLike, { checkinId, userId: user.id });
        })
        .catch((error: unknown) => {
          if (!isUniqueViolation(error)) throw error;
        }),
    );
    return this.likeView(user.id, checkinId);
  }

  async unlike(user: AuthUser, checkinId: number): Promise<LikeView> {
    await this.published(user.id, checkinId);
    await this.dataSource.transaction(async (manager) => {
      const { affected } = await manager.delete(ReadingLike, { checkinId, userId: user.id });
      if (affected) await manager.decrement(ReadingCheckin, { id: checkinId }, 'likeCount', 1);
    });
    return this.likeView(user.id, checkinId);
  }

  /**
   * Staff whose subtree holds the season's owner or the author's org take a note out of the feed; the
   * check-in still counts, and the author is told why.
   */
  async hide(staff: AuthUser, checkinId: number, dto: HideCheckinDto): Promise<void> {
    const checkin = await this.checkins.findOneBy({ id: checkinId });
    if (!checkin) throw AppException.notFound();
    const [season, standing, scope] = await Promise.all([
      this.seasonRepo.findOne({ where: { id: checkin.seasonId }, relations: { ownerOrg: true } }),
      this.participants.findOneBy({ seasonId: checkin.seasonId, userId: checkin.userId }),
      this.scope.scopeOf(staff),
    ]);
    const inScope =
      this.scope.contains(scope, season!.ownerOrg!) ||
      (standing?.orgPath != null && this.scope.contains(scope, { path: standing.orgPath }));
    if (!inScope) throw AppException.notFound();
    const { affected } = await this.checkins.update(
      { id: checkinId, status: In(['published', 'pending']) },
      { status: 'hidden', hiddenReason: dto.reason },
    );
    if (!affected) return;
    await this.notifications.notify(checkin.userId, {
      kind: 'content_rejected',
      title: '你的读后感已被隐藏',
      body: `原因：${dto.reason}。你的打卡记录不受影响。`,
      page: 'packages/reading/pages/index/index',
    });
  }

  /** A note in the feed of a season this worker may see; anything else is 404 alike. */
  private async published(userId: number, checkinId: number): Promise<void> {
    const checkin = await this.checkins.findOneBy({ id: checkinId, status: 'published' });
    if (!checkin) throw AppException.notFound('这条打卡不存在或已隐藏');
    await this.seasons.forWorker(userId, checkin.seasonId);
  }

  private async likeView(userId: number, checkinId: number): Promise<LikeView> {
    const [checkin, liked] = await Promise.all([
      this.checkins.findOneByOrFail({ id: checkinId }),
      this.likes.existsBy({ checkinId, userId }),
    ]);
    return { liked, likeCount: checkin.likeCount };
  }
}
