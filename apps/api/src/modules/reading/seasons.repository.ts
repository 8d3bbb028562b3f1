import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { audienceCondition } from '../orgs/org-audience';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { ReadingBook, ReadingSeason } from './entities/reading.entities';

/** What a season is apart from its owner, status and books: what create and update both write. */
export type SeasonFields = Pick<
  ReadingSeason,
  | 'theme'
  | 'description'
  | 'startsOn'
  | 'endsOn'
  | 'minNoteLength'
  | 'makeUpAllowance'
  | 'badgeThresholds'
  | 'audienceOrgId'
>;

export type BookFields = Pick<ReadingBook, 'title' | 'author' | 'coverUrl' | 'blurb'>;

/** Seasons and their book lists (reading_seasons, reading_books). */
@Injectable()
export class SeasonsRepository {
  constructor(
    @InjectRepository(ReadingSeason)
    private readonly seasons: Repository<ReadingSeason>,
    @InjectRepository(ReadingBook)
    private readonly books: Repository<ReadingBook>,
  ) {}

  /** A draft season and its books in one transaction; answers the new id. */
  createDraft(fields: SeasonFields, ownerOrgId: number, books: BookFields[]): Promise<number> {
    return this.seasons.manager.transaction(async (manager) => {
      const { identifiers } = await manager.insert(ReadingSeason, {
        ...fields,
        ownerOrgId,
        status: 'draft',
      });
      const seasonId = Number(identifiers[0].id);
      if (books.length) {
        await manager.insert(
          ReadingBook,
          books.map((book, position) => ({ ...book, seasonId, position })),
        );
      }
      return seasonId;
    });
  }

  async update(id: number, fields: SeasonFields): Promise<void> {
    await this.seasons.update(id, fields);
  }

  async publishDraft(id: number): Promise<void> {
    await this.seasons.update({ id, status: 'draft' }, { status: 'published' });
  }

  /** With its owner org (for the staff scope check). */
  withOwner(id: number): Promise<ReadingSeason | null> {
    return this.seasons.findOne({
      where: { id },
      relations: { ownerOrg: true },
    });
  }

  /** A published season with its audience org, or null. */
  published(id: number): Promise<ReadingSeason | null> {
    return this.seasons.findOne({
      where: { id, status: 'published' },
      relations: { audienceOrg: true },
    });
  }

  byId(id: number): Promise<ReadingSeason | null> {
    return this.seasons.findOneBy({ id });
  }

  /** With both orgs, for the view. */
  withOrgs(id: number): Promise<ReadingSeason> {
    return this.seasons.findOneOrFail({
      where: { id },
      relations: { ownerOrg: true, audienceOrg: true },
    });
  }

  /** A page of the seasons owned inside `scope`, newest first, with both orgs. */
  pageInScope(scope: OrgScope, skip: number, take: number): Promise<[ReadingSeason[], number]> {
    const qb = this.seasons
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.ownerOrg', 'o')
      .leftJoinAndSelect('s.audienceOrg', 'a')
      .orderBy('s.id', 'DESC')
      .skip(skip)
      .take(take);
    if (!scope.all) qb.andWhere(...OrgScopeService.pathCondition(scope, 'o.path'));
    return qb.getManyAndCount();
  }

  /** The published season open on `day` aimed at a worker of `orgPath`; the latest-starting one if several. */
  openFor(day: string, orgPath: string | null | undefined): Promise<ReadingSeason | null> {
    const audience = audienceCondition('s.audienceOrgId', 'audience', orgPath);
    return this.seasons
      .createQueryBuilder('s')
      .leftJoin('s.audienceOrg', 'audience')
      .where('s.status = :published AND s.startsOn <= :today AND s.endsOn >= :today', {
        published: 'published',
        today: day,
      })
      .andWhere(audience.where, audience.parameters)
      .orderBy('s.startsOn', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .getOne();
  }

  hasBooks(seasonId: number): Promise<boolean> {
    return this.books.existsBy({ seasonId });
  }

  isBookOfSeason(bookId: number, seasonId: number): Promise<boolean> {
    return this.books.existsBy({ id: bookId, seasonId });
  }

  book(id: number): Promise<ReadingBook | null> {
    return this.books.findOneBy({ id });
  }

  /** A book at the end of the season's list. */
  async appendBook(seasonId: number, fields: BookFields): Promise<ReadingBook> {
    const position = await this.books.countBy({ seasonId });
    const { identifiers } = await this.books.insert({
      ...fields,
      seasonId,
      position,
    });
    return this.books.findOneByOrFail({ id: Number(identifiers[0].id) });
  }

  async deleteBook(id: number): Promise<void> {
    await this.books.delete(id);
  }

  /** Each season's books in list order. */
  async booksOf(seasonIds: number[]): Promise<Map<number, ReadingBook[]>> {
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
}
