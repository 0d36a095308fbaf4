import { Paper, SimpleGrid, Skeleton, Text, Title, UnstyledButton } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { fullTime, timeAgo } from '../lib/format';
import type { RecentVisit } from './preferences';
import { useDashboardsById } from './use-dashboards-by-id';

/** Shown at most: the home page keeps them to one or two rows. */
const SHOWN = 8;

/** The dashboards I opened lately, most recent first, as small links (the cards are below). */
export function RecentDashboards({ visits }: { visits: RecentVisit[] }) {
  const shown = visits.slice(0, SHOWN);
  const { items, pending } = useDashboardsById(shown.map((visit) => visit.id));
  const at = new Map(shown.map((visit) => [visit.id, visit.at]));
  if (pending && items.length === 0)
    return (
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} role="status" aria-label="Loading recently viewed dashboards">
        {shown.slice(0, 4).map((visit) => (
          <Skeleton key={visit.id} h={58} radius="md" />
        ))}
      </SimpleGrid>
    );
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="recent-dashboards">
      <Title order={2} size="h4" id="recent-dashboards" mb="xs">
        Recently viewed
      </Title>
      <SimpleGrid
        component="ol"
        cols={{ base: 1, sm: 2, lg: 4 }}
        spacing="sm"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {items.map((dashboard) => {
          const when = at.get(dashboard.id) ?? dashboard.updated_at;
          return (
            <li key={dashboard.id}>
              <UnstyledButton
                component={Link}
                to={`/dashboards/${dashboard.id}`}
                w="100%"
                data-recent-id={dashboard.id}
              >
                <Paper
                  withBorder
                  radius="md"
                  px="md"
                  py="xs"
                  style={{ display: 'flex', gap: 10, alignItems: 'center' }}
                >
                  <IconClock size={16} aria-hidden style={{ flexShrink: 0, opacity: 0.6 }} />
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600} size="sm" truncate="end">
                      {dashboard.title}
                    </Text>
                    <Text size="xs" c="dimmed" title={fullTime(when)}>
                      Viewed {timeAgo(when)}
                    </Text>
                  </div>
                </Paper>
              </UnstyledButton>
            </li>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
