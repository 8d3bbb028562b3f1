import type { ClientConfigView } from '@jingcai/shared';
import { request } from './request';

/** Fetched before the worker is asked for anything (subscribe-message template ids); callers fall back quietly. */
export function clientConfig(): Promise<ClientConfigView> {
  return request<ClientConfigView>('/config/client', { quiet: true });
}
