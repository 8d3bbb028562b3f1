import Taro from '@tarojs/taro';
import {
  ErrorCode,
  UNION_HOTLINE,
  UploadPurpose,
  type AidApplicationBody,
  type AidApplicationView,
  type AskBody,
  type CloseQuestionBody,
  type LegalCaseQuery,
  type LegalCaseView,
  type LegalInboxQuery,
  type LegalMessageBody,
  type LegalMessageView,
  type LegalQuestionSummaryView,
  type LegalQuestionView,
  type Page,
  type UploadView,
} from '@jingcai/shared';
import { request, type ApiError } from './request';
import { uploadImage } from './uploads';

// 法律维权: questions to the union's lawyers (ask, my questions, the thread, follow-ups, closing with a
// rating), the case library (典型案例), legal aid and mediation applications, and the answerers' workbench.

export const LEGAL_PAGE_SIZE = 20;

/**
 * Whether a failed call was refused with `code`: NOT_FOUND (a question that is not mine to see, a case no
 * longer published), CONFLICT (a question closed meanwhile, or closed before anyone answered).
 */
export function isLegalError(error: unknown, code: ErrorCode): boolean {
  return typeof error === 'object' && error !== null && (error as ApiError).code === code;
}

// ---- questions ----

/**
 * Asks a question. Refusals (risky content, a too-short body) come with a message fit for the worker,
 * shown as a toast; the form stays as it was.
 */
export function askQuestion(body: AskBody): Promise<LegalQuestionView> {
  return request<LegalQuestionView>('/legal/questions', { method: 'POST', body });
}

/** My questions, the latest activity first, each with the answers I have not read yet. */
export function myQuestions(page = 1, pageSize = LEGAL_PAGE_SIZE): Promise<Page<LegalQuestionSummaryView>> {
  return request<Page<LegalQuestionSummaryView>>('/legal/questions/mine', { query: { page, pageSize } });
}

/**
 * One question with its whole thread. The asker opening it marks its answers read. 404 when it is not
 * mine to see: the page says so itself, so no toast.
 */
export function questionById(id: number): Promise<LegalQuestionView> {
  return request<LegalQuestionView>(`/legal/questions/${id}`, { quiet: [ErrorCode.NotFound] });
}

/**
 * A message in the thread: the asker's follow-up (which re-opens an answered question) or the assignee's
 * answer. 409 once the question is closed.
 */
export function postLegalMessage(questionId: number, body: LegalMessageBody): Promise<LegalMessageView> {
  return request<LegalMessageView>(`/legal/questions/${questionId}/messages`, { method: 'POST', body });
}

/** Ends the question with a rating of 1–5; 409 while nobody has answered it. */
export function closeQuestion(questionId: number, body: CloseQuestionBody): Promise<LegalQuestionView> {
  return request<LegalQuestionView>(`/legal/questions/${questionId}/close`, { method: 'POST', body });
}

/** The answerers' inbox: questions assigned to me (a lawyer) or in my scope (staff), filtered. */
export function legalInbox(query: LegalInboxQuery = {}): Promise<Page<LegalQuestionSummaryView>> {
  const { status, category, overdue, page = 1, pageSize = LEGAL_PAGE_SIZE } = query;
  return request<Page<LegalQuestionSummaryView>>('/legal/inbox', {
    // Only `overdue=true` filters; leaving it out lists every question.
    query: { status, category, overdue: overdue ? 'true' : undefined, page, pageSize },
  });
}

// ---- case library ----

/** Published cases, newest first; `q` searches titles and text. */
export function legalCases(query: LegalCaseQuery = {}): Promise<Page<LegalCaseView>> {
  const { category, q, page = 1, pageSize = LEGAL_PAGE_SIZE } = query;
  return request<Page<LegalCaseView>>('/legal/cases', { query: { category, q: q?.trim() || undefined, page, pageSize } });
}

/** One published case; 404 (unpublished meanwhile) is told by the page, so no toast. */
export function legalCaseById(id: number): Promise<LegalCaseView> {
  return request<LegalCaseView>(`/legal/cases/${id}`, { quiet: [ErrorCode.NotFound] });
}

// ---- legal aid and mediation ----

export function applyForAid(body: AidApplicationBody): Promise<AidApplicationView> {
  return request<AidApplicationView>('/legal/aid-applications', { method: 'POST', body });
}

/** My applications with each step they went through. */
export function myAidApplications(): Promise<AidApplicationView[]> {
  return request<AidApplicationView[]>('/legal/aid-applications/mine');
}

export function aidApplicationById(id: number): Promise<AidApplicationView> {
  return request<AidApplicationView>(`/legal/aid-applications/${id}`);
}

// ---- photos and the hotline ----

/** A photo (a pay slip, a contract, a chat), uploaded on its own before a question or application names it. */
export function uploadLegalPhoto(filePath: string): Promise<UploadView> {
  return uploadImage(filePath, UploadPurpose.LegalPhoto);
}



/** 12351: WeChat asks before dialling, a phone browser opens the dialler; cancelling is not an error. */
export async function callUnionHotline(): Promise<void> {
  await Taro.makePhoneCall({ phoneNumber: UNION_HOTLINE }).catch(() => undefined);
}
