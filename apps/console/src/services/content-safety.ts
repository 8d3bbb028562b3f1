import type { ModerationItemView, ModerationStatus, Page } from '@jingcai/shared';
import { api } from './http';

export const contentSafetyApi = {
  list: (query: { status?: ModerationStatus; page: number; pageSize: number }) =>
    api.get<Page<ModerationItemView>>('/moderation', query),
  approve: (id: number) => api.post<ModerationItemView>(`/moderation/${id}/approve`),
  reject: (id: number) => api.post<ModerationItemView>(`/moderation/${id}/reject`),
};
