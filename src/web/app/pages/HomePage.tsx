import { Button, Container, Group, Select, SimpleGrid, Skeleton, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { CreateDashboardModal } from '../home/CreateDashboardModal';
import { DashboardCard } from '../home/DashboardCard';
import { EmptyDashboards } from '../home/EmptyDashboards';
import { RecentDashboards } from '../home/RecentDashboards';
import { StarredDashboards } from '../home/StarredDashboards';
import { type DashboardFilter, useDashboardList, useTeams } from '../home/use-dashboards';
import { useRecentVisits } from '../home/use-recent-dashboards';
import { useStarredIds } from '../home/use-starred';

const STARRED = 'starred';

/**
 * Home: the dashboards I starred and opened lately, then mine and my teams', searchable by title,
 * and the way to make a new one.
 */
export function HomePage() {
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [filterValue, setFilterValue] = useState('all');
  const teams = useTeams();
  const starred = useStarredIds();
  const recent = useRecentVisits();
  const showingStarred = filterValue === STARRED;
  const filter: DashboardFilter =
    filterValue === 'all' || filterValue === 'personal' || showingStarred
      ? { scope: showingStarred ? 'all' : (filterValue as 'all' | 'personal') }
      : { scope: 'team', teamId: filterValue };
  const list = useDashboardList(filter, q, !showingStarred);
  // Above the full list only, and not while searching: there they would repeat its cards.
  const sections = filterValue === 'all' && !q;
  const teamNames = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
  const dashboards = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filters = [
    { value: 'all', label: 'All dashboards' },
    { value: STARRED, label: 'Starred' },
    { value: 'personal', label: 'Mine' },
    ...(teams.data ?? []).map((t) => ({ value: t.id, label: t.name })),
  ];

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <PageHeader
          title="Dashboards"
          action={
            <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
              New dashboard
            </Button>
          }
        >
          Yours and your teams’, starred and recently opened first.
        </PageHeader>
        <Group gap="sm" align="flex-end">
          <TextInput
            aria-label="Search dashboards by title"
            placeholder="Search by title"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            style={{ flex: 1, maxWidth: 420 }}
          />
          <Select
            aria-label="Show"
            data={filters}
            value={filterValue}
            onChange={(value) => setFilterValue(value ?? 'all')}
            allowDeselect={false}
            w={220}
          />
        </Group>
        {sections && starred.ids.length > 0 && (
          <StarredDashboards ids={starred.ids} teamNames={teamNames} onShowAll={() => setFilterValue(STARRED)} />
        )}
        {sections && recent.visits.length > 0 && <RecentDashboards visits={recent.visits} />}
        {sections && (starred.ids.length > 0 || recent.visits.length > 0) && (
          <Title order={2} size="h4" mb={-8}>
            All dashboards
          </Title>
        )}
        {showingStarred ? (
          <StarredDashboards ids={starred.ids} teamNames={teamNames} q={q} asList loading={!starred.loaded} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} title="The dashboards could not be loaded" onRetry={() => list.refetch()} />
        ) : list.isPending ? (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }} role="status" aria-label="Loading dashboards">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} h={150} radius="md" />
            ))}
          </SimpleGrid>
        ) : dashboards.length === 0 ? (
          <EmptyDashboards searching={Boolean(q)} onCreate={openCreate} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }}>
              {dashboards.map((dashboard) => (
                <DashboardCard
                  key={dashboard.id}
                  dashboard={dashboard}
                  teamName={dashboard.owner.type === 'team' ? teamNames.get(dashboard.owner.team_id) : undefined}
                />
              ))}
            </SimpleGrid>
            {list.hasNextPage && (
              <Group justify="center">
                <Button variant="default" loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
                  Show more
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      <CreateDashboardModal opened={creating} onClose={closeCreate} />
    </Container>
  );
}
