import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api } from '../lib/api';
import { unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

export type DashboardSummary = components['schemas']['DashboardSummary'];
export type TeamSummary = components['schemas']['TeamSummary'];

/** Which dashboards the home page lists: everything I can see, mine, or one team's. */
export type DashboardFilter = { scope: 'all' } | { scope: 'personal' } | { scope: 'team'; teamId: string };

const PAGE_SIZE = 24;

/** The dashboards of a filter, newest first, a page at a time. */
export function useDashboardList(filter: DashboardFilter, q: string, enabled = true) {
  const teamId = filter.scope === 'team' ? filter.teamId : undefined;
  return useInfiniteQuery({
    queryKey: queryKeys.dashboardList({ scope: filter.scope, teamId, q: q || undefined }),
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/dashboards', {
          params: {
            query: {
              scope: filter.scope,
              limit: PAGE_SIZE,
              ...(teamId ? { team_id: teamId } : {}),
              ...(q ? { q } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: queryKeys.teams,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/teams', { signal })).items,
    staleTime: 60_000,
  });
}

export function useCreateDashboard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { title: string; description?: string; teamId?: string | undefined }) =>
      unwrap(
        await api.POST('/api/dashboards', {
          body: {
            title: input.title,
            is_public: false,
            settings: {},
            ...(input.description ? { description: input.description } : {}),
            ...(input.teamId ? { team_id: input.teamId } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.dashboards }),
  });
}
