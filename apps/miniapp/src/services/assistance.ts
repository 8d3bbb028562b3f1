import {
  ErrorCode,
  UploadPurpose,
  type AssistanceApplicationView,
  type CreateApplicationRequest,
  type CreateWishRequest,
  type Page,
  type UpdateApplicationRequest,
  type UploadView,
  type WallStatus,
  type WishView,
  type WishWallItem,
} from '@jingcai/shared';
import { ApiError, request } from './request';
import { uploadImage } from './uploads';

// 困难职工帮扶: my hardship applications (apply, follow every step, correct and resubmit one sent back) and
// 微心愿 (the wall, claiming a wish as its one donor, marking it handed over, writing one).

export const ASSISTANCE_PAGE_SIZE = 20;

// ---- applications ----

/** Applies; the API encrypts what is written and tells the reviewing union. */
export function applyForAssistance(body: CreateApplicationRequest): Promise<AssistanceApplicationView> {
  return request<AssistanceApplicationView>('/assistance/applications', { method: 'POST', body });
}

/** My applications, newest first, each with where every step stands. */
export function myAssistanceApplications(
  page = 1,
  pageSize = ASSISTANCE_PAGE_SIZE,
): Promise<Page<AssistanceApplicationView>> {
  return request<Page<AssistanceApplicationView>>('/assistance/applications/mine', { query: { page, pageSize } });
}

/** One of mine; 404 (not mine, or gone) is told by the page, so no toast. */
export function myAssistanceApplication(id: number): Promise<AssistanceApplicationView> {
  return request<AssistanceApplicationView>(`/assistance/applications/mine/${id}`, { quiet: [ErrorCode.NotFound] });
}

/** A returned application, corrected: it goes back to the step that returned it. */
export function resubmitAssistance(id: number, body: UpdateApplicationRequest): Promise<AssistanceApplicationView> {
  return request<AssistanceApplicationView>(`/assistance/applications/${id}`, { method: 'PATCH', body });
}

/** Withdraws one of mine before it is granted. */
export function withdrawAssistance(id: number): Promise<AssistanceApplicationView> {
  return request<AssistanceApplicationView>(`/assistance/applications/${id}/withdraw`, { method: 'POST' });
}

/** A document (a diagnosis, a school notice, an income proof), uploaded on its own before the form names it. */
export function uploadAssistanceDocument(filePath: string): Promise<UploadView> {
  return uploadImage(filePath, UploadPurpose.AssistanceDocument);
}

// ---- 微心愿 ----

/** The wall: published wishes; nothing on it identifies the family. */
export function wishWall(page = 1, status?: WallStatus): Promise<Page<WishWallItem>> {
  return request<Page<WishWallItem>>('/assistance/wishes', { query: { page, pageSize: ASSISTANCE_PAGE_SIZE, status } });
}

/** One wish of the wall, as the wall shows it; a wish not (or no longer) on it is a 404 the page explains. */
export async function wishById(id: number): Promise<WishWallItem> {
  try {
    return await request<WishWallItem>(`/assistance/wishes/${id}`, { quiet: [ErrorCode.NotFound] });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      throw new ApiError(404, ErrorCode.NotFound, '这个心愿已不在心愿墙上');
    }
    throw error;
  }
}

/** 我来认领: exactly one donor wins; a later one is told 已被认领 by the toast. */
export function claimWish(id: number): Promise<WishView> {
  return request<WishView>(`/assistance/wishes/${id}/claim`, { method: 'POST', body: {} });
}

/** The wishes I claimed (with where to hand each over) and those I wrote. */
export function myWishes(page = 1, pageSize = ASSISTANCE_PAGE_SIZE): Promise<Page<WishView>> {
  return request<Page<WishView>>('/assistance/wishes/mine', { query: { page, pageSize } });
}

/** 已送达: I handed the gift over; staff confirm it afterwards. */
export function markWishHandedOver(id: number): Promise<WishView> {
  return request<WishView>(`/assistance/wishes/${id}/handed-over`, { method: 'POST', body: {} });
}

/** A wish of my own; refused unless my family is on the register. Staff vet it before the wall shows it. */
export function writeWish(body: CreateWishRequest): Promise<WishView> {
  return request<WishView>('/assistance/wishes', { method: 'POST', body });
}
