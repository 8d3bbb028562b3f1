import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ReadingDayView } from '@jingcai/shared';
import { Repository } from 'typeorm';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { ReadingCheckin, ReadingParticipant, ReadingSeason } from './entities/reading.entities';

/**
 * The dashboard's reading figures. A check-in is one row per worker and Shanghai day, so a day's readers
 * are a GROUP BY over uq_reading_checkins_day (season_id, user_id, day), which holds every column the
 * count reads; each reader's org comes from their standing row (primary key).
 */
@Injectable()
export class ReadingStatsRepository {
  constructor(
    @InjectRepository(ReadingSeason) private readonly seasons: Repository<ReadingSeason>,
    @InjectRepository(ReadingCheckin) private readonly checkins: Repository<ReadingCheckin>,
  ) {}

  /** The latest seasons that are not drafts, newest first, with both orgs. */
  latest(take: number): Promise<ReadingSeason[]> {
    return this.notDrafts().orderBy('s.id', 'DESC').take(take).getMany();
  }

  /** One season that is not a draft, with both orgs, or null. */
  notDraft(id: number): Promise<ReadingSeason | null> {
    return this.notDrafts().andWhere('s.id = :id', { id }).getOne();
  }

  private notDrafts() {
    return this.seasons
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.ownerOrg', 'o')
      .leftJoinAndSelect('s.audienceOrg', 'a')
      .where("s.status <> 'draft'");
  }

  /** Per day from `from` to `to`: workers of the scope who checked in for that day. */
  async daily(seasonId: number, scope: OrgScope, from: string, to: string): Promise<ReadingDayView[]> {
    const rows = await this.checkins
      .createQueryBuilder('c')
      .innerJoin(ReadingParticipant, 'p', 'p.season_id = c.season_id AND p.user_id = c.user_id')
      .select('c.day', 'day')
      .addSelect('COUNT(*)', 'readers')
      .where('c.season_id = :seasonId AND c.day >= :from AND c.day <= :to', { seasonId, from, to })
      .andWhere(...OrgScopeService.pathCondition(scope, 'p.org_path'))
      .groupBy('c.day')
      .getRawMany<{ day: string; readers: string | number }>();
    return rows.map((r) => ({ day: r.day, readers: Number(r.readers) }));
  }
}
