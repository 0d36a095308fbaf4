import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { chatKeys } from '../chat/use-chat-data';
import { api } from '../lib/api';
import { expectOk, unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

export type Agent = components['schemas']['Agent'];
type LlmModel = components['schemas']['LlmModel'];

/** A model for the agent's picker: unusable ones stay listed, disabled, with the reason. */
export interface ModelOption {
  value: string;
  label: string;
  disabled: boolean;
  reason: string | null;
}

export function modelOption(model: LlmModel): ModelOption {
  const reason = !model.is_active
    ? 'no longer configured on this server'
    : model.capabilities.usable === false
      ? 'not usable now: the server lacks its key or address'
      : null;
  return {
    value: model.id,
    label: reason ? `${model.display_name} (${reason})` : model.display_name,
    disabled: reason !== null,
    reason,
  };
}

export function useModelOptions() {
  return useQuery({
    queryKey: queryKeys.models,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/models', { signal })).items.map(modelOption),
  });
}

/** The agents I can use: mine, my teams’ and public ones (the first 100). */
export function useAgentList() {
  return useQuery({
    queryKey: queryKeys.agents,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/agents', { params: { query: { limit: 100 } }, signal })),
  });
}

/** After any change: this page's list and the chat's agent picker. */
function useInvalidateAgents() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.agents }),
      queryClient.invalidateQueries({ queryKey: chatKeys.agents }),
    ]);
}

export interface AgentInput {
  name: string;
  description: string | null;
  instructions: string;
  is_public: boolean;
  settings: Record<string, unknown>;
}

export function useSaveAgent() {
  const invalidate = useInvalidateAgents();
  return useMutation({
    mutationFn: async ({ id, teamId, input }: { id: string | null; teamId: string | null; input: AgentInput }) =>
      id
        ? unwrap(await api.PATCH('/api/agents/{id}', { params: { path: { id } }, body: input }))
        : unwrap(await api.POST('/api/agents', { body: { ...input, ...(teamId ? { team_id: teamId } : {}) } })),
    onSuccess: invalidate,
  });
}

export function useDeleteAgent() {
  const invalidate = useInvalidateAgents();
  return useMutation({
    mutationFn: async (id: string) => expectOk(await api.DELETE('/api/agents/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
