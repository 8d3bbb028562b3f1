import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  shanghaiDay,
  type BookView,
  type CurrentSeasonView,
  type Page,
  type SeasonView,
} from '@jingcai/shared';
import { Repository } from 'typeorm';
import { hasRole, isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { TtlCache } from '../../common/cache/ttl-cache';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import type { PageQuery } from '../../common/http/pagination';
import { toOrgSummary } from '../orgs/org.mapper';
import { audienceCondition } from '../orgs/org-audience';
import { OrgScopeService } from '../orgs/org-scope.service';
import { User } from '../users/entities/user.entity';
import type { BookDto, SeasonDto, SeasonPatchDto } from './dto/reading.dto';
import { ReadingBook, ReadingCheckin, ReadingSeason } from './entities/reading.entities';

/** How long another API instance may go on using a season's old settings after staff change them. */
const SEASON_CACHE_MS = 10_000;

/** Seasons and their book lists: staff manage those of their subtree; workers see the one open for them. */
@Injectable()
export class ReadingSeasonsService {
  /** Every worker request names its season: its settings are read from here, not from the database. */
  private readonly published = new TtlCache<number, ReadingSeason | null>(SEASON_CACHE_MS);

  constructor(
    @InjectRepository(ReadingSeason) private readonly seasons: Repository<ReadingSeason>,
    @InjectRepository(ReadingBook) private readonly books: Repository<ReadingBook>,
    @InjectRepository(ReadingCheckin) private readonly checkins: Repository<ReadingCheckin>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly scope: OrgScopeService,
    private readonly clock: Clock,
  ) {}

  async create(staff: AuthUser, dto: SeasonDto): Promise<SeasonView> {
    await this.scope.assertCanManage(staff, dto.ownerOrgId);
    await this.checkBody(staff, dto);
    const id = await this.seasons.manager.transaction(async (manager) => {
      const { identifiers } = await manager.insert(ReadingSeason, {
        ...this.fields(dto),
        ownerOrgId: dto.ownerOrgId,
        status: 'draft',
      });
      const seasonId = Number(identifiers[0].id);
      if (dto.books.length) {
        await manager.insert(
          ReadingBook,
          dto.books.map((book, position) => ({ ...bookFields(book), seasonId, position })),
        );
      }
      return seasonId;
    });
    return this.view(id);
  }

  async update(staff: AuthUser, id: number, dto: SeasonPatchDto): Promise<SeasonView> {
    const season = await this.managed(staff, id);
    const merged: SeasonFields = { ...season, ...dto };
    await this.checkBody(staff, merged);
    await this.seasons.update(id, this.fields(merged));
    this.published.delete(id);
    return this.view(id);
  }

  async publish(staff: AuthUser, id: number): Promise<SeasonView> {
    await this.managed(staff, id);
    if (!(await this.books.existsBy({ seasonId: id })))
      throw new AppException('SEASON_HAS_NO_BOOKS', '请先添加至少一本推荐书目再发布');
    await this.seasons.update({ id, status: 'draft' }, { status: 'published' });
    this.published.delete(id);
    return this.view(id);
  }

  async addBook(staff: AuthUser, seasonId: number, dto: BookDto): Promise<BookView> {
    await this.managed(staff, seasonId);
    const position = await this.books.countBy({ seasonId });
    const { identifiers } = await this.books.insert({ ...bookFields(dto), seasonId, position });
    return toBookView(await this.books.findOneByOrFail({ id: Number(identifiers[0].id) }));
  }

  /** A book someone has already checked in with stays: removing it would orphan their records. */
  async removeBook(staff: AuthUser, bookId: number): Promise<void> {
    const book = await this.books.findOneBy({ id: bookId });
    if (!book) throw AppException.notFound('书目不存在');
    await this.managed(staff, book.seasonId);
    if (await this.checkins.existsBy({ bookId }))
      throw new AppException('BOOK_IN_USE', '已有职工打卡读过这本书，不能删除');
    await this.books.delete(bookId);
  }

  async listManaged(staff: AuthUser, query: PageQuery): Promise<Page<SeasonView>> {
    const scope = await this.scope.scopeOf(staff);
    const qb = this.seasons
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.ownerOrg', 'o')
      .leftJoinAndSelect('s.audienceOrg', 'a')
      .orderBy('s.id', 'DESC')
      .skip(query.skip)
      .take(query.pageSize);
    if (!scope.all) qb.andWhere(...OrgScopeService.pathCondition(scope, 'o.path'));
    const [rows, total] = await qb.getManyAndCount();
    const books = await this.booksOf(rows.map((s) => s.id));
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
    const user = await this.users.findOne({ where: { id: userId }, relations: { org: true } });
    const audience = audienceCondition('s.audienceOrgId', 'audience', user?.org?.path);
    const season = await this.seasons
      .createQueryBuilder('s')
      .leftJoin('s.audienceOrg', 'audience')
      .where('s.status = :published AND s.startsOn <= :today AND s.endsOn >= :today', {
        published: 'published',
        today,
      })
      .andWhere(audience.where, audience.parameters)
      .orderBy('s.startsOn', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .getOne();
    return { season: season ? await this.view(season.id) : null };
  }

  /** A published season this worker may take part in, or 404 alike for "no such season" and "not for you". */
  async forWorker(userId: number, id: number): Promise<ReadingSeason> {
    const season = await this.published.get(id, () =>
      this.seasons.findOne({ where: { id, status: 'published' }, relations: { audienceOrg: true } }),
    );
    const user = season?.audienceOrg
      ? await this.users.findOne({ where: { id: userId }, relations: { org: true } })
      : null;
    if (!season || (season.audienceOrg && !isInAudience(season, user)))
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
    const season = await this.seasons.findOne({ where: { id }, relations: { ownerOrg: true } });
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

  private fields(dto: SeasonFields) {
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

  private async booksOf(seasonIds: number[]): Promise<Map<number, ReadingBook[]>> {
    const byId = new Map<number, ReadingBook[]>();
    if (!seasonIds.length) return byId;
    const rows = await this.books
      .createQueryBuilder('b')
      .where('b.season_id IN (:...ids)', { ids: seasonIds })
      .orderBy('b.position', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .getMany();
    for (const book of rows) byId.set(book.seasonId, [...(byId.get(book.seasonId) ?? []), book]);
    return byId;
  }

  private async view(id: number): Promise<SeasonView> {
    const season = await this.seasons.findOneOrFail({
      where: { id },
      relations: { ownerOrg: true, audienceOrg: true },
    });
    return toSeasonView(season, (await this.booksOf([id])).get(id) ?? []);
  }
}

/** What a season is apart from its owner and books: what create and update both write. */
type SeasonFields = Omit<SeasonDto, 'books' | 'ownerOrgId'>;

/** Everyone, or workers whose org is inside the audience subtree. `user.org` must be loaded. */
function isInAudience(season: ReadingSeason, user: User | null): boolean {
  return !season.audienceOrg || Boolean(user?.org?.path.startsWith(season.audienceOrg.path));
}

function bookFields(dto: BookDto) {
  return { title: dto.title, author: dto.author, coverUrl: dto.coverUrl ?? null, blurb: dto.blurb };
}

function toBookView(book: ReadingBook): BookView {
  return { id: book.id, title: book.title, author: book.author, coverUrl: book.coverUrl, blurb: book.blurb };
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
