import { Badge, Box, Container, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconEye } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ColorSchemeToggle } from '../components/ColorSchemeToggle';
import { Logo } from '../components/Logo';
import { GRID_COLUMNS, ROW_HEIGHT, savedLayout, tabLayout } from '../dashboard/layout';
import { fullTime, timeAgo } from '../lib/format';
import { SharedChartCard } from './SharedChartCard';
import { type SharedTab, sharedTabs } from './shared-snapshot';
import type { SharedDashboard } from './use-shared-dashboard';

/** The grid's gap, as on the dashboard page (react-grid-layout's margin there). */
const GAP = 12;

interface SharedDashboardViewProps {
  token: string;
  password: string | undefined;
  dashboard: SharedDashboard;
}

/** A shared dashboard, read-only: its title, its tabs and their charts where their editors placed them. */
export function SharedDashboardView({ token, password, dashboard }: SharedDashboardViewProps) {
  useDocumentTitle(`${dashboard.title} · OCP`);
  const tabs = useMemo(() => sharedTabs(dashboard.tabs), [dashboard.tabs]);
  const [activeId, setActiveId] = useState<string | null>(tabs[0]?.id ?? null);
  const active = tabs.find((t) => t.id === activeId) ?? tabs[0];

  return (
    <Box mih="100dvh">
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group justify="space-between" wrap="nowrap">
          <Logo />
          <Group gap="sm" wrap="nowrap">
            <Badge variant="light" color="gray" leftSection={<IconEye size={12} aria-hidden />}>
              View only
            </Badge>
            <ColorSchemeToggle />
          </Group>
        </Group>
      </Box>
      <Container size="xl" py="md" component="main">
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              {dashboard.title}
            </Title>
            {dashboard.description && <Text c="dimmed">{dashboard.description}</Text>}
            {dashboard.expires_at && (
              <Text size="xs" c="dimmed" title={fullTime(dashboard.expires_at)}>
                This link expires {timeAgo(dashboard.expires_at)}.
              </Text>
            )}
          </div>
          {tabs.length > 1 && (
            <Tabs value={active?.id ?? null} onChange={setActiveId} activateTabWithKeyboard>
              <Tabs.List aria-label="Dashboard tabs">
                {tabs.map((tab) => (
                  <Tabs.Tab key={tab.id} value={tab.id}>
                    {tab.title}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
            </Tabs>
          )}
          {active && active.charts.length > 0 ? (
            <SharedChartGrid
              key={active.id}
              tab={active}
              settings={dashboard.settings}
              token={token}
              password={password}
            />
          ) : (
            <Stack align="center" py={60} gap={4}>
              <Title order={2} size="h4">
                {tabs.length === 0 ? 'This dashboard is empty' : 'No charts on this tab'}
              </Title>
              <Text c="dimmed" size="sm">
                {tabs.length > 1 ? 'Try another tab.' : 'Its owner has not added any charts yet.'}
              </Text>
            </Stack>
          )}
        </Stack>
      </Container>
    </Box>
  );
}

interface SharedChartGridProps {
  tab: SharedTab;
  settings: Record<string, unknown>;
  token: string;
  password: string | undefined;
}

/**
 * The tab's charts at their saved places on the dashboard's 12-column grid, drawn with CSS grid
 * (nothing here moves, so the page does without the drag-and-drop grid); one column on a phone.
 */
function SharedChartGrid({ tab, settings, token, password }: SharedChartGridProps) {
  const narrow = useMediaQuery('(max-width: 45em)', false, { getInitialValueInEffect: false });
  const places = useMemo(
    () =>
      new Map(
        tabLayout(
          tab.charts.map((c) => c.id),
          savedLayout(settings),
        ).map((item) => [item.i, item]),
      ),
    [tab, settings],
  );
  return (
    <div
      data-testid="shared-chart-grid"
      style={
        narrow
          ? { display: 'grid', gap: GAP }
          : {
              display: 'grid',
              gap: GAP,
              gridTemplateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`,
              gridAutoRows: ROW_HEIGHT,
            }
      }
    >
      {tab.charts.map((chart) => {
        const place = places.get(chart.id);
        const style =
          narrow || !place
            ? { height: 360 }
            : { gridColumn: `${place.x + 1} / span ${place.w}`, gridRow: `${place.y + 1} / span ${place.h}` };
        return (
          <div key={chart.id} style={{ minWidth: 0, ...style }}>
            <SharedChartCard token={token} password={password} chart={chart} />
          </div>
        );
      })}
    </div>
  );
}
