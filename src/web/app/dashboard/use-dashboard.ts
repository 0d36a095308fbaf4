import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api } from '../lib/api';
import { expectOk, problemMessage, unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';
import { type Dashboard, dashboardQuery } from './dashboard-query';
import { useDashboardMutationHandlers } from './use-dashboard-mutation-handlers';

export type { Dashboard };
export type Tab = components['schemas']['Tab'];
export type Chart = components['schemas']['Chart'];

/** If-Match for an ETag the API handed out (a write fails with 412 if the resource changed since). */
export const ifMatch = (etag: string) => ({ 'if-match': `"${etag}"` });

export function useDashboard(id: string) {
  return useQuery(dashboardQuery(id));
}

/**
 * The dashboard's mutations. Each one sends the ETag it was shown; afterwards the dashboard and
 * its history are loaded again. Someone else's change in between (412) reloads and says so.
 */
export function useDashboardActions(dashboard: Dashboard) {
  const queryClient = useQueryClient();
  const id = dashboard.id;
  // A 422 of a tab's title is shown in its form, beside the field.
  const { onSettled, onError } = useDashboardMutationHandlers(id, { subject: 'dashboard', quietOn422: true });

  const addTab = useMutation({
    mutationFn: async (title: string) =>
      unwrap(await api.POST('/api/dashboards/{id}/tabs', { params: { path: { id } }, body: { title, charts: [] } })),
    onSettled,
    onError,
  });
  const renameTab = useMutation({
    mutationFn: async ({ tab, title }: { tab: Tab; title: string }) =>
      unwrap(
        await api.PATCH('/api/tabs/{id}', {
          params: { path: { id: tab.id }, header: ifMatch(tab.etag) },
          body: { title },
        }),
      ),
    onSettled,
    onError,
  });
  const deleteTab = useMutation({
    mutationFn: async (tab: Tab) =>
      expectOk(await api.DELETE('/api/tabs/{id}', { params: { path: { id: tab.id }, header: ifMatch(tab.etag) } })),
    onSettled,
    onError,
  });
  const saveSettings = useMutation({
    mutationFn: async (settings: Record<string, unknown>) =>
      unwrap(
        await api.PATCH('/api/dashboards/{id}', {
          params: { path: { id }, header: ifMatch(dashboard.etag) },
          body: { settings },
        }),
      ),
    // Show the new layout at once; the saved dashboard replaces it when it arrives.
    onMutate: (settings) => {
      queryClient.setQueryData<Dashboard>(queryKeys.dashboard(id), (old) => (old ? { ...old, settings } : old));
    },
    onSettled,
    onError,
  });
  const reorderTabs = useMutation({
    // The API takes every tab id in the new order (no If-Match: an order names every tab, so a tab
    // added or removed meanwhile makes it refused with 422 rather than applied to the wrong tabs).
    mutationFn: async (ids: string[]) =>
      unwrap(await api.PUT('/api/dashboards/{id}/tab-order', { params: { path: { id } }, body: { ids } })),
    // The tabs move at once; the saved dashboard replaces them when it arrives.
    onMutate: (ids) => {
      queryClient.setQueryData<Dashboard>(queryKeys.dashboard(id), (old) =>
        old ? { ...old, tabs: ids.flatMap((tabId) => old.tabs.filter((t) => t.id === tabId)) } : old,
      );
    },
    onSettled,
    onError: (error: unknown) =>
      notifications.show({ color: 'red', title: 'Not saved', message: problemMessage(error) }),
  });
  return { addTab, renameTab, deleteTab, saveSettings, reorderTabs };
}
