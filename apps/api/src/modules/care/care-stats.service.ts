import { Injectable } from '@nestjs/common';
import {
  addDays,
  fillDays,
  shanghaiDay,
  shanghaiDayStart,
  trendWindow,
  type CareStatsView,
  type StatsChoiceView,
} from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { OrgScopeService } from '../orgs/org-scope.service';
import { BenefitsRepository } from './benefits.repository';
import { BenefitsService } from './benefits.service';
import { CareStatsRepository } from './care-stats.repository';
import type { Benefit } from './entities/benefit.entity';

/** How many benefits the dashboard offers to choose from, newest first. */
const CHOICES = 30;

/** A benefit runs from its first claim day to its pickup deadline: claims, then redemptions. */
function toChoice(benefit: Benefit): StatsChoiceView {
  return {
    id: benefit.id,
    title: benefit.title,
    startsOn: shanghaiDay(benefit.claimStartsAt),
    endsOn: shanghaiDay(benefit.pickupDeadline),
  };
}

/**
 * The dashboard's care panel: packs claimed and handed out per day for one benefit the staff member
 * manages (owned inside their subtree, as every other benefit figure); any other answers 404.
 */
@Injectable()
export class CareStatsService {
  constructor(
    private readonly benefitsService: BenefitsService,
    private readonly benefits: BenefitsRepository,
    private readonly figures: CareStatsRepository,
    private readonly scope: OrgScopeService,
    private readonly clock: Clock,
  ) {}

  async stats(staff: AuthUser, days: number, benefitId?: number): Promise<CareStatsView> {
    const scope = await this.scope.scopeOf(staff);
    const { items } = await this.benefits.pageInScope(scope, 0, CHOICES);
    const benefit = benefitId === undefined ? items[0] : await this.benefitsService.managed(staff, benefitId);
    const base = { benefits: items.map(toChoice), benefitId: benefit?.id ?? null };
    if (!benefit) return { ...base, days: [] };

    const window = trendWindow(shanghaiDay(this.clock.now()), days, toChoice(benefit));
    const from = shanghaiDayStart(window.from);
    const to = shanghaiDayStart(addDays(window.to, 1));
    const [claimed, redeemed] = await Promise.all([
      this.figures.claimedPerDay(benefit.id, from, to),
      this.figures.redeemedPerDay(benefit.id, from, to),
    ]);
    const rows = new Map<string, { day: string; claimed: number; redeemed: number }>();
    const row = (day: string) => rows.get(day) ?? rows.set(day, { day, claimed: 0, redeemed: 0 }).get(day)!;
    for (const c of claimed) row(c.day).claimed = c.count;
    for (const r of redeemed) row(r.day).redeemed = r.count;
    return { ...base, days: fillDays([...rows.values()], window, { claimed: 0, redeemed: 0 }) };
  }
}
