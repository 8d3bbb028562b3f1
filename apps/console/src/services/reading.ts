import type {
  BookBody,
  BookView,
  FeedPageView,
  HideCheckinBody,
  LeaderboardView,
  Page,
  ReaderRankView,
  ReadingOrgRankView,
  SeasonBody,
  SeasonPatch,
  SeasonView,
} from '@jingcai/shared';
import { api, downloadFile, type ProgressListener } from './http';

export const readingApi = {
  seasons: (page: number, pageSize: number) => api.get<Page<SeasonView>>('/reading/seasons', { page, pageSize }),
  season: (id: number) => api.get<SeasonView>(`/reading/seasons/${id}`),
  create: (body: SeasonBody) => api.post<SeasonView>('/reading/seasons', body),
  update: (id: number, body: SeasonPatch) => api.patch<SeasonView>(`/reading/seasons/${id}`, body),
  publish: (id: number) => api.post<SeasonView>(`/reading/seasons/${id}/publish`),
  addBook: (seasonId: number, body: BookBody) => api.post<BookView>(`/reading/seasons/${seasonId}/books`, body),
  removeBook: (bookId: number) => api.delete<void>(`/reading/books/${bookId}`),
  feed: (seasonId: number, cursor?: string) =>
    api.get<FeedPageView>(`/reading/seasons/${seasonId}/feed`, { cursor, limit: 20 }),
  hide: (checkinId: number, reason: string) =>
    api.post<void>(`/reading/checkins/${checkinId}/hide`, { reason } satisfies HideCheckinBody),
  people: (seasonId: number, limit = 50) =>
    api.get<LeaderboardView<ReaderRankView>>(`/reading/seasons/${seasonId}/leaderboard`, { scope: 'person', limit }),
  orgs: (seasonId: number, depth: number, limit = 100) =>
    api.get<LeaderboardView<ReadingOrgRankView>>(`/reading/seasons/${seasonId}/leaderboard`, {
      scope: 'org',
      depth,
      limit,
    }),
  exportOrgs: (season: Pick<SeasonView, 'id' | 'theme'>, depth: number, onProgress?: ProgressListener) =>
    downloadFile(`/reading/seasons/${season.id}/orgs.xlsx`, `${season.theme}-组织参与.xlsx`, {
      query: { depth },
      onProgress,
    }),
  exportCheckins: (season: Pick<SeasonView, 'id' | 'theme'>, onProgress?: ProgressListener) =>
    downloadFile(`/reading/seasons/${season.id}/checkins.xlsx`, `${season.theme}-打卡记录.xlsx`, { onProgress }),
};
