import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { QueryResult } from '../../../shared/chart-spec';
import type { components } from '../../api/schema';
import { ApiProblem, unwrap } from '../lib/problems';
import { publicApi } from '../lib/public-api';

export type SharedDashboard = components['schemas']['SharedDashboard'];

/** What a share link opened: the dashboard, a request for its password, or why it did not open. */
export type SharedView =
  | { state: 'loading' }
  | { state: 'open'; dashboard: SharedDashboard }
  | { state: 'locked' }
  | { state: 'expired' }
  | { state: 'not_found' }
  | { state: 'failed'; error: unknown };

function viewOfError(error: unknown): SharedView {
  if (error instanceof ApiProblem) {
    if (error.code === 'share_link_password_required') return { state: 'locked' };
    if (error.status === 410) return { state: 'expired' };
    if (error.status === 404) return { state: 'not_found' };
  }
  return { state: 'failed', error };
}

/**
 * Opens a shared dashboard. Where the link has a password, `unlock` sends it; once accepted it is
 * kept in this component's memory only (never stored, never in a URL) and sent with each chart's
 * data request as X-Share-Password.
 */
export function useSharedDashboard(token: string) {
  const [unlocked, setUnlocked] = useState<{ dashboard: SharedDashboard; password: string } | null>(null);
  const first = useQuery({
    queryKey: ['shared-dashboard', token],
    // Each open is counted against the link's rate limit and stamps its last use: once per visit.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: false,
    queryFn: async ({ signal }) =>
      unwrap(await publicApi.GET('/api/public/shared/{token}', { params: { path: { token } }, signal })),
  });
  const unlock = useMutation({
    mutationFn: async (password: string) => {
      const dashboard = unwrap(
        await publicApi.POST('/api/public/shared/{token}', { params: { path: { token } }, body: { password } }),
      );
      return { dashboard, password };
    },
    onSuccess: setUnlocked,
  });

  let view: SharedView;
  if (unlocked) view = { state: 'open', dashboard: unlocked.dashboard };
  else if (first.isPending) view = { state: 'loading' };
  else if (first.isSuccess) view = { state: 'open', dashboard: first.data };
  else view = viewOfError(first.error);
  // The link may expire or be revoked while the password is typed.
  if (view.state === 'locked' && unlock.error) {
    const after = viewOfError(unlock.error);
    if (after.state === 'expired' || after.state === 'not_found') view = after;
  }

  return {
    view,
    password: unlocked?.password,
    unlock,
    retry: () => first.refetch(),
  };
}

/** The rows of one chart of a shared dashboard, through the link (and its password, if any). */
export function useSharedChartData(token: string, chartId: string, password: string | undefined, enabled: boolean) {
  return useQuery({
    // The password is not part of the key: it must not sit in the cache's keys or devtools.
    queryKey: ['shared-chart-data', token, chartId],
    enabled,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    queryFn: async ({ signal }) => {
      const data = unwrap(
        await publicApi.GET('/api/public/shared/{token}/charts/{chart_id}/data', {
          params: {
            path: { token, chart_id: chartId },
            ...(password ? { header: { 'x-share-password': password } } : {}),
          },
          signal,
        }),
      );
      return data.result as QueryResult;
    },
  });
}
