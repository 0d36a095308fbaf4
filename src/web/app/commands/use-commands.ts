import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, paths } from '../../api/schema';
import { chatKeys } from '../chat/use-chat-data';
import { api } from '../lib/api';
import { expectOk, unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

export type Command = components['schemas']['Command'];
type CreateBody = NonNullable<paths['/api/commands']['post']['requestBody']>['content']['application/json'];
type TestBody = NonNullable<paths['/api/commands/test']['post']['requestBody']>['content']['application/json'];
export type HandlerConfig = CreateBody['handler_config'];

/** The custom commands I can use: mine, my teams’ and public ones (the first 100). */
export function useCommandList() {
  return useQuery({
    queryKey: queryKeys.commands,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/commands', { params: { query: { limit: 100 } }, signal })),
  });
}

/** After any change: this page's list and the chat's slash-command completion. */
function useInvalidateCommands() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.commands }),
      queryClient.invalidateQueries({ queryKey: chatKeys.commands }),
    ]);
}

export interface CommandInput {
  name: string;
  description: string | null;
  command_pattern: string;
  handler_config: HandlerConfig;
  is_public: boolean;
}

export function useSaveCommand() {
  const invalidate = useInvalidateCommands();
  return useMutation({
    mutationFn: async ({ id, teamId, input }: { id: string | null; teamId: string | null; input: CommandInput }) =>
      id
        ? unwrap(await api.PATCH('/api/commands/{id}', { params: { path: { id } }, body: input }))
        : unwrap(await api.POST('/api/commands', { body: { ...input, ...(teamId ? { team_id: teamId } : {}) } })),
    onSuccess: invalidate,
  });
}

export function useDeleteCommand() {
  const invalidate = useInvalidateCommands();
  return useMutation({
    mutationFn: async (id: string) => expectOk(await api.DELETE('/api/commands/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

/** Which command a sample message calls, with the editor's unsaved draft among mine. */
export function useTestCommand() {
  return useMutation({
    mutationFn: async (body: TestBody) => unwrap(await api.POST('/api/commands/test', { body })),
  });
}
