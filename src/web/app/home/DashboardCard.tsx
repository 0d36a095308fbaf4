import { Badge, Card, Group, Text } from '@mantine/core';
import { IconLock, IconUsers, IconWorld } from '@tabler/icons-react';
import { Link } from 'react-router';
import { fullTime, plural, timeAgo } from '../lib/format';
import type { DashboardSummary } from './use-dashboards';

/** A dashboard in the home page's grid: the whole card opens it. */
export function DashboardCard({ dashboard, teamName }: { dashboard: DashboardSummary; teamName?: string | undefined }) {
  return (
    <Card
      component={Link}
      to={`/dashboards/${dashboard.id}`}
      withBorder
      radius="md"
      padding="lg"
      aria-label={`Open dashboard ${dashboard.title}`}
      style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600} lineClamp={2}>
          {dashboard.title}
        </Text>
        {dashboard.is_public && (
          <Badge variant="light" color="teal" leftSection={<IconWorld size={12} />}>
            Public
          </Badge>
        )}
      </Group>
      {dashboard.description && (
        <Text size="sm" c="dimmed" lineClamp={2}>
          {dashboard.description}
        </Text>
      )}
      <Group gap="xs" mt="auto">
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
      <Text size="xs" c="dimmed" title={fullTime(dashboard.updated_at)}>
        Updated {timeAgo(dashboard.updated_at)}
      </Text>
    </Card>
  );
}
