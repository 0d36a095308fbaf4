import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UIMessage } from 'ai';
import type { components } from '../../api/schema';
import { api } from '../lib/api';
import { expectOk, unwrap } from '../lib/problems';
import type { CommandSuggestion } from './commands';

export type ChatSession = components['schemas']['ChatSession'];
type StoredMessage = components['schemas']['ChatMessage'];

/** The chat's query keys (all under 'chat', so one invalidation refreshes them together). */
export const chatKeys = {
  all: ['chat'] as const,
  sessions: ['chat', 'sessions'] as const,
  session: (id: string) => ['chat', 'session', id] as const,
  messages: (id: string) => ['chat', 'messages', id] as const,
  search: (q: string) => ['chat', 'search', q] as const,
  models: ['chat', 'models'] as const,
  agents: ['chat', 'agents'] as const,
  commands: ['chat', 'commands'] as const,
};

/** Stored messages as useChat's messages: prompts and answers only, superseded turns left out. */
export function toUIMessages(stored: readonly StoredMessage[]): UIMessage[] {
  return stored
    .filter((m) => (m.role === 'user' || m.role === 'assistant') && m.metadata.superseded !== true)
    .map(
      (m): UIMessage => ({
        id: m.id,
        role: m.role as 'user' | 'assistant',
        metadata: m.metadata,
        parts: m.content.parts?.length
          ? (m.content.parts as UIMessage['parts'])
          : [{ type: 'text', text: m.content.text ?? '' }],
      }),
    );
}

/** Every stored message of a session, oldest first (a page of 200 at a time). */
export async function loadMessages(sessionId: string, signal?: AbortSignal): Promise<UIMessage[]> {
  const stored: StoredMessage[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const result = unwrap(
      await api.GET('/api/chat/sessions/{id}/messages', {
        params: { path: { id: sessionId }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
        ...(signal ? { signal } : {}),
      }),
    );
    stored.push(...result.items);
    if (!result.next_cursor) break;
    cursor = result.next_cursor;
  }
  return toUIMessages(stored);
}

/** My chat sessions, the most recently active first. */
export function useChatSessions() {
  return useQuery({
    queryKey: chatKeys.sessions,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/chat/sessions', { params: { query: { limit: 100 } }, signal })).items,
  });
}

/** One session and its conversation, read once when it is opened (useChat keeps it from then on). */
export function useChatSession(id: string | undefined) {
  return useQuery({
    queryKey: chatKeys.session(id ?? ''),
    enabled: Boolean(id),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    queryFn: async ({ signal }) => {
      const sessionId = id as string;
      const [session, messages] = await Promise.all([
        api.GET('/api/chat/sessions/{id}', { params: { path: { id: sessionId } }, signal }).then(unwrap),
        loadMessages(sessionId, signal),
      ]);
      return { session, messages };
    },
  });
}

export function useChatSearch(q: string) {
  return useQuery({
    queryKey: chatKeys.search(q),
    enabled: q.length > 0,
    staleTime: 10_000,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/chat/search', { params: { query: { q, limit: 30 } }, signal })),
  });
}

export async function createChatSession(body: {
  title?: string;
  context_type?: 'global' | 'dashboard';
  context_id?: string;
}): Promise<ChatSession> {
  return unwrap(
    await api.POST('/api/chat/sessions', {
      body: {
        title: body.title ?? 'New chat',
        context_type: body.context_type ?? 'global',
        settings: {},
        ...(body.context_id ? { context_id: body.context_id } : {}),
      },
    }),
  );
}

export function useRenameSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, title }: { id: string; title: string }) =>
      unwrap(await api.PATCH('/api/chat/sessions/{id}', { params: { path: { id } }, body: { title } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chatKeys.sessions }),
  });
}

export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      expectOk(await api.DELETE('/api/chat/sessions/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: chatKeys.sessions }),
  });
}

export interface ModelChoice {
  id: string;
  label: string;
  ruleBased: boolean;
  description: string | null;
}

/** The models a prompt may use: active and usable; the offline one marked rule-based. */
export function useModels() {
  return useQuery({
    queryKey: chatKeys.models,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/models', { signal }))
        .items.filter((m) => m.is_active && m.capabilities.usable !== false)
        .map(
          (m): ModelChoice => ({
            id: m.id,
            label: m.display_name,
            ruleBased: m.capabilities.rule_based === true,
            description: m.description,
          }),
        ),
  });
}

export function useAgents() {
  return useQuery({
    queryKey: chatKeys.agents,
    staleTime: 60_000,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/agents', { params: { query: { limit: 100 } }, signal })).items.map((a) => ({
        id: a.id,
        name: a.name,
        description: a.description,
      })),
  });
}

/** The user's custom commands, for completion. */
export function useCustomCommands() {
  return useQuery({
    queryKey: chatKeys.commands,
    staleTime: 60_000,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/commands', { params: { query: { limit: 100 } }, signal })).items.map(
        (c): CommandSuggestion => ({
          name: c.name,
          usage: c.name,
          description: c.description ?? `matches ${c.command_pattern}`,
          source: 'custom',
          pattern: c.command_pattern,
        }),
      ),
  });
}
