import { ActionIcon, Badge, Button, Group, Text, Title, Tooltip } from '@mantine/core';
import { IconHistory, IconMaximize, IconMessageChatbot, IconRefresh } from '@tabler/icons-react';
import { StarButton } from '../home/StarButton';
import { fullTime, timeAgo } from '../lib/format';
import { ShareButton } from '../sharing/ShareButton';
import { AutoRefreshControl } from './AutoRefreshControl';
import { DashboardActionsMenu } from './DashboardActionsMenu';
import type { Dashboard } from './use-dashboard';

interface DashboardHeaderProps {
  dashboard: Dashboard;
  refreshing: boolean;
  chatOpen: boolean;
  onRefresh: () => void;
  /** The auto-refresh interval ("off", "1m", …) and when the data was last loaded again. */
  autoRefresh: string;
  onAutoRefreshChange: (value: string) => void;
  lastRefreshed: number;
  onHistory: () => void;
  onToggleChat: () => void;
  onKiosk: () => void;
  /** After the dashboard was deleted from its menu. */
  onDeleted: () => void;
}

export function DashboardHeader({
  dashboard,
  refreshing,
  chatOpen,
  onRefresh,
  autoRefresh,
  onAutoRefreshChange,
  lastRefreshed,
  onHistory,
  onToggleChat,
  onKiosk,
  onDeleted,
}: DashboardHeaderProps) {
  return (
    <Group justify="space-between" align="flex-start" gap="sm">
      <div style={{ minWidth: 0 }}>
        <Group gap="xs">
          <Title order={1} size="h3">
            {dashboard.title}
          </Title>
          <StarButton dashboardId={dashboard.id} title={dashboard.title} />
          {!dashboard.abilities.can_edit && <Badge variant="default">View only</Badge>}
        </Group>
        {dashboard.description && (
          <Text size="sm" c="dimmed" maw={720} style={{ whiteSpace: 'pre-line' }} data-testid="dashboard-description">
            {dashboard.description}
          </Text>
        )}
        <Text size="xs" c="dimmed" title={fullTime(dashboard.updated_at)}>
          {dashboard.latest_version ? `Version ${dashboard.latest_version} · ` : ''}updated{' '}
          {timeAgo(dashboard.updated_at)}
        </Text>
      </div>
      <Group gap="xs">
        <Tooltip label="Load the charts’ data again">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRefresh size={16} />}
            loading={refreshing}
            onClick={onRefresh}
          >
            Refresh
          </Button>
        </Tooltip>
        <AutoRefreshControl value={autoRefresh} onChange={onAutoRefreshChange} lastRefreshed={lastRefreshed} />
        <Button variant="default" size="xs" leftSection={<IconHistory size={16} />} onClick={onHistory}>
          History
        </Button>
        <ShareButton dashboard={dashboard} />
        <Button
          variant={chatOpen ? 'filled' : 'light'}
          size="xs"
          leftSection={<IconMessageChatbot size={16} />}
          onClick={onToggleChat}
          aria-pressed={chatOpen}
        >
          Assistant
        </Button>
        <Tooltip label="Kiosk mode: the dashboard alone, full screen (for a wall screen)">
          <ActionIcon variant="default" size={30} aria-label="Kiosk mode" onClick={onKiosk}>
            <IconMaximize size={16} />
          </ActionIcon>
        </Tooltip>
        <DashboardActionsMenu dashboard={dashboard} label="Dashboard actions" variant="default" onDeleted={onDeleted} />
      </Group>
    </Group>
  );
}
