import { Alert, Box, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { dashboardQuery } from '../dashboard/dashboard-query';
import { GRID_COLUMNS, savedLayout, tabLayout } from '../dashboard/layout';
import type { Dashboard } from '../dashboard/use-dashboard';
import { api } from '../lib/api';
import { problemMessage, unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';
import type { MadeChart } from './tool-parts';

const NEW = '__new__';
const MAX_CHARTS = 10;
const NEW_CHART_ID = '__new_chart__';

interface Target {
  dashboardId: string;
  dashboardTitle: string;
}

/** Puts an assistant's chart on a dashboard: an existing one (a tab, or a new tab) or a new dashboard. */
export default function AddToDashboardModal({
  chart,
  onClose,
}: {
  chart: Pick<MadeChart, 'title' | 'spec'>;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [dashboardId, setDashboardId] = useState<string | null>(null);
  const [tabId, setTabId] = useState<string | null>(null);
  const [newDashboardTitle, setNewDashboardTitle] = useState(chart.title);
  const [newTabTitle, setNewTabTitle] = useState('Overview');
  const [title, setTitle] = useState(chart.title);
  const [added, setAdded] = useState<Target | null>(null);

  const dashboards = useQuery({
    queryKey: queryKeys.dashboardList({ scope: 'all' }),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/dashboards', { params: { query: { scope: 'all', limit: 100 } }, signal })),
  });
  const editable = (dashboards.data?.items ?? []).filter((d) => d.abilities.can_edit);
  const existing = dashboardId && dashboardId !== NEW ? dashboardId : null;
  // The same query as the dashboard page's (same key and answer), only while one is picked.
  const dashboard = useQuery({ ...dashboardQuery(existing ?? ''), enabled: existing !== null });
  const current = existing ? dashboard.data : undefined;
  const tab = current?.tabs.find((t) => t.id === tabId);
  const creatingDashboard = dashboardId === NEW;
  const creatingTab = creatingDashboard || tabId === NEW;

  const add = useMutation({
    mutationFn: async (): Promise<Target> => {
      const newChart = { title: title.trim() || chart.title, configuration: chart.spec as Record<string, unknown> };
      if (creatingDashboard) {
        const made = unwrap(
          await api.POST('/api/dashboards', {
            body: {
              title: newDashboardTitle.trim(),
              is_public: false,
              settings: {},
              tabs: [{ title: newTabTitle.trim() || 'Overview', settings: {}, charts: [newChart] }],
            },
          }),
        );
        return { dashboardId: made.id, dashboardTitle: made.title };
      }
      const target = current as Dashboard;
      if (tabId === NEW)
        unwrap(
          await api.POST('/api/dashboards/{id}/tabs', {
            params: { path: { id: target.id } },
            body: { title: newTabTitle.trim(), settings: {}, charts: [newChart] },
          }),
        );
      else
        unwrap(await api.POST('/api/tabs/{id}/charts', { params: { path: { id: tabId as string } }, body: newChart }));
      return { dashboardId: target.id, dashboardTitle: target.title };
    },
    onSuccess: (target) => {
      setAdded(target);
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(target.dashboardId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.versions(target.dashboardId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboards });
    },
  });

  const ready =
    Boolean(title.trim()) &&
    (creatingDashboard
      ? Boolean(newDashboardTitle.trim())
      : Boolean(current) &&
        (tabId === NEW ? Boolean(newTabTitle.trim()) : Boolean(tab && tab.charts.length < MAX_CHARTS)));

  return (
    <Modal opened onClose={onClose} title="Add the chart to a dashboard" size="lg">
      {added ? (
        <Stack>
          <Text>
            “{title}” is on the dashboard “{added.dashboardTitle}”.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Done
            </Button>
            <Button
              onClick={() => {
                onClose();
                navigate(`/dashboards/${added.dashboardId}`);
              }}
            >
              Open the dashboard
            </Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) add.mutate();
          }}
        >
          <Stack>
            <TextInput label="Chart title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
            <Select
              label="Dashboard"
              placeholder={dashboards.isPending ? 'Loading your dashboards…' : 'Pick a dashboard'}
              data={[
                { value: NEW, label: 'A new dashboard…' },
                ...editable.map((d) => ({ value: d.id, label: d.title })),
              ]}
              value={dashboardId}
              onChange={(value) => {
                setDashboardId(value);
                setTabId(null);
              }}
              searchable
              nothingFoundMessage="No dashboard by that name"
              error={dashboards.isError ? problemMessage(dashboards.error) : undefined}
              comboboxProps={{ withinPortal: true }}
            />
            {creatingDashboard && (
              <TextInput
                label="New dashboard title"
                value={newDashboardTitle}
                onChange={(e) => setNewDashboardTitle(e.currentTarget.value)}
                required
              />
            )}
            {existing && (
              <Select
                label="Tab"
                placeholder={dashboard.isPending ? 'Loading the tabs…' : 'Pick a tab'}
                data={[
                  ...(current?.tabs ?? []).map((t) => ({
                    value: t.id,
                    label: t.charts.length >= MAX_CHARTS ? `${t.title} (full: ${MAX_CHARTS} charts)` : t.title,
                    disabled: t.charts.length >= MAX_CHARTS,
                  })),
                  { value: NEW, label: 'A new tab…' },
                ]}
                value={tabId}
                onChange={setTabId}
                error={dashboard.isError ? problemMessage(dashboard.error) : undefined}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {creatingTab && (creatingDashboard || existing) && (
              <TextInput
                label={creatingDashboard ? 'Its first tab' : 'New tab title'}
                value={newTabTitle}
                onChange={(e) => setNewTabTitle(e.currentTarget.value)}
                required
              />
            )}
            {(creatingDashboard || (current && tabId)) && (
              <LandingPreview
                dashboardTitle={creatingDashboard ? newDashboardTitle : (current?.title ?? '')}
                tabTitle={creatingTab ? newTabTitle : (tab?.title ?? '')}
                charts={creatingTab ? [] : (tab?.charts ?? [])}
                settings={creatingTab ? {} : (current?.settings ?? {})}
                title={title}
              />
            )}
            {add.isError && (
              <Alert color="red" role="alert" title="The chart was not added">
                {problemMessage(add.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={!ready} loading={add.isPending}>
                Add the chart
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Where the chart will land: the tab's grid in miniature, the new chart highlighted. */
function LandingPreview({
  dashboardTitle,
  tabTitle,
  charts,
  settings,
  title,
}: {
  dashboardTitle: string;
  tabTitle: string;
  charts: { id: string; title: string }[];
  settings: Record<string, unknown>;
  title: string;
}) {
  const layout = tabLayout([...charts.map((c) => c.id), NEW_CHART_ID], savedLayout(settings));
  const rows = Math.max(...layout.map((item) => item.y + item.h));
  const scale = 6;
  const titles = new Map(charts.map((c) => [c.id, c.title]));
  return (
    <Stack gap={6} data-testid="landing-preview">
      <Text size="sm">
        It will be chart {charts.length + 1} of at most {MAX_CHARTS} on the tab “{tabTitle}” of{' '}
        {charts.length === 0 && !dashboardTitle ? 'the dashboard' : `“${dashboardTitle}”`}.
      </Text>
      <Box
        aria-hidden
        style={{
          position: 'relative',
          height: rows * scale,
          maxHeight: 220,
          overflow: 'hidden',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 6,
        }}
      >
        {layout.map((item) => {
          const isNew = item.i === NEW_CHART_ID;
          return (
            <Box
              key={item.i}
              style={{
                position: 'absolute',
                left: `calc(${(item.x / GRID_COLUMNS) * 100}% + 2px)`,
                width: `calc(${(item.w / GRID_COLUMNS) * 100}% - 4px)`,
                top: item.y * scale + 2,
                height: item.h * scale - 4,
                borderRadius: 4,
                padding: 4,
                overflow: 'hidden',
                background: isNew ? 'var(--mantine-primary-color-light)' : 'var(--mantine-color-default-hover)',
                border: isNew ? '2px solid var(--mantine-primary-color-filled)' : undefined,
              }}
            >
              <Text size="xs" fw={isNew ? 700 : 400} truncate>
                {isNew ? `${title} (new)` : titles.get(item.i)}
              </Text>
            </Box>
          );
        })}
      </Box>
    </Stack>
  );
}
