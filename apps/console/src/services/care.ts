import type {
  BenefitBody,
  BenefitView,
  Page,
  RedemptionView,
  StationBody,
  StationStatsView,
  StationView,
  StockChangeBody,
  UpdateBenefitBody,
} from '@jingcai/shared';
import { api, downloadFile, type ProgressListener } from './http';

export const careApi = {
  benefits: (page: number, pageSize: number) =>
    api.get<Page<BenefitView>>('/care/managed-benefits', { page, pageSize }),
  benefit: (id: number) => api.get<BenefitView>(`/care/managed-benefits/${id}`),
  stats: (id: number) => api.get<StationStatsView[]>(`/care/managed-benefits/${id}/stats`),
  create: (body: BenefitBody) => api.post<BenefitView>('/care/benefits', body),
  update: (id: number, body: UpdateBenefitBody) => api.patch<BenefitView>(`/care/benefits/${id}`, body),
  changeStock: (id: number, delta: number) =>
    api.post<BenefitView>(`/care/benefits/${id}/stock`, { delta } satisfies StockChangeBody),
  /** Every station (the worker-facing list); the console keeps those of the staff member's subtree. */
  stations: async (): Promise<StationView[]> => {
    const all: StationView[] = [];
    for (let page = 1; ; page += 1) {
      const batch = await api.get<Page<StationView>>('/care/stations', { page, pageSize: 100 });
      all.push(...batch.items);
      if (all.length >= batch.total || batch.items.length === 0) return all;
    }
  },
  createStation: (body: StationBody) => api.post<StationView>('/care/stations', body),
  updateStation: (id: number, body: Partial<StationBody>) => api.patch<StationView>(`/care/stations/${id}`, body),
  redemptionsToday: () => api.get<RedemptionView[]>('/care/redemptions/today'),
  /** Every claim of the benefit (code, worker, masked phone, station, status, times) as a spreadsheet. */
  exportClaims: (benefit: Pick<BenefitView, 'id' | 'title'>, onProgress?: ProgressListener) =>
    downloadFile(`/care/benefits/${benefit.id}/claims.xlsx`, `${benefit.title}-领取记录.xlsx`, { onProgress }),
};
