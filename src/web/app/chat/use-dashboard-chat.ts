import { useQuery } from '@tanstack/react-query';
import type { UIMessage } from 'ai';
import { api } from '../lib/api';
import { unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';
import { type ChatSession, createChatSession, loadMessages } from './use-chat-data';

export interface DashboardChat {
  /** The latest chat about this dashboard; null until the first prompt creates one. */
  session: ChatSession | null;
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
      if (!session) return { session: null, messages: [] };
      return { session, messages: await loadMessages(session.id, signal) };
    },
  });
}

/** Starts the chat session about a dashboard (done on the first prompt, not on opening the panel). */
export async function createDashboardChat(dashboardId: string): Promise<string> {
  return (await createChatSession({ context_type: 'dashboard', context_id: dashboardId })).id;
}
