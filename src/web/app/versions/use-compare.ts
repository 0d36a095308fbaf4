import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';
import { unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';
import { readSnapshot } from './compare-versions';

// A saved version never changes (the history is append-only), so its answers are kept for good.

/** One version with its snapshot (the whole dashboard as saved). */
export function useVersionSnapshot(dashboardId: string, versionNumber: number) {
  return useQuery({
    queryKey: [...queryKeys.versions(dashboardId), versionNumber],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async ({ signal }) => {
      const version = unwrap(
        await api.GET('/api/dashboards/{id}/versions/{number}', {
          params: { path: { id: dashboardId, number: versionNumber } },
          signal,
        }),
      );
      return { ...version, snapshot: readSnapshot(version.snapshot) };
    },
  });
}

/** The server's comparison of two versions: a JSON Patch and the same changes in words. */
export function useVersionDiff(dashboardId: string, from: number, to: number) {
  return useQuery({
    queryKey: [...queryKeys.versions(dashboardId), 'diff', from, to],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/dashboards/{id}/versions/diff', {
          params: { path: { id: dashboardId }, query: { from, to } },
          signal,
        }),
      ),
  });
}
