import { useChat } from '@ai-sdk/react';
import { Alert, Box, ScrollArea, Stack, Text } from '@mantine/core';
import type { UIMessage } from 'ai';
import { useEffect, useMemo, useRef } from 'react';
import { problemMessage } from '../lib/problems';
import { ChatComposer } from './ChatComposer';
import { MessageView } from './MessageView';
import { assistantTransport } from './transport';
import { createDashboardChat } from './use-dashboard-chat';
import { useRefreshAfterTools } from './use-refresh-after-tools';

interface ChatConversationProps {
  dashboardId: string;
  sessionId: string | null;
  history: UIMessage[];
}

/** The conversation with the assistant about a dashboard: streamed answers, tool steps, inline charts. */
export function ChatConversation({ dashboardId, sessionId, history }: ChatConversationProps) {
  const session = useRef<Promise<string> | null>(sessionId ? Promise.resolve(sessionId) : null);
  const transport = useMemo(
    () =>
      assistantTransport(() => {
        // The first prompt makes the session; a failure lets the next prompt try again.
        session.current ??= createDashboardChat(dashboardId).catch((error: unknown) => {
          session.current = null;
          throw error;
        });
        return session.current;
      }),
    [dashboardId],
  );
  const { messages, sendMessage, status, stop, error } = useChat({
    id: sessionId ?? `dashboard-${dashboardId}`,
    messages: history,
    transport,
  });
  useRefreshAfterTools(messages, dashboardId);
  const busy = status === 'submitted' || status === 'streaming';

  const viewport = useRef<HTMLDivElement>(null);
  // Follow the answer as it grows.
  useEffect(() => {
    const element = viewport.current;
    if (element && messages.length > 0) element.scrollTo({ top: element.scrollHeight });
  }, [messages]);

  return (
    <Stack gap={0} h="100%">
      <ScrollArea style={{ flex: 1 }} viewportRef={viewport} px="md">
        <Stack gap="md" py="md" aria-live="polite">
          {messages.length === 0 && (
            <Text size="sm" c="dimmed">
              Ask about your data and the assistant answers with text and charts, and can put them on this dashboard.
              For example: “revenue by month as a line chart and add it to this dashboard”.
            </Text>
          )}
          {messages.map((message) => (
            <MessageView key={message.id} message={message} />
          ))}
          {status === 'submitted' && (
            <Text size="sm" c="dimmed" role="status">
              Thinking…
            </Text>
          )}
          {error && (
            <Alert color="red" role="alert" title="The assistant could not answer">
              {problemMessage(error)}
            </Alert>
          )}
        </Stack>
      </ScrollArea>
      <Box p="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        <ChatComposer busy={busy} onSend={(text) => sendMessage({ text })} onStop={() => stop()} />
      </Box>
    </Stack>
  );
}
