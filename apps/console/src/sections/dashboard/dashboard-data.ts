import type { BenefitView, CampaignView } from '@jingcai/shared';
import { careApi } from '../../services/care';
import { legalApi } from '../../services/legal';
import { membershipApi } from '../../services/membership';
import { contentSafetyApi } from '../../services/content-safety';
import { quizApi } from '../../services/quiz';

/** Each figure loads on its own: one failing route leaves the rest of the dashboard standing. */
export interface DashboardData {
  pendingApplications: number | Error;
  pendingModeration: number | Error;
  liveCampaigns: number | Error;
  benefits: BenefitView[] | Error;
  redemptionsToday: number | Error;
  overdueQuestions: number | Error;
  unassignedQuestions: number | Error;
}

export function isLive(campaign: CampaignView, now = Date.now()): boolean {
  return campaign.status === 'published' && Date.parse(campaign.startsAt) <= now && now <= Date.parse(campaign.endsAt);
}

const settle = <T,>(promise: Promise<T>): Promise<T | Error> =>
  promise.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

export async function loadDashboard(): Promise<DashboardData> {
  const [pendingApplications, pendingModeration, liveCampaigns, benefits, redemptionsToday, overdueQuestions, unassignedQuestions] =
    await Promise.all([
      settle(membershipApi.list({ status: 'pending', page: 1, pageSize: 1 }).then((p) => p.total)),
      settle(contentSafetyApi.list({ status: 'pending', page: 1, pageSize: 1 }).then((p) => p.total)),
      settle(quizApi.campaigns().then((all) => all.filter((c) => isLive(c)).length)),
      settle(careApi.benefits(1, 100).then((p) => p.items)),
      settle(careApi.redemptionsToday().then((list) => list.length)),
      settle(legalApi.inbox({ overdue: true, page: 1, pageSize: 1 }).then((p) => p.total)),
      settle(legalApi.inbox({ status: 'new', page: 1, pageSize: 1 }).then((p) => p.total)),
    ]);
  return { pendingApplications, pendingModeration, liveCampaigns, benefits, redemptionsToday, overdueQuestions, unassignedQuestions };
}
