import { Injectable } from '@nestjs/common';
import { addDays, mondayOf, shanghaiDay, shanghaiDayStart, sumByWeek, type LegalStatsView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { OrgScopeService } from '../orgs/org-scope.service';
import { LegalStatsRepository } from './legal-stats.repository';

/**
 * The dashboard's legal panel over questions asked from the staff member's subtree: opened and first
 * answered per Monday-based Shanghai week, and how many are overdue now.
 */
@Injectable()
export class LegalStatsService {
  constructor(
    private readonly figures: LegalStatsRepository,
    private readonly scope: OrgScopeService,
    private readonly clock: Clock,
  ) {}

  async stats(staff: AuthUser, weeks: number): Promise<LegalStatsView> {
    const now = this.clock.now();
    const scope = await this.scope.scopeOf(staff);
    const today = shanghaiDay(now);
    const window = { from: mondayOf(addDays(today, -7 * (weeks - 1))), to: today };
    const from = shanghaiDayStart(window.from);
    const to = shanghaiDayStart(addDays(today, 1));
    const [opened, answered, overdue] = await Promise.all([
      this.figures.openedPerDay(scope, from, to),
      this.figures.firstAnswersPerDay(scope, from, to),
      this.figures.overdue(scope, now),
    ]);
    const daily = [
      ...opened.map((o) => ({ day: o.day, opened: o.count, answered: 0 })),
      ...answered.map((a) => ({ day: a.day, opened: 0, answered: a.count })),
    ];
    return { weeks: sumByWeek(daily, window, ['opened', 'answered'] as const), overdue };
  }
}
