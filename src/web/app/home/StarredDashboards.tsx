import { Button, Group, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { IconStar } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState';
import { DashboardCard } from './DashboardCard';
import { useDashboardsById } from './use-dashboards-by-id';

interface StarredDashboardsProps {
  ids: string[];
  teamNames: Map<string, string>;
  /** Only those whose title contains this (the home page's search). */
  q?: string;
  /** As the home page's main list (the "Starred" filter): all of them, and what to do when there is none. */
  asList?: boolean;
  /** The preferences are still loading (so "none yet" would be premature). */
  loading?: boolean;
  /** In the section: shows every starred dashboard (the "Starred" filter). */
  onShowAll?: () => void;
}

/** Starred dashboards shown in the section above all dashboards; the filter shows the rest. */
const SECTION_LIMIT = 8;

const GRID = { base: 1, sm: 2, lg: 3, xl: 4 } as const;

/** The dashboards I starred, as cards: a section above all dashboards, or the list itself. */
export function StarredDashboards({
  ids,
  teamNames,
  q = '',
  asList = false,
  loading = false,
  onShowAll,
}: StarredDashboardsProps) {
  const shownIds = asList ? ids : ids.slice(0, SECTION_LIMIT);
  const { items, pending } = useDashboardsById(shownIds);
  const needle = q.toLocaleLowerCase();
  const shown = needle ? items.filter((d) => d.title.toLocaleLowerCase().includes(needle)) : items;

  if (loading || (pending && items.length === 0 && ids.length > 0))
    return (
      <SimpleGrid cols={GRID} role="status" aria-label="Loading starred dashboards">
        {(ids.length ? ids.slice(0, 4) : ['a', 'b']).map((id) => (
          <Skeleton key={id} h={150} radius="md" />
        ))}
      </SimpleGrid>
    );
  if (shown.length === 0) {
    if (!asList) return null;
    return (
      <EmptyState
        icon={<IconStar size={26} />}
        title={needle ? 'No starred dashboard has that title' : 'No starred dashboards yet'}
      >
        <Text c="dimmed" ta="center" maw={460}>
          {needle
            ? 'Try other words, or show all dashboards.'
            : 'Star a dashboard with the star beside its title, or on its card, and it shows here and at the top of the home page.'}
        </Text>
      </EmptyState>
    );
  }
  const grid = (
    <SimpleGrid cols={GRID}>
      {shown.map((dashboard) => (
        <DashboardCard
          key={dashboard.id}
          dashboard={dashboard}
          teamName={dashboard.owner.type === 'team' ? teamNames.get(dashboard.owner.team_id) : undefined}
        />
      ))}
    </SimpleGrid>
  );
  if (asList) return grid;
  return (
    <section aria-labelledby="starred-dashboards">
      <Title order={2} size="h4" id="starred-dashboards" mb="xs">
        Starred
      </Title>
      {grid}
      {ids.length > SECTION_LIMIT && onShowAll && (
        <Group justify="center" mt="sm">
          <Button variant="default" size="xs" onClick={onShowAll}>
            Show all {ids.length} starred
          </Button>
        </Group>
      )}
    </section>
  );
}
