import { Injectable } from '@nestjs/common';
import { fillDays, shanghaiDay, trendWindow, type QuizStatsView, type StatsChoiceView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { comparedOrgs, participationByOrg, scopeReaches } from '../orgs/org-comparison';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import { CampaignsRepository } from './campaigns.repository';
import type { Campaign } from './entities/quiz.entities';
import { ParticipantsRepository } from './participants.repository';
import { QuizStatsRepository } from './quiz-stats.repository';

/** How many campaigns the dashboard offers to choose from, newest first. */
const CHOICES = 30;

function toChoice(campaign: Campaign): StatsChoiceView {
  return {
    id: campaign.id,
    title: campaign.title,
    startsOn: shanghaiDay(campaign.startsAt),
    endsOn: shanghaiDay(campaign.endsAt),
  };
}

/**
 * The dashboard's quiz panel: participation per day and by org, counted over the staff member's subtree
 * only. Staff see the campaigns they run and every campaign that reaches workers of their subtree (a
 * district-wide campaign shows a street's staff their street's figures); any other answers 404.
 */
@Injectable()
export class QuizStatsService {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly figures: QuizStatsRepository,
    private readonly orgs: OrgsRepository,
    private readonly scope: OrgScopeService,
    private readonly clock: Clock,
  ) {}

  async stats(staff: AuthUser, days: number, campaignId?: number): Promise<QuizStatsView> {
    const scope = await this.scope.scopeOf(staff);
    const choices = (await this.campaigns.latest(CHOICES * 4)).filter((c) => this.shows(scope, c)).slice(0, CHOICES);
    const campaign = campaignId === undefined ? choices[0] : await this.visible(scope, campaignId);
    const base = { campaigns: choices.map(toChoice), campaignId: campaign?.id ?? null };
    if (!campaign) return { ...base, days: [], orgs: [] };

    const window = trendWindow(shanghaiDay(this.clock.now()), days, toChoice(campaign));
    const [daily, totals, allOrgs] = await Promise.all([
      this.figures.daily(campaign.id, scope, window.from, window.to),
      this.participants.orgTotals(campaign.id),
      this.orgs.all(),
    ]);
    return {
      ...base,
      days: fillDays(daily, window, { participants: 0, attempts: 0 }),
      orgs: participationByOrg(
        totals.map((t) => ({ path: t.path, participants: t.count })),
        comparedOrgs(allOrgs, scope),
      ),
    };
  }

  private async visible(scope: OrgScope, id: number): Promise<Campaign> {
    const campaign = await this.campaigns.full(id).catch(() => null);
    if (!campaign || !this.shows(scope, campaign)) throw AppException.notFound('活动不存在');
    return campaign;
  }

  private shows(scope: OrgScope, campaign: Campaign): boolean {
    if (campaign.status === 'draft') return false;
    return scopeReaches(scope, campaign.ownerOrg!.path, campaign.audienceOrg?.path ?? null);
  }
}
