import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { shanghaiDaySql } from '../../common/database/shanghai-day';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { LegalMessage, LegalQuestion } from './entities/legal.entities';
import { OPEN_STATUSES } from './question-rules';

/** Counts per Shanghai day. */
export interface DayCount {
  day: string;
  count: number;
}

/** Who answers a question: anyone but its asker. */
const ANSWERING_ROLES = ['lawyer', 'staff'];

/**
 * The dashboard's legal figures over questions asked from inside the scope (`org_path`, the asker's org
 * when they asked). Each starts from an index range (migration DashboardIndexes); see docs/dashboards.md.
 */
@Injectable()
export class LegalStatsRepository {
  constructor(
    @InjectRepository(LegalQuestion) private readonly questions: Repository<LegalQuestion>,
    @InjectRepository(LegalMessage) private readonly messages: Repository<LegalMessage>,
  ) {}

  /** Questions asked per day in [from, to): one range of idx_legal_questions_created (created_at, org_path). */
  async openedPerDay(scope: OrgScope, from: Date, to: Date): Promise<DayCount[]> {
    const day = shanghaiDaySql(this.questions.manager.connection, 'q.created_at');
    const rows = await this.questions
      .createQueryBuilder('q')
      .select(day, 'day')
      .addSelect('COUNT(*)', 'count')
      .where('q.created_at >= :from AND q.created_at < :to', { from, to })
      .andWhere(...OrgScopeService.pathCondition(scope, 'q.org_path'))
      .groupBy(day)
      .getRawMany<{ day: string; count: string | number }>();
    return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
  }

  /**
   * Questions whose first answer came on each day in [from, to): answers of the window from
   * idx_legal_messages_answers (author_role, created_at, question_id), each kept when no earlier answer
   * exists in its thread (idx_legal_messages_question), its question read by primary key for the scope.
   */
  async firstAnswersPerDay(scope: OrgScope, from: Date, to: Date): Promise<DayCount[]> {
    const day = shanghaiDaySql(this.messages.manager.connection, 'm.created_at');
    const rows = await this.messages
      .createQueryBuilder('m')
      .innerJoin(LegalQuestion, 'q', 'q.id = m.question_id')
      .select(day, 'day')
      .addSelect('COUNT(*)', 'count')
      .where('m.author_role IN (:...roles) AND m.created_at >= :from AND m.created_at < :to', {
        roles: ANSWERING_ROLES,
        from,
        to,
      })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM legal_messages e
           WHERE e.question_id = m.question_id AND e.id < m.id AND e.author_role IN (:...roles))`,
      )
      .andWhere(...OrgScopeService.pathCondition(scope, 'q.org_path'))
      .groupBy(day)
      .getRawMany<{ day: string; count: string | number }>();
    return rows.map((r) => ({ day: r.day, count: Number(r.count) }));
  }

  /** Open questions past their due time at `now`: one range of idx_legal_questions_due (status, due_at). */
  overdue(scope: OrgScope, now: Date): Promise<number> {
    return this.questions
      .createQueryBuilder('q')
      .where({ status: In([...OPEN_STATUSES]) })
      .andWhere('q.due_at < :now', { now })
      .andWhere(...OrgScopeService.pathCondition(scope, 'q.org_path'))
      .getCount();
  }
}
