import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api } from '../lib/api';
import { expectOk, unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

export type Team = components['schemas']['Team'];
export type TeamMember = components['schemas']['TeamMember'];
export type Invitation = components['schemas']['Invitation'];
export type TeamRole = TeamMember['role'];

export const ROLES: { value: TeamRole; label: string; description: string }[] = [
  { value: 'admin', label: 'Admin', description: 'Manages members, invitations and the team itself' },
  { value: 'editor', label: 'Editor', description: 'Creates and changes the team’s dashboards, agents and commands' },
  { value: 'viewer', label: 'Viewer', description: 'Reads the team’s dashboards and uses its agents and commands' },
];

export const roleLabel = (role: TeamRole) => ROLES.find((r) => r.value === role)?.label ?? role;

/** One team with its members (404 once I am no longer one of them). */
export function useTeam(id: string) {
  return useQuery({
    queryKey: queryKeys.team(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/teams/{id}', { params: { path: { id } }, signal })),
  });
}

/** The team's open invitations: only admins may read them. */
export function useTeamInvitations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.teamInvitations(id),
    enabled,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/teams/{id}/invitations', { params: { path: { id } }, signal })).items,
  });
}

/** Open invitations addressed to me; polled now and then so that a new one shows without a reload. */
export function useMyInvitations(enabled = true) {
  return useQuery({
    queryKey: queryKeys.myInvitations,
    enabled,
    staleTime: 30_000,
    refetchInterval: 120_000,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/invitations', { signal })).items,
  });
}

/** Every mutation here changes what a team list, a team or an invitation list shows. */
function useInvalidateTeams() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.teams }),
      queryClient.invalidateQueries({ queryKey: queryKeys.myInvitations }),
    ]);
}

export function useCreateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: async (input: { name: string; description: string | null }) =>
      unwrap(await api.POST('/api/teams', { body: input })),
    onSuccess: invalidate,
  });
}

export function useUpdateTeam(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: async (input: { name: string; description: string | null }) =>
      unwrap(await api.PATCH('/api/teams/{id}', { params: { path: { id } }, body: input })),
    onSuccess: async (team) => {
      queryClient.setQueryData(queryKeys.team(id), team);
      await invalidate();
    },
  });
}

export function useDeleteTeam(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => expectOk(await api.DELETE('/api/teams/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.team(id) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.teams });
    },
  });
}

export function useChangeRole(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, role }: { userId: string; role: TeamRole }) =>
      unwrap(
        await api.PATCH('/api/teams/{id}/members/{userId}', {
          params: { path: { id: teamId, userId } },
          body: { role },
        }),
      ),
    onSuccess: (team) => queryClient.setQueryData(queryKeys.team(teamId), team),
    // A refusal (the last admin) leaves the Select showing the role as it was: read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.team(teamId) }),
  });
}

/** Removes a member, or me (leaving the team). */
export function useRemoveMember(teamId: string) {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: async (userId: string) =>
      expectOk(await api.DELETE('/api/teams/{id}/members/{userId}', { params: { path: { id: teamId, userId } } })),
    onSuccess: invalidate,
  });
}

export function useInvite(teamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; role: TeamRole }) =>
      unwrap(await api.POST('/api/teams/{id}/invitations', { params: { path: { id: teamId } }, body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.teamInvitations(teamId) }),
  });
}

/** Revokes (an admin) or declines (the invitee) an invitation. */
export function useDeleteInvitation() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: async (id: string) => expectOk(await api.DELETE('/api/invitations/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useAcceptInvitation() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/invitations/{id}/accept', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
