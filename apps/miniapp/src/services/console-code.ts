import type { ConsoleCodeView } from '@jingcai/shared';
import { request } from './request';

/** A one-time code (8 digits, 5 minutes) the staff member types into the web console to sign in there. */
export function issueConsoleCode(): Promise<ConsoleCodeView> {
  return request<ConsoleCodeView>('/auth/console-code', { method: 'POST' });
}
