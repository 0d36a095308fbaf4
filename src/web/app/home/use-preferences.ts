import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api } from '../lib/api';
import { unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

export type Profile = components['schemas']['Profile'];

/** The signed-in user's profile; the same query (key and answer) as the user menu's. */
export const profileQuery = {
  queryKey: queryKeys.profile,
  staleTime: 5 * 60_000,
  queryFn: async ({ signal }: { signal: AbortSignal }) => unwrap(await api.GET('/api/profile', { signal })),
};

export function useProfile() {
  return useQuery(profileQuery);
}

/** Saves some preference keys (the server merges them into the others; null removes one). */
export async function savePreferences(preferences: Record<string, unknown>): Promise<Profile> {
  return unwrap(await api.PATCH('/api/profile', { body: { preferences } }));
}

/** Sets these preference keys in the cached profile, leaving the others as they are. */
export function setCachedPreferences(queryClient: QueryClient, preferences: Record<string, unknown>): void {
  queryClient.setQueryData<Profile>(queryKeys.profile, (old) =>
    old ? { ...old, preferences: { ...old.preferences, ...preferences } } : old,
  );
}
