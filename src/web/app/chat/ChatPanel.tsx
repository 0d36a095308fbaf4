import { ActionIcon, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconMessages, IconX } from '@tabler/icons-react';
import type { UIMessage } from 'ai';
import { useCallback, useRef } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { ChatConversation } from './ChatConversation';
import type { ChatSession } from './use-chat-data';
import { createDashboardChat, useDashboardChat } from './use-dashboard-chat';

/** The assistant beside a dashboard: the latest conversation about it, continued. */
export default function ChatPanel({ dashboardId, onClose }: { dashboardId: string; onClose: () => void }) {
  const chat = useDashboardChat(dashboardId);
  const sessionId = chat.data?.session?.id;
  return (
    <Stack gap={0} h="100%" component="aside" aria-label="Assistant">
      <Group
        justify="space-between"
        px="md"
        py="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Text fw={600}>Assistant</Text>
        <Group gap={4}>
          {sessionId && (
            <Tooltip label="Open this conversation in the chat page">
              <ActionIcon
                variant="subtle"
                aria-label="Open in the chat page"
                component={Link}
                to={`/chat/${sessionId}`}
              >
                <IconMessages size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          <Tooltip label="Close the assistant">
            <ActionIcon variant="subtle" aria-label="Close the assistant" onClick={onClose}>
              <IconX size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <div style={{ flex: 1, minHeight: 0 }}>
        {chat.isError ? (
          <div style={{ padding: 16 }}>
            <ErrorAlert
              error={chat.error}
              title="The conversation could not be loaded"
              onRetry={() => chat.refetch()}
            />
          </div>
        ) : chat.isPending ? (
          <PageLoader label="Loading the conversation" />
        ) : (
          <DashboardConversation
            key={dashboardId}
            dashboardId={dashboardId}
            session={chat.data.session}
            history={chat.data.messages}
          />
        )}
      </div>
    </Stack>
  );
}

function DashboardConversation({
  dashboardId,
  session,
  history,
}: {
  dashboardId: string;
  session: ChatSession | null;
  history: UIMessage[];
}) {
  const made = useRef<Promise<string> | null>(session ? Promise.resolve(session.id) : null);
  // The first prompt makes the session; a failure lets the next prompt try again.
  const resolve = useCallback(() => {
    made.current ??= createDashboardChat(dashboardId).catch((error: unknown) => {
      made.current = null;
      throw error;
    });
    return made.current;
  }, [dashboardId]);
  return (
    <ChatConversation
      chatId={session?.id ?? `dashboard-${dashboardId}`}
      session={resolve}
      history={history}
      settings={session?.settings}
      dashboardId={dashboardId}
      emptyState={
        <Text size="sm" c="dimmed">
          Ask about your data and the assistant answers with text and charts, and can put them on this dashboard. For
          example: “revenue by month as a line chart and add it to this dashboard”.
        </Text>
      }
    />
  );
}
