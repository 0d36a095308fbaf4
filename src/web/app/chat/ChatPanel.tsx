import { ActionIcon, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { ChatConversation } from './ChatConversation';
import { useDashboardChat } from './use-dashboard-chat';

/** The assistant beside a dashboard: the latest conversation about it, continued. */
export default function ChatPanel({ dashboardId, onClose }: { dashboardId: string; onClose: () => void }) {
  const chat = useDashboardChat(dashboardId);
  return (
    <Stack gap={0} h="100%" component="aside" aria-label="Assistant">
      <Group
        justify="space-between"
        px="md"
        py="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Text fw={600}>Assistant</Text>
        <Tooltip label="Close the assistant">
          <ActionIcon variant="subtle" aria-label="Close the assistant" onClick={onClose}>
            <IconX size={18} />
          </ActionIcon>
        </Tooltip>
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
          <ChatConversation
            key={dashboardId}
            dashboardId={dashboardId}
            sessionId={chat.data.sessionId}
            history={chat.data.messages}
          />
        )}
      </div>
    </Stack>
  );
}
