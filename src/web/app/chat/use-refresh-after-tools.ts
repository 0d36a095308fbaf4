import { useQueryClient } from '@tanstack/react-query';
import type { UIMessage } from 'ai';
import { useEffect, useRef } from 'react';
import { queryKeys } from '../lib/query-keys';
import { DASHBOARD_WRITE_TOOLS, isToolPart, toolError, toolName } from './tool-parts';

/**
 * Loads the dashboard (and its history and the dashboard list) again as soon as a tool that
 * changes dashboards finishes, so the assistant's change appears while it is still answering.
 */
export function useRefreshAfterTools(messages: UIMessage[], dashboardId: string) {
  const queryClient = useQueryClient();
  // Tool calls already seen finished (those in the loaded history count as seen).
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const finished = messages.flatMap((message) =>
      message.parts.filter(isToolPart).filter((part) => part.state === 'output-available' && !toolError(part)),
    );
    if (seen.current === null) {
      seen.current = new Set(finished.map((part) => part.toolCallId));
      return;
    }
    const fresh = finished.filter((part) => !seen.current?.has(part.toolCallId));
    for (const part of fresh) seen.current.add(part.toolCallId);
    if (!fresh.some((part) => DASHBOARD_WRITE_TOOLS.has(toolName(part)))) return;
    void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(dashboardId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.versions(dashboardId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.dashboards });
  }, [messages, dashboardId, queryClient]);
}
