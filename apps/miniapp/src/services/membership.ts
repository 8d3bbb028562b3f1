import { ErrorCode, type ApplicationView, type MemberCardView, type SubmitApplicationBody } from '@jingcai/shared';
import { request } from './request';

export function submitApplication(body: SubmitApplicationBody): Promise<ApplicationView> {
  return request<ApplicationView>('/membership/applications', { method: 'POST', body });
}

/** The worker's own applications, newest first. */
export function myApplications(): Promise<ApplicationView[]> {
  return request<ApplicationView[]>('/membership/applications/mine');
}

/** 404 (not a member) is no error to the worker: the card page says so in its own words. */
export function memberCard(): Promise<MemberCardView> {
  return request<MemberCardView>('/membership/card', { quiet: [ErrorCode.NotFound] });
}
