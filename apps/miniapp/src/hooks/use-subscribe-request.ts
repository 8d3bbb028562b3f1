import { useCallback, useEffect, useRef } from 'react';
import type { SubscribeTemplate } from '@jingcai/shared';
import { clientConfig } from '../services/notifications';
import { canRequestSubscribe, requestSubscribe } from '../services/platform';

/**
 * Asks the worker to allow the subscribe messages a tap makes relevant (确认领取 → claim ready and expiring,
 * 提交咨询 → question answered, 提交申请 → application reviewed). The template ids come from the API's client
 * config, fetched when the component mounts, because WeChat shows the prompt only from a tap and before
 * anything else is awaited: call the returned function first thing in the tap handler. It never throws; a
 * template the API has no id for is left out, and a browser (which has no subscribe messages) asks nothing.
 */
export function useSubscribeRequest(templates: readonly SubscribeTemplate[]): () => Promise<void> {
  const ids = useRef<string[]>([]);
  const wanted = templates.join(',');

  useEffect(() => {
    if (!canRequestSubscribe()) return;
    let current = true;
    clientConfig()
      .then(({ subscribeTemplates }) => {
        if (!current) return;
        ids.current = wanted
          .split(',')
          .map((template) => subscribeTemplates[template as SubscribeTemplate])
          .filter((id): id is string => Boolean(id));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [wanted]);

  return useCallback(() => requestSubscribe(ids.current), []);
}
