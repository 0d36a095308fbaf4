import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api } from '../lib/api';
import { problemMessage, unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

export type VersionSummary = components['schemas']['VersionSummary'];

/** What the assistant recorded on a version it made (migration 0014). */
export interface AssistantProvenance {
  source: 'assistant';
  prompt?: string;
  tool?: string;
  agent?: { id: string; name: string } | null;
  model?: { provider: string; model_id: string } | null;
}

export function assistantProvenance(version: VersionSummary): AssistantProvenance | null {
  const provenance = version.provenance as Partial<AssistantProvenance> | null;
  return provenance?.source === 'assistant' ? (provenance as AssistantProvenance) : null;
}

export function useVersions(dashboardId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.versions(dashboardId),
    enabled,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/dashboards/{id}/versions', {
          params: { path: { id: dashboardId }, query: { limit: 100 } },
          signal,
        }),
      ),
  });
}

/** Restores a version: its content becomes a new version (nothing is lost). */
export function useRestoreVersion(dashboardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (versionNumber: number) =>
      unwrap(
        await api.POST('/api/dashboards/{id}/versions/{number}/restore', {
          params: { path: { id: dashboardId, number: versionNumber } },
        }),
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(dashboardId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.versions(dashboardId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboards }),
      ]),
  });
}

/**
 * Restore as the history drawer and the compare view offer it: says in a notification which new
 * version the restore saved, or why it failed. Resolves to the new version's number, or null.
 */
export function useRestoreWithNotice(dashboardId: string) {
  const restore = useRestoreVersion(dashboardId);
  const run = async (versionNumber: number): Promise<number | null> => {
    try {
      const result = await restore.mutateAsync(versionNumber);
      notifications.show({
        color: 'green',
        title: `Restored version ${result.restored_from}`,
        message: `Saved as version ${result.version_number}; the versions after it are still in the history.`,
      });
      return result.version_number;
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not restored', message: problemMessage(error) });
      return null;
    }
  };
  return { run, restoring: restore.isPending ? restore.variables : undefined };
}
