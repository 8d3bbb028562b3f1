import { Injectable } from '@nestjs/common';
import {
  MINIAPP_PAGES,
  publicName,
  wechatPage,
  type FeedItemView,
  type FeedPageView,
  type LikeView,
} from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import { OrgScopeService } from '../orgs/org-scope.service';
import { UsersRepository } from '../users/users.repository';
import { CheckinsRepository } from './checkins.repository';
import type { FeedQueryDto } from './dto/feed-query.dto';
import type { HideCheckinDto } from './dto/hide-checkin.dto';
import { FeedRepository } from './feed.repository';
import { ReadingCheckinsService } from './reading-checkins.service';
import { ReadingSeasonsService } from './reading-seasons.service';
import { SeasonsRepository } from './seasons.repository';
import { StandingsRepository } from './standings.repository';

/** The public feed of notes (书友圈): only published notes, newest first, with likes. */
@Injectable()
export class ReadingFeedService {
  constructor(
    private readonly feedRecords: FeedRepository,
    private readonly checkins: CheckinsRepository,
    private readonly standings: StandingsRepository,
    private readonly seasonRecords: SeasonsRepository,
    private readonly users: UsersRepository,
    private readonly seasons: ReadingSeasonsService,
    private readonly checkinsService: ReadingCheckinsService,
    private readonly scope: OrgScopeService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Keyset pagination on the id: a page never repeats or skips a note while new ones arrive. */
  async feed(userId: number, seasonId: number, query: FeedQueryDto): Promise<FeedPageView> {
    await this.seasons.forWorker(userId, seasonId);
    const cursor = query.cursor ? Number(query.cursor) : null;
    const rows = await this.feedRecords.page(seasonId, cursor, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const [authors, likedIds] = await Promise.all([
      this.users.listed(page.map((c) => c.userId)),
      this.feedRecords.likedAmong(
        userId,
        page.map((c) => c.id),
      ),
    ]);
    const items = page.map((c): FeedItemView => {
      const author = authors.get(c.userId);
      return {
        id: c.id,
        author: { name: publicName(author), org: author?.orgName ?? null },
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
    return {
      items,
      nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
    };
  }

  /** Idempotent: the (check-in, worker) key admits one like; the count moves only when a row did. */
  async like(user: AuthUser, checkinId: number): Promise<LikeView> {
    await this.published(user.id, checkinId);
    await this.feedRecords.like(checkinId, user.id);
    return this.feedRecords.likeState(checkinId, user.id);
  }

  async unlike(user: AuthUser, checkinId: number): Promise<LikeView> {
    await this.published(user.id, checkinId);
    await this.feedRecords.unlike(checkinId, user.id);
    return this.feedRecords.likeState(checkinId, user.id);
  }

  /**
   * Staff whose subtree holds the season's owner or the author's org take a note out of the feed; the
   * check-in still counts, and the author is told why.
   */
  async hide(staff: AuthUser, checkinId: number, dto: HideCheckinDto): Promise<void> {
    const checkin = await this.checkins.byId(checkinId);
    if (!checkin) throw AppException.notFound();
    const [season, standing, scope] = await Promise.all([
      this.seasonRecords.withOwner(checkin.seasonId),
      this.standings.of(checkin.seasonId, checkin.userId),
      this.scope.scopeOf(staff),
    ]);
    const inScope =
      this.scope.contains(scope, season!.ownerOrg!) ||
      (standing?.orgPath != null && this.scope.contains(scope, { path: standing.orgPath }));
    if (!inScope) throw AppException.notFound();
    if (!(await this.checkins.hide(checkinId, dto.reason))) return;
    await this.notifications.notify(checkin.userId, {
      kind: 'content_rejected',
      title: '你的读后感已被隐藏',
      body: `原因：${dto.reason}。你的打卡记录不受影响。`,
      page: wechatPage(MINIAPP_PAGES.reading),
    });
  }

  /** A note in the feed of a season this worker may see; anything else is 404 alike. */
  private async published(userId: number, checkinId: number): Promise<void> {
    const checkin = await this.feedRecords.publishedById(checkinId);
    if (!checkin) throw AppException.notFound('这条打卡不存在或已隐藏');
    await this.seasons.forWorker(userId, checkin.seasonId);
  }
}
