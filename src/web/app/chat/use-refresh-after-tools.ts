import { useQueryClient } from '@tanstack/react-query';
import type { UIMessage } from 'ai';
import { useEffect, useRef } from 'react';
import { queryKeys } from '../lib/query-keys';
import { DASHBOARD_WRITE_TOOLS, isToolPart, toolError, toolName } from './tool-parts';

/**
 * Loads dashboards again as soon as a tool that changes them finishes, so the assistant's change
 * appears while it is still answering: the chat's own dashboard (and its history), the one the
 * tool names, and the dashboard list.
 */
export function useRefreshAfterTools(messages: UIMessage[], dashboardId?: string) {
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
    const writes = fresh.filter((part) => DASHBOARD_WRITE_TOOLS.has(toolName(part)));
    if (writes.length === 0) return;
    const changed = new Set<string>(dashboardId ? [dashboardId] : []);
    for (const part of writes) {
      const output = part.output as { dashboard_id?: unknown } | undefined;
      if (typeof output?.dashboard_id === 'string') changed.add(output.dashboard_id);
    }
    for (const id of changed) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.versions(id) });
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.dashboards });
  }, [messages, dashboardId, queryClient]);
}
