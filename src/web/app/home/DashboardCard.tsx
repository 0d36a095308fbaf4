import { Badge, Card, Group, Text, UnstyledButton } from '@mantine/core';
import { IconLock, IconUsers, IconWorld } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DashboardActionsMenu } from '../dashboard/DashboardActionsMenu';
import { fullTime, plural, timeAgo } from '../lib/format';
import { queryKeys } from '../lib/query-keys';
import { StarButton } from './StarButton';
import type { DashboardSummary } from './use-dashboards';

/**
 * A dashboard in the home page's grid. The whole card opens it: the link is stretched over the
 * card, under the star button and the actions menu (a button inside a link would be two controls
 * in one).
 */
export function DashboardCard({ dashboard, teamName }: { dashboard: DashboardSummary; teamName?: string | undefined }) {
  const queryClient = useQueryClient();
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      data-dashboard-id={dashboard.id}
      style={{ display: 'flex', flexDirection: 'column', gap: 8, position: 'relative' }}
    >
      <UnstyledButton
        component={Link}
        to={`/dashboards/${dashboard.id}`}
        aria-label={`Open dashboard ${dashboard.title}`}
        style={{ position: 'absolute', inset: 0, borderRadius: 'inherit', zIndex: 0 }}
      />
      <Group justify="space-between" wrap="nowrap" align="flex-start" style={{ pointerEvents: 'none' }}>
        <Text fw={600} lineClamp={2}>
          {dashboard.title}
        </Text>
        <Group gap={4} wrap="nowrap">
          {dashboard.is_public && (
            <Badge variant="light" color="teal" leftSection={<IconWorld size={12} />}>
              Public
            </Badge>
          )}
          <div style={{ pointerEvents: 'auto', position: 'relative', zIndex: 1 }}>
            <Group gap={2} wrap="nowrap">
              <StarButton dashboardId={dashboard.id} title={dashboard.title} />
              <DashboardActionsMenu
                dashboard={dashboard}
                label={`Actions for ${dashboard.title}`}
                variant="subtle"
                // Starred and recent cards come from the dashboard's own query: dropped, they skip it.
                onDeleted={() =>
                  queryClient.removeQueries({ queryKey: queryKeys.dashboard(dashboard.id), exact: true })
                }
              />
            </Group>
          </div>
        </Group>
      </Group>
      {dashboard.description && (
        <Text size="sm" c="dimmed" lineClamp={2} style={{ pointerEvents: 'none' }}>
          {dashboard.description}
        </Text>
      )}
      <Group gap="xs" mt="auto" style={{ pointerEvents: 'none' }}>
        <Badge
          variant="default"
          leftSection={dashboard.owner.type === 'team' ? <IconUsers size={12} /> : <IconLock size={12} />}
        >
          {dashboard.owner.type === 'team' ? (teamName ?? 'Team') : 'Personal'}
        </Badge>
        <Text size="xs" c="dimmed">
          {plural(dashboard.tab_count, 'tab')} · {plural(dashboard.chart_count, 'chart')}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" title={fullTime(dashboard.updated_at)} style={{ pointerEvents: 'none' }}>
        Updated {timeAgo(dashboard.updated_at)}
      </Text>
    </Card>
  );
}
