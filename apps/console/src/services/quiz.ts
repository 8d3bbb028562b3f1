import type {
  BankView,
  CampaignBody,
  CampaignView,
  CreateBankBody,
  ImportRowError,
  LeaderboardView,
  OrgRankView,
  ParticipationView,
  PersonRankView,
  QuestionBody,
  QuestionView,
} from '@jingcai/shared';
import { api, downloadFile, errorFrom, uploadFile, type ProgressListener } from './http';

export type CampaignPatch = Partial<Omit<CampaignBody, 'ownerOrgId'>>;

/** What an import came to: every row in, or the rows to fix (and nothing imported). */
export type ImportOutcome = { ok: true; imported: number } | { ok: false; errors: ImportRowError[] };

export const quizApi = {
  banks: () => api.get<BankView[]>('/quiz/banks'),
  createBank: (body: CreateBankBody) => api.post<BankView>('/quiz/banks', body),
  questions: (bankId: number) => api.get<QuestionView[]>(`/quiz/banks/${bankId}/questions`),
  addQuestion: (bankId: number, body: QuestionBody) =>
    api.post<QuestionView>(`/quiz/banks/${bankId}/questions`, body),
  updateQuestion: (id: number, body: QuestionBody) => api.patch<QuestionView>(`/quiz/questions/${id}`, body),
  deleteQuestion: (id: number) => api.delete<void>(`/quiz/questions/${id}`),

  async importFile(bankId: number, file: File, onProgress?: ProgressListener): Promise<ImportOutcome> {
    const form = new FormData();
    form.append('file', file, file.name);
    const { status, text } = await uploadFile(`/quiz/banks/${bankId}/import`, form, onProgress);
    if (status === 200 || status === 201) return { ok: true, imported: (JSON.parse(text) as { imported: number }).imported };
    if (status === 422) return { ok: false, errors: (JSON.parse(text) as { errors: ImportRowError[] }).errors };
    throw errorFrom(status, text);
  },
  downloadTemplate: (onProgress?: ProgressListener) =>
    downloadFile('/quiz/import-template.xlsx', '题库导入模板.xlsx', { onProgress }),

  campaigns: () => api.get<CampaignView[]>('/quiz/managed-campaigns'),
  createCampaign: (body: CampaignBody) => api.post<CampaignView>('/quiz/campaigns', body),
  updateCampaign: (id: number, body: CampaignPatch) => api.patch<CampaignView>(`/quiz/campaigns/${id}`, body),
  publish: (id: number) => api.post<CampaignView>(`/quiz/campaigns/${id}/publish`),
  end: (id: number) => api.post<CampaignView>(`/quiz/campaigns/${id}/end`),
  participation: (id: number) => api.get<ParticipationView>(`/quiz/campaigns/${id}/participation`),
  people: (id: number, limit = 50) =>
    api.get<LeaderboardView<PersonRankView>>(`/quiz/campaigns/${id}/leaderboard`, { scope: 'person', limit }),
  orgs: (id: number, depth: number, limit = 100) =>
    api.get<LeaderboardView<OrgRankView>>(`/quiz/campaigns/${id}/leaderboard`, { scope: 'org', depth, limit }),
  exportResults: (campaign: Pick<CampaignView, 'id' | 'title'>, onProgress?: ProgressListener) =>
    downloadFile(`/quiz/campaigns/${campaign.id}/results.xlsx`, `${campaign.title}-成绩.xlsx`, { onProgress }),
};
