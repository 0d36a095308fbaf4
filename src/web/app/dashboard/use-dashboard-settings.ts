import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api';
import { expectOk, unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';
import { duplicateBody, layoutForCopy } from './duplicate';
import { type Dashboard, ifMatch } from './use-dashboard';

/**
 * What the dashboard menus need to know about a dashboard: the dashboard page has all of it, a
 * home page card (a DashboardSummary) too.
 */
export type DashboardRef = Pick<Dashboard, 'id' | 'title' | 'description' | 'owner' | 'abilities' | 'etag'>;

/** Where a dashboard goes: to me, or to one of my teams. */
export type NewOwner = { type: 'me' } | { type: 'team'; team_id: string };

/**
 * The dashboard's own settings: rename and describe, move to another owner, duplicate, delete.
 * Each write sends the ETag the dashboard was shown with (a change meanwhile answers 412); the
 * callers show the errors where they belong (beside a field, in the dialog).
 */
export function useDashboardSettings() {
  const queryClient = useQueryClient();
  const reload = (id: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(id) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.dashboards }),
    ]);

  const update = useMutation({
    mutationFn: async ({
      dashboard,
      changes,
    }: {
      dashboard: DashboardRef;
      changes: { title?: string; description?: string | null; owner?: NewOwner };
    }) =>
      unwrap(
        await api.PATCH('/api/dashboards/{id}', {
          params: { path: { id: dashboard.id }, header: ifMatch(dashboard.etag) },
          body: changes,
        }),
      ),
    onSettled: (_data, _error, { dashboard }) => reload(dashboard.id),
  });

  const remove = useMutation({
    mutationFn: async (dashboard: DashboardRef) =>
      expectOk(
        await api.DELETE('/api/dashboards/{id}', {
          params: { path: { id: dashboard.id }, header: ifMatch(dashboard.etag) },
        }),
      ),
    // Only the lists: the dashboard's own query would now answer 404, and the page showing it is
    // left by the caller (see DashboardActionsMenu).
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.dashboards }),
  });

  const duplicate = useMutation({
    /** Copies the whole dashboard (tabs, charts, layout) into `teamId`, or my own dashboards. */
    mutationFn: async ({ dashboard, teamId }: { dashboard: DashboardRef; teamId: string | undefined }) => {
      // The latest tree, so that the copy is of what is saved now (a card knows only a summary).
      const source = unwrap(await api.GET('/api/dashboards/{id}', { params: { path: { id: dashboard.id } } }));
      const copy = unwrap(await api.POST('/api/dashboards', { body: duplicateBody(source, teamId) }));
      // The chart places are keyed by chart id, and the copy's charts have new ids.
      const settings = layoutForCopy(source, copy);
      if (!settings) return copy;
      return unwrap(
        await api.PATCH('/api/dashboards/{id}', {
          params: { path: { id: copy.id }, header: ifMatch(copy.etag) },
          body: { settings },
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.dashboards }),
  });

  return { update, remove, duplicate, reload };
}
