import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, Repository } from 'typeorm';
import { ReadingParticipant } from './entities/reading.entities';

/** A reader's place in a ranking: what the order is decided on. */
export type Standing = Pick<ReadingParticipant, 'userId' | 'days' | 'longestStreak' | 'minutes'>;

/** Participants and minutes of a season recorded under one org path. */
export interface OrgPathTotals {
  path: string;
  participants: number;
  minutes: number;
}

/** The standings table (reading_participants): one row per worker and season, rewritten on each check-in. */
@Injectable()
export class StandingsRepository {
  constructor(
    @InjectRepository(ReadingParticipant)
    private readonly participants: Repository<ReadingParticipant>,
  ) {}

  of(seasonId: number, userId: number): Promise<ReadingParticipant | null> {
    return this.participants.findOneBy({ seasonId, userId });
  }

  /**
   * Creates the row before the check-in's transaction, so that transaction's first statement takes its
   * exclusive lock outright: an INSERT IGNORE inside would take a shared lock first, and two requests
   * upgrading their shared locks deadlock.
   */
  async ensure(seasonId: number, userId: number, orgPath: string | null): Promise<void> {
    await this.participants
      .createQueryBuilder()
      .insert()
      .values({ seasonId, userId, orgPath })
      .orIgnore()
      .execute();
  }

  /** Readers with at least one day, best first: days, longest streak, who joined first. */
  ranked(seasonId: number): Promise<Standing[]> {
    return this.participants.find({
      select: { userId: true, days: true, longestStreak: true, minutes: true },
      where: { seasonId, days: MoreThan(0) },
      order: { days: 'DESC', longestStreak: 'DESC', userId: 'ASC' },
    });
  }

  /** One grouped query over the standings: readers with a day and their minutes, per recorded org path. */
  async totalsByOrgPath(seasonId: number): Promise<OrgPathTotals[]> {
    const groups = await this.participants
      .createQueryBuilder('p')
      .select('p.org_path', 'path')
      .addSelect('COUNT(*)', 'participants')
      .addSelect('SUM(p.minutes)', 'minutes')
      .where('p.season_id = :seasonId AND p.org_path IS NOT NULL AND p.days > 0', { seasonId })
      .groupBy('p.org_path')
      .getRawMany<{ path: string; participants: string; minutes: string }>();
    return groups.map((g) => ({
      path: g.path,
      participants: Number(g.participants),
      minutes: Number(g.minutes),
    }));
  }
}
