import { useCallback } from 'react';
import { useRequest } from '../../hooks/use-request';
import { careApi } from '../../services/care';
import { useScope } from '../../session/scope-context';

/**
 * Stations of the staff member's subtree. GET /care/stations is the workers' list of every station, so
 * the console keeps only those it may manage.
 */
export function useScopedStations() {
  const { scope } = useScope();
  const load = useCallback(async () => (await careApi.stations()).filter((s) => scope.contains(s.org.id)), [scope]);
  return useRequest(load);
}
