import {
  type AssistanceApplicationView,
  type AssistanceStats,
  type ApplicationExportQuery,
  type ConfirmWishRequest,
  type CreateApplicationRequest,
  type CreateRegisterEntryRequest,
  type CreateWishRequest,
  type EnterpriseClaimRequest,
  type GrantRequest,
  type HomeVisitRequest,
  type Page,
  type PublishWishRequest,
  type RegisterEntryView,
  type RegisterQuery,
  type RegisterReviewRequest,
  type RejectWishRequest,
  type ReturnRequest,
  type ReviewStepRequest,
  type StaffApplicationQuery,
  type StaffApplicationSummary,
  type StaffApplicationView,
  type StaffWishQuery,
  type StaffWishView,
  type UploadPurpose,
  type UploadView,
  type ViewLogEntry,
  type WishView,
  type WishWallItem,
  type WishWallQuery,
} from '@jingcai/shared';
import { api, downloadFile, errorFrom, uploadFile, type ProgressListener } from './http';

// 困难职工帮扶 in the console: applications up the tree (check with a home visit, approve, grant, return), the
// view log, the register and its yearly reviews, wish vetting and hand-over confirmation, the annual figures.

const base = '/assistance';

/** Documents of an application (the family's papers) or photos for the record (a home visit, a hand-over). */
export type AssistanceUploadPurpose = Extract<UploadPurpose, 'assistance_document' | 'assistance_photo'>;

export const assistanceApi = {
  /** Staff apply for a worker of their subtree (`onBehalfOfUserId`), the worker's consent recorded. */
  applyFor: (body: CreateApplicationRequest) => api.post<AssistanceApplicationView>(`${base}/applications`, body),
  applications: (query: StaffApplicationQuery) =>
    api.get<Page<StaffApplicationSummary>>(`${base}/applications`, { ...query }),
  /** Opening one is logged in its view log. */
  application: (id: number) => api.get<StaffApplicationView>(`${base}/applications/${id}`),
  visit: (id: number, body: HomeVisitRequest) => api.post<StaffApplicationView>(`${base}/applications/${id}/visit`, body),
  check: (id: number, body: ReviewStepRequest) => api.post<StaffApplicationView>(`${base}/applications/${id}/check`, body),
  approve: (id: number, body: ReviewStepRequest) =>
    api.post<StaffApplicationView>(`${base}/applications/${id}/approve`, body),
  grant: (id: number, body: GrantRequest) => api.post<StaffApplicationView>(`${base}/applications/${id}/grant`, body),
  sendBack: (id: number, body: ReturnRequest) => api.post<StaffApplicationView>(`${base}/applications/${id}/return`, body),
  views: (id: number) => api.get<ViewLogEntry[]>(`${base}/applications/${id}/views`),
  exportApplications: (query: ApplicationExportQuery, onProgress: ProgressListener) =>
    downloadFile(`${base}/applications/export`, query.includeSensitive ? '帮扶申请（含敏感信息）.xlsx' : '帮扶申请.xlsx', {
      query: { ...query },
      onProgress,
    }),

  register: (query: RegisterQuery) => api.get<Page<RegisterEntryView>>(`${base}/register`, { ...query }),
  addToRegister: (body: CreateRegisterEntryRequest) => api.post<RegisterEntryView>(`${base}/register`, body),
  reviewRegister: (id: number, body: RegisterReviewRequest) =>
    api.post<RegisterEntryView>(`${base}/register/${id}/review`, body),

  /** Staff write a wish for a family on the register (`forUserId`); someone else vets it. */
  writeWish: (body: CreateWishRequest) => api.post<WishView>(`${base}/wishes`, body),
  wishes: (query: StaffWishQuery) => api.get<Page<StaffWishView>>(`${base}/wishes/review`, { ...query }),
  wall: (query: WishWallQuery) => api.get<Page<WishWallItem>>(`${base}/wishes`, { ...query }),
  publishWish: (id: number, body: PublishWishRequest) => api.post<StaffWishView>(`${base}/wishes/${id}/publish`, body),
  rejectWish: (id: number, body: RejectWishRequest) => api.post<StaffWishView>(`${base}/wishes/${id}/reject`, body),
  /** Staff record an enterprise donor by its name. */
  claimForEnterprise: (id: number, body: EnterpriseClaimRequest) => api.post<WishView>(`${base}/wishes/${id}/enterprise-claim`, body),
  handedOver: (id: number) => api.post<WishView>(`${base}/wishes/${id}/handed-over`, {}),
  confirmWish: (id: number, body: ConfirmWishRequest) => api.post<StaffWishView>(`${base}/wishes/${id}/confirm`, body),

  stats: (year: number) => api.get<AssistanceStats>(`${base}/stats`, { year }),
  exportStats: (year: number, onProgress: ProgressListener) =>
    downloadFile(`${base}/stats`, `帮扶与微心愿统计-${year}.xlsx`, { query: { year, format: 'xlsx' }, onProgress }),

  /** An application's document, or a home-visit or hand-over photo: for staff in scope, never public. */
  uploadPhoto: async (file: File, purpose: AssistanceUploadPurpose): Promise<UploadView> => {
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', file);
    const { status, text } = await uploadFile('/uploads', form);
    if (status < 200 || status >= 300) throw errorFrom(status, text);
    return JSON.parse(text) as UploadView;
  },
};
