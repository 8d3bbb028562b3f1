import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { QuizDayView } from '@jingcai/shared';
import { Repository } from 'typeorm';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { Attempt, Participant } from './entities/quiz.entities';

/**
 * The dashboard's quiz figures. Attempts carry their Shanghai day (`day`), so a day's participation is a
 * GROUP BY over idx_quiz_attempts_user_day (campaign_id, user_id, day), which holds every column the
 * count reads; each attempt's org comes from the participant row (primary key) it joins.
 */
@Injectable()
export class QuizStatsRepository {
  constructor(@InjectRepository(Attempt) private readonly attempts: Repository<Attempt>) {}

  /**
   * Per day from `from` to `to`: attempts taken by workers of the scope and how many workers took them.
   * A worker counts once they have a result in the campaign (their participant row holds their org).
   */
  async daily(campaignId: number, scope: OrgScope, from: string, to: string): Promise<QuizDayView[]> {
    const rows = await this.attempts
      .createQueryBuilder('a')
      .innerJoin(Participant, 'p', 'p.campaign_id = a.campaign_id AND p.user_id = a.user_id')
      .select('a.day', 'day')
      .addSelect('COUNT(*)', 'attempts')
      .addSelect('COUNT(DISTINCT a.user_id)', 'participants')
      .where('a.campaign_id = :campaignId AND a.day >= :from AND a.day <= :to', { campaignId, from, to })
      .andWhere(...OrgScopeService.pathCondition(scope, 'p.org_path'))
      .groupBy('a.day')
      .getRawMany<{ day: string; attempts: string | number; participants: string | number }>();
    return rows.map((r) => ({ day: r.day, attempts: Number(r.attempts), participants: Number(r.participants) }));
  }
}
