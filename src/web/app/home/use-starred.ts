import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { problemMessage } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';
import { STARRED_KEY, starredIds, withStar } from './preferences';
import { type Profile, savePreferences, setCachedPreferences, useProfile } from './use-preferences';

const STAR_MUTATION = ['profile', 'star'] as const;

/** The ids of the dashboards I starred, in the order I starred them. */
export function useStarredIds(): { ids: string[]; loaded: boolean } {
  const profile = useProfile();
  return { ids: starredIds(profile.data?.preferences), loaded: profile.isSuccess };
}

/**
 * Stars or unstars a dashboard. The star shows at once; the whole list is then saved under its
 * own key. When several clicks overlap, only the last answer is trusted; a failure reloads the
 * profile, so the star shows what is saved, and says why.
 */
export function useToggleStar() {
  const queryClient = useQueryClient();
  const current = () => starredIds(queryClient.getQueryData<Profile>(queryKeys.profile)?.preferences);
  return useMutation({
    mutationKey: STAR_MUTATION,
    onMutate: async ({ id, star }: { id: string; star: boolean; title: string }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.profile });
      setCachedPreferences(queryClient, { [STARRED_KEY]: withStar(current(), id, star) });
    },
    // Sends the list as the cache has it now (which already holds this click and any before it).
    mutationFn: async ({ id, star }: { id: string; star: boolean; title: string }) =>
      savePreferences({ [STARRED_KEY]: withStar(current(), id, star) }),
    onSuccess: (profile) => {
      if (queryClient.isMutating({ mutationKey: STAR_MUTATION }) <= 1)
        setCachedPreferences(queryClient, { [STARRED_KEY]: starredIds(profile.preferences) });
    },
    onError: (error, { star, title }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.profile });
      notifications.show({
        color: 'red',
        title: star ? `“${title}” was not starred` : `“${title}” was not unstarred`,
        message: problemMessage(error),
      });
    },
  });
}
