import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, LessThanOrEqual, MoreThanOrEqual, Repository, type DeepPartial } from 'typeorm';
import { hotQuery } from '../../common/database/hot-query';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { Benefit } from './entities/benefit.entity';

/** What a benefit's view needs loaded (see toBenefitView). */
const VIEW_RELATIONS = { ownerOrg: true, stations: { org: true } } as const;
const REMAINING_SQL = 'SELECT remaining_stock AS remaining FROM care_benefits WHERE id = ?';

/** The care_benefits table's statements (and its stations link table, through the entity). */
@Injectable()
export class BenefitsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Benefit) private readonly benefits: Repository<Benefit>,
  ) {}

  /** What claiming needs of a benefit: its stations and audience org. */
  forClaiming(id: number): Promise<Benefit | null> {
    return this.benefits.findOne({ where: { id }, relations: { stations: true, audienceOrg: true } });
  }

  /** The packs left, null when there is no such benefit. Plain SQL: most requests of a rush stop here. */
  async remainingStock(id: number): Promise<number | null> {
    const [stock] = await hotQuery<{ remaining: number | string }>(this.dataSource, REMAINING_SQL, [id]);
    return stock ? Number(stock.remaining) : null;
  }

  /** With its owner org and stations (no station orgs): what managing it needs. */
  forManaging(id: number): Promise<Benefit | null> {
    return this.benefits.findOne({ where: { id }, relations: { ownerOrg: true, stations: true } });
  }

  /** Ready for toBenefitView. */
  forView(id: number): Promise<Benefit> {
    return this.benefits.findOneOrFail({ where: { id }, relations: VIEW_RELATIONS });
  }

  /** Benefits whose claim window contains `now`, closing soonest first, ready for toBenefitView with audience. */
  openAt(now: Date, take: number): Promise<Benefit[]> {
    return this.benefits.find({
      where: { claimStartsAt: LessThanOrEqual(now), claimEndsAt: MoreThanOrEqual(now) },
      relations: { ...VIEW_RELATIONS, audienceOrg: true },
      order: { claimEndsAt: 'ASC' },
      take,
    });
  }

  /** A page of the benefits owned inside the scope, newest first, ready for toBenefitView. */
  async pageInScope(
    scope: OrgScope,
    skip: number,
    take: number,
  ): Promise<{ items: Benefit[]; total: number }> {
    const [rows, total] = await this.benefits
      .createQueryBuilder('b')
      .innerJoin('b.ownerOrg', 'o')
      .select('b.id')
      .orderBy('b.id', 'DESC')
      .where(...OrgScopeService.pathCondition(scope, 'o.path'))
      .skip(skip)
      .take(take)
      .getManyAndCount();
    const items = await this.benefits.find({
      where: { id: In(rows.map((r) => r.id)) },
      relations: VIEW_RELATIONS,
      order: { id: 'DESC' },
    });
    return { items, total };
  }

  /** Saves a new benefit (with its stations); answers its id. */
  async insert(fields: DeepPartial<Benefit>): Promise<number> {
    return (await this.benefits.save(this.benefits.create(fields))).id;
  }

  /** Saves changed fields (stations included); the stock columns only change through changeStock. */
  async saveChanges(
    id: number,
    fields: Omit<DeepPartial<Benefit>, 'totalStock' | 'remainingStock'>,
  ): Promise<void> {
    await this.benefits.save({ ...fields, id });
  }

  /** Adds `delta` to both stock columns unless the remaining stock would go below zero; false then. */
  async changeStock(id: number, delta: number): Promise<boolean> {
    const result = await this.benefits
      .createQueryBuilder()
      .update()
      .set({ totalStock: () => 'total_stock + :delta', remainingStock: () => 'remaining_stock + :delta' })
      .where('id = :id AND remaining_stock + :delta >= 0', { id, delta })
      .setParameter('delta', delta)
      .execute();
    return Boolean(result.affected);
  }
}
