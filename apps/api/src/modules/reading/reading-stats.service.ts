import { Injectable } from '@nestjs/common';
import { fillDays, shanghaiDay, trendWindow, type ReadingStatsView, type StatsChoiceView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { comparedOrgs, participationByOrg, scopeReaches } from '../orgs/org-comparison';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import type { ReadingSeason } from './entities/reading.entities';
import { ReadingStatsRepository } from './reading-stats.repository';
import { StandingsRepository } from './standings.repository';

/** How many seasons the dashboard offers to choose from, newest first. */
const CHOICES = 30;

function toChoice(season: ReadingSeason): StatsChoiceView {
  return { id: season.id, title: season.theme, startsOn: season.startsOn, endsOn: season.endsOn };
}

/**
 * The dashboard's reading panel: readers per day and participation by org, over the staff member's
 * subtree only; which seasons show follows the quiz panel's rule (`scopeReaches`).
 */
@Injectable()
export class ReadingStatsService {
  constructor(
    private readonly figures: ReadingStatsRepository,
    private readonly standings: StandingsRepository,
    private readonly orgs: OrgsRepository,
    private readonly scope: OrgScopeService,
    private readonly clock: Clock,
  ) {}

  async stats(staff: AuthUser, days: number, seasonId?: number): Promise<ReadingStatsView> {
    const scope = await this.scope.scopeOf(staff);
    const choices = (await this.figures.latest(CHOICES * 4)).filter((s) => shows(scope, s)).slice(0, CHOICES);
    const season = seasonId === undefined ? choices[0] : await this.visible(scope, seasonId);
    const base = { seasons: choices.map(toChoice), seasonId: season?.id ?? null };
    if (!season) return { ...base, days: [], orgs: [] };

    const window = trendWindow(shanghaiDay(this.clock.now()), days, season);
    const [daily, totals, allOrgs] = await Promise.all([
      this.figures.daily(season.id, scope, window.from, window.to),
      this.standings.totalsByOrgPath(season.id),
      this.orgs.all(),
    ]);
    return {
      ...base,
      days: fillDays(daily, window, { readers: 0 }),
      orgs: participationByOrg(totals, comparedOrgs(allOrgs, scope)),
    };
  }

  private async visible(scope: OrgScope, id: number): Promise<ReadingSeason> {
    const season = await this.figures.notDraft(id);
    if (!season || !shows(scope, season)) throw AppException.notFound('读书季不存在');
    return season;
  }
}

function shows(scope: OrgScope, season: ReadingSeason): boolean {
  return scopeReaches(scope, season.ownerOrg!.path, season.audienceOrg?.path ?? null);
}
