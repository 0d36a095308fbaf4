import { useQuery } from '@tanstack/react-query';
import type { UIMessage } from 'ai';
import { api } from '../lib/api';
import { unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';

export interface DashboardChat {
  /** The latest chat about this dashboard; null until the first prompt creates one. */
  sessionId: string | null;
  messages: UIMessage[];
}

/**
 * The latest chat session about a dashboard, with its conversation so far (superseded turns left
 * out). Read afresh each time the panel opens (forgotten when it closes) and never again while it
 * is open: from then on the conversation lives in useChat.
 */
export function useDashboardChat(dashboardId: string) {
  return useQuery({
    queryKey: queryKeys.dashboardChat(dashboardId),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    queryFn: async ({ signal }): Promise<DashboardChat> => {
      const sessions = unwrap(
        await api.GET('/api/chat/sessions', {
          params: { query: { context_type: 'dashboard', context_id: dashboardId, limit: 1 } },
          signal,
        }),
      );
      const session = sessions.items[0];
      if (!session) return { sessionId: null, messages: [] };
      const stored = unwrap(
        await api.GET('/api/chat/sessions/{id}/messages', {
          params: { path: { id: session.id }, query: { limit: 200 } },
          signal,
        }),
      );
      const messages = stored.items
        .filter((m) => (m.role === 'user' || m.role === 'assistant') && m.metadata.superseded !== true)
        .map(
          (m): UIMessage => ({
            id: m.id,
            role: m.role as 'user' | 'assistant',
            parts: m.content.parts?.length
              ? (m.content.parts as UIMessage['parts'])
              : [{ type: 'text', text: m.content.text ?? '' }],
          }),
        );
      return { sessionId: session.id, messages };
    },
  });
}

/** Starts the chat session about a dashboard (done on the first prompt, not on opening the panel). */
export async function createDashboardChat(dashboardId: string): Promise<string> {
  const session = unwrap(
    await api.POST('/api/chat/sessions', {
      body: { title: 'New chat', context_type: 'dashboard', context_id: dashboardId, settings: {} },
    }),
  );
  return session.id;
}
