import type { CareStatsView, LegalStatsView, QuizStatsView, ReadingStatsView } from '@jingcai/shared';
import { api } from './http';

/** The dashboard's figures: each feature's stats route, counted over the staff member's subtree. */
export const dashboardApi = {
  quiz: (days: number, campaignId?: number) => api.get<QuizStatsView>('/quiz/stats', { days, campaignId }),
  reading: (days: number, seasonId?: number) => api.get<ReadingStatsView>('/reading/stats', { days, seasonId }),
  care: (days: number, benefitId?: number) => api.get<CareStatsView>('/care/stats', { days, benefitId }),
  legal: (weeks: number) => api.get<LegalStatsView>('/legal/stats', { weeks }),
};
