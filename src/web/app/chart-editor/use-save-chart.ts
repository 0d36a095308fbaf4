import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Chart, ifMatch } from '../dashboard/use-dashboard';
import { api } from '../lib/api';
import { unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';
import type { Draft } from './spec-draft';

export interface SaveInput {
  title: string;
  spec: Draft;
  /** The chart being edited, with the ETag it was loaded with; null adds a new chart to the tab. */
  chart: Pick<Chart, 'id' | 'etag' | 'title' | 'configuration'> | null;
}

/**
 * Saves the editor's chart: a new one onto the tab, or the changes to an existing one under
 * If-Match (412 when someone changed it meanwhile). Only what changed is sent, so an untouched
 * chart is not rewritten. Afterwards the dashboard, its history and every chart's data reload.
 */
export function useSaveChart(dashboardId: string, tabId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ title, spec, chart }: SaveInput): Promise<Chart | null> => {
      const configuration = spec as unknown as Record<string, unknown>;
      if (!chart)
        return unwrap(
          await api.POST('/api/tabs/{id}/charts', { params: { path: { id: tabId } }, body: { title, configuration } }),
        );
      const body = {
        ...(title !== chart.title ? { title } : {}),
        ...(JSON.stringify(configuration) !== JSON.stringify(chart.configuration) ? { configuration } : {}),
      };
      if (Object.keys(body).length === 0) return null;
      return unwrap(
        await api.PATCH('/api/charts/{id}', { params: { path: { id: chart.id }, header: ifMatch(chart.etag) }, body }),
      );
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(dashboardId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.versions(dashboardId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboards }),
        queryClient.invalidateQueries({ queryKey: ['chart-data'] }),
      ]),
  });
}

/** The chart as it is now on the server (after a 412: someone else's version, with its new ETag). */
export async function fetchChart(id: string): Promise<Chart> {
  return unwrap(await api.GET('/api/charts/{id}', { params: { path: { id } } }));
}
