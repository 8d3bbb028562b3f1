import {
  UploadPurpose,
  type AttendanceView,
  type CreateEventRequest,
  type EventView,
  type LotteryResultView,
  type ManageEventQuery,
  type Page,
  type SignupExportQuery,
  type SignupQuery,
  type StaffSignupView,
  type UpdateEventRequest,
  type UploadView,
  type VenueCodeView,
} from '@jingcai/shared';
import { api, downloadFile, errorFrom, uploadFile, type ProgressListener } from './http';

export const eventsApi = {
  /** Events owned in the staff member's subtree. */
  events: (query: ManageEventQuery) => api.get<Page<EventView>>('/events/manage', { ...query }),
  event: (id: number) => api.get<EventView>(`/events/${id}`),
  create: (body: CreateEventRequest) => api.post<EventView>('/events', body),
  update: (id: number, body: UpdateEventRequest) => api.patch<EventView>(`/events/${id}`, body),
  signups: (id: number, query: SignupQuery) => api.get<Page<StaffSignupView>>(`/events/${id}/signups`, { ...query }),
  /** Runs once, after the sign-up window closed; the result is the published one. */
  runLottery: (id: number) => api.post<LotteryResultView>(`/events/${id}/lottery`),
  lottery: (id: number) => api.get<LotteryResultView>(`/events/${id}/lottery`),
  attendance: (id: number) => api.get<AttendanceView>(`/events/${id}/attendance`),
  venueCode: (id: number, sessionId: number) => api.get<VenueCodeView>(`/events/${id}/venue-code`, { sessionId }),
  /** The sign-ups as a spreadsheet; `includeSensitive` (admins) unmasks children and phones, and is logged. */
  exportSignups: (event: Pick<EventView, 'id' | 'title'>, query: SignupExportQuery, onProgress?: ProgressListener) =>
    downloadFile(`/events/${event.id}/signups/export`, `${event.title}-报名名单.xlsx`, { query: { ...query }, onProgress }),
  /** The cover photo, uploaded before the event is saved; the event refers to it by id. */
  uploadCover: async (file: File, onProgress?: ProgressListener): Promise<UploadView> => {
    const form = new FormData();
    form.append('purpose', UploadPurpose.EventCover);
    form.append('file', file);
    const { status, text } = await uploadFile('/uploads', form, onProgress);
    if (status < 200 || status >= 300) throw errorFrom(status, text);
    return JSON.parse(text) as UploadView;
  },
};
