import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { ifMatch } from '../dashboard/use-dashboard';
import { api } from '../lib/api';
import { expectOk, unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

export type ShareLink = components['schemas']['ShareLink'];
export type NewShareLink = components['schemas']['NewShareLink'];

/** The cache key of a dashboard's share links (beside the dashboard's own, so both go together). */
export const shareLinksKey = (dashboardId: string) => [...queryKeys.dashboard(dashboardId), 'share-links'] as const;

/** A dashboard's share links, newest first (never their tokens: those are shown once, at creation). */
export function useShareLinks(dashboardId: string, enabled: boolean) {
  return useQuery({
    queryKey: shareLinksKey(dashboardId),
    enabled,
    // Each time the dialog opens: "last opened" changes whenever a visitor uses a link.
    refetchOnMount: 'always',
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/dashboards/{id}/share-links', { params: { path: { id: dashboardId } }, signal }))
        .items,
  });
}

/** Creating, rotating and revoking links, and making the dashboard public or private. */
export function useShareActions(dashboardId: string) {
  const queryClient = useQueryClient();
  const reloadLinks = () => queryClient.invalidateQueries({ queryKey: shareLinksKey(dashboardId) });

  const create = useMutation({
    mutationFn: async (body: { expires_at: string | null; password?: string }) =>
      unwrap(
        await api.POST('/api/dashboards/{id}/share-links', {
          params: { path: { id: dashboardId } },
          body: { ...body, permissions: { view: true } },
        }),
      ),
    onSuccess: reloadLinks,
  });
  const rotate = useMutation({
    mutationFn: async (link: ShareLink) =>
      unwrap(await api.POST('/api/share-links/{id}/rotate', { params: { path: { id: link.id } } })),
    onSuccess: reloadLinks,
  });
  const revoke = useMutation({
    mutationFn: async (link: ShareLink) =>
      expectOk(await api.DELETE('/api/share-links/{id}', { params: { path: { id: link.id } } })),
    onSuccess: reloadLinks,
  });
  const setPublic = useMutation({
    mutationFn: async ({ etag, isPublic }: { etag: string; isPublic: boolean }) =>
      unwrap(
        await api.PATCH('/api/dashboards/{id}', {
          params: { path: { id: dashboardId }, header: ifMatch(etag) },
          body: { is_public: isPublic },
        }),
      ),
    // A refusal (412: changed meanwhile) reloads too, so the switch shows what is saved.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(dashboardId), exact: true }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboards }),
      ]),
  });
  return { create, rotate, revoke, setPublic };
}
