import { notifications } from '@mantine/notifications';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, problemMessage } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

interface Options {
  /** What someone else changed meanwhile (412), in the notification's title. */
  subject: 'dashboard' | 'chart';
  /** Further queries the mutation makes stale besides the dashboard, its history and the list. */
  alsoInvalidate?: readonly QueryKey[];
  /** A 422 is shown by the form that sent it, next to the field at fault: no notification then. */
  quietOn422?: boolean;
}

/**
 * The `onSettled` and `onError` of a mutation of a dashboard or of its tabs and charts: afterwards
 * the dashboard, its history and the list of dashboards are loaded again; someone else's change in
 * between (412) is said in words, any other failure (but a 422 when `quietOn422`) as "Not saved".
 */
export function useDashboardMutationHandlers(
  dashboardId: string,
  { subject, alsoInvalidate = [], quietOn422 }: Options,
) {
  const queryClient = useQueryClient();
  const onSettled = () =>
    Promise.all(
      [queryKeys.dashboard(dashboardId), queryKeys.versions(dashboardId), queryKeys.dashboards, ...alsoInvalidate].map(
        (queryKey) => queryClient.invalidateQueries({ queryKey }),
      ),
    );
  const onError = (error: unknown) => {
    if (error instanceof ApiProblem && error.status === 412) {
      notifications.show({
        color: 'yellow',
        title: `The ${subject} changed meanwhile`,
        message: 'Someone else (or the assistant) changed it since it was loaded. It has been reloaded; try again.',
      });
    } else if (!(quietOn422 && error instanceof ApiProblem && error.status === 422)) {
      notifications.show({ color: 'red', title: 'Not saved', message: problemMessage(error) });
    }
  };
  return { onSettled, onError };
}
