import type { components } from '../../api/schema';
import { api } from '../lib/api';
import { unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

export type Dashboard = components['schemas']['Dashboard'];

/** The whole dashboard (tabs, charts, settings) in one request: the page's query and its prefetch. */
export function dashboardQuery(id: string) {
  return {
    queryKey: queryKeys.dashboard(id),
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Dashboard> =>
      unwrap(await api.GET('/api/dashboards/{id}', { params: { path: { id } }, signal })),
  };
}
