import { Injectable } from '@nestjs/common';
import {
  shanghaiDay,
  type BookView,
  type CurrentSeasonView,
  type Page,
  type SeasonView,
} from '@jingcai/shared';
import { hasRole, isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { TtlCache } from '../../common/cache/ttl-cache';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import type { PageQuery } from '../../common/http/pagination';
import { toOrgSummary } from '../orgs/org.mapper';
import { OrgScopeService } from '../orgs/org-scope.service';
import { UsersRepository } from '../users/users.repository';
import type { CreateBookDto } from './dto/create-book.dto';
import type { CreateSeasonDto } from './dto/create-season.dto';
import type { UpdateSeasonDto } from './dto/update-season.dto';
import type { ReadingBook, ReadingSeason } from './entities/reading.entities';
import { SeasonsRepository, type BookFields, type SeasonFields } from './seasons.repository';
import { CheckinsRepository } from './checkins.repository';

/** How long another API instance may go on using a season's old settings after staff change them. */
const SEASON_CACHE_MS = 10_000;

/** Seasons and their book lists: staff manage those of their subtree; workers see the one open for them. */
@Injectable()
export class ReadingSeasonsService {
  /** Every worker request names its season: its settings are read from here, not from the database. */
  private readonly published = new TtlCache<number, ReadingSeason | null>(SEASON_CACHE_MS);

  constructor(
    private readonly seasons: SeasonsRepository,
    private readonly checkins: CheckinsRepository,
    private readonly users: UsersRepository,
    private readonly scope: OrgScopeService,
    private readonly clock: Clock,
  ) {}

  async create(staff: AuthUser, dto: CreateSeasonDto): Promise<SeasonView> {
    await this.scope.assertCanManage(staff, dto.ownerOrgId);
    await this.checkBody(staff, dto);
    const id = await this.seasons.createDraft(seasonFields(dto), dto.ownerOrgId, dto.books.map(bookFields));
    return this.view(id);
  }

  async update(staff: AuthUser, id: number, dto: UpdateSeasonDto): Promise<SeasonView> {
    const season = await this.managed(staff, id);
    const merged: SeasonFields = { ...season, ...dto };
    await this.checkBody(staff, merged);
    await this.seasons.update(id, seasonFields(merged));
    this.published.delete(id);
    return this.view(id);
  }

  async publish(staff: AuthUser, id: number): Promise<SeasonView> {
    await this.managed(staff, id);
    if (!(await this.seasons.hasBooks(id)))
      throw new AppException('SEASON_HAS_NO_BOOKS', '请先添加至少一本推荐书目再发布');
    await this.seasons.publishDraft(id);
    this.published.delete(id);
    return this.view(id);
  }

  async addBook(staff: AuthUser, seasonId: number, dto: CreateBookDto): Promise<BookView> {
    await this.managed(staff, seasonId);
    return toBookView(await this.seasons.appendBook(seasonId, bookFields(dto)));
  }

  /** A book someone has already checked in with stays: removing it would orphan their records. */
  async removeBook(staff: AuthUser, bookId: number): Promise<void> {
    const book = await this.seasons.book(bookId);
    if (!book) throw AppException.notFound('书目不存在');
    await this.managed(staff, book.seasonId);
    if (await this.checkins.isBookUsed(bookId))
      throw new AppException('BOOK_IN_USE', '已有职工打卡读过这本书，不能删除');
    await this.seasons.deleteBook(bookId);
  }

  async listManaged(staff: AuthUser, query: PageQuery): Promise<Page<SeasonView>> {
    const scope = await this.scope.scopeOf(staff);
    const [rows, total] = await this.seasons.pageInScope(scope, query.skip, query.pageSize);
    const books = await this.seasons.booksOf(rows.map((s) => s.id));
    return {
      items: rows.map((s) => toSeasonView(s, books.get(s.id) ?? [])),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(staff: AuthUser, id: number): Promise<SeasonView> {
    await this.managed(staff, id);
    return this.view(id);
  }

  /** The published season open today and meant for this worker; the latest-starting one if several. */
  async current(userId: number): Promise<CurrentSeasonView> {
    const today = shanghaiDay(this.clock.now());
    const worker = await this.users.facts(userId);
    const season = await this.seasons.openFor(today, worker?.orgPath);
    return { season: season ? await this.view(season.id) : null };
  }

  /** A published season this worker may take part in, or 404 alike for "no such season" and "not for you". */
  async forWorker(userId: number, id: number): Promise<ReadingSeason> {
    const season = await this.published.get(id, () => this.seasons.published(id));
    const orgPath = season?.audienceOrg ? (await this.users.facts(userId))?.orgPath : null;
    if (!season || (season.audienceOrg && !isInAudience(season, orgPath)))
      throw AppException.notFound('读书季不存在');
    return season;
  }

  /** What a leaderboard needs: a season meant for this worker, or one the staff member runs (the console's). */
  async forReader(reader: AuthUser, id: number): Promise<ReadingSeason> {
    try {
      return await this.forWorker(reader.id, id);
    } catch (notForWorker) {
      if (!hasRole(reader, 'staff') && !isAdmin(reader)) throw notForWorker;
      return this.managed(reader, id);
    }
  }

  /** A season in the staff member's subtree, or 404. */
  async managed(staff: AuthUser, id: number): Promise<ReadingSeason> {
    const season = await this.seasons.withOwner(id);
    if (!season || !this.scope.contains(await this.scope.scopeOf(staff), season.ownerOrg!))
      throw AppException.notFound('读书季不存在');
    return season;
  }

  private async checkBody(staff: AuthUser, dto: SeasonFields) {
    if (dto.endsOn < dto.startsOn) throw AppException.invalid('endsOn', '结束日期不能早于开始日期');
    if (dto.badgeThresholds.some((n, i) => i > 0 && n <= dto.badgeThresholds[i - 1]))
      throw AppException.invalid('badgeThresholds', '徽章天数须从小到大且不重复');
    await this.scope.checkAudience(staff, dto.audienceOrgId, 'audienceOrgId');
  }

  private async view(id: number): Promise<SeasonView> {
    const season = await this.seasons.withOrgs(id);
    return toSeasonView(season, (await this.seasons.booksOf([id])).get(id) ?? []);
  }
}

/** Everyone, or workers whose org is inside the audience subtree. */
function isInAudience(season: ReadingSeason, orgPath: string | null | undefined): boolean {
  return !season.audienceOrg || Boolean(orgPath?.startsWith(season.audienceOrg.path));
}

function seasonFields(dto: SeasonFields): SeasonFields {
  return {
    theme: dto.theme,
    description: dto.description,
    startsOn: dto.startsOn,
    endsOn: dto.endsOn,
    minNoteLength: dto.minNoteLength,
    makeUpAllowance: dto.makeUpAllowance,
    badgeThresholds: dto.badgeThresholds,
    audienceOrgId: dto.audienceOrgId,
  };
}

function bookFields(dto: CreateBookDto): BookFields {
  return {
    title: dto.title,
    author: dto.author,
    coverUrl: dto.coverUrl ?? null,
    blurb: dto.blurb,
  };
}

function toBookView(book: ReadingBook): BookView {
  return {
    id: book.id,
    title: book.title,
    author: book.author,
    coverUrl: book.coverUrl,
    blurb: book.blurb,
  };
}

function toSeasonView(season: ReadingSeason, books: ReadingBook[]): SeasonView {
  return {
    id: season.id,
    theme: season.theme,
    description: season.description,
    startsOn: season.startsOn,
    endsOn: season.endsOn,
    minNoteLength: season.minNoteLength,
    makeUpAllowance: season.makeUpAllowance,
    badgeThresholds: season.badgeThresholds,
    status: season.status,
    books: books.map(toBookView),
    ownerOrg: toOrgSummary(season.ownerOrg!),
    audienceOrg: season.audienceOrg ? toOrgSummary(season.audienceOrg) : null,
  };
}
