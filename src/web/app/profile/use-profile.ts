import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, paths } from '../../api/schema';
import { useSession } from '../auth/use-session';
import { api } from '../lib/api';
import { unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

export type Profile = components['schemas']['Profile'];
export type ProfileChange = NonNullable<paths['/api/profile']['patch']['requestBody']>['content']['application/json'];

/** My profile (name, avatar, time zone, preferences), shared by the header and the profile page. */
export function useProfile() {
  const session = useSession();
  return useQuery({
    queryKey: queryKeys.profile,
    enabled: session !== null,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/profile', { signal })),
  });
}

/** Saves a change; the answer (the whole profile) replaces the cached one, so the header follows at once. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: ProfileChange) => unwrap(await api.PATCH('/api/profile', { body: change })),
    onSuccess: (profile) => queryClient.setQueryData(queryKeys.profile, profile),
  });
}
