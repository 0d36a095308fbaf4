import { Alert, Anchor, Button, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { api } from '../lib/api';
import { ApiProblem, problemMessage, unwrap } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';
import { dashboardQuery } from './dashboard-query';
import { MAX_CHARTS_PER_TAB } from './use-chart-actions';
import { type Chart, type Dashboard, ifMatch } from './use-dashboard';

interface MoveChartModalProps {
  /** The chart to move; null when the dialog is closed. */
  chart: Chart | null;
  /** The dashboard it is on now. */
  source: Dashboard;
  onClose: () => void;
}

/** Moves a chart to a tab of another dashboard that I may edit (the API checks both ends). */
export function MoveChartModal({ chart, source, onClose }: MoveChartModalProps) {
  const opened = chart !== null;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [targetId, setTargetId] = useState<string | null>(null);
  // The tab chosen; null: the first with room.
  const [chosenTabId, setTabId] = useState<string | null>(null);
  // Under the dashboards key, so that any change to the list refreshes it too.
  const targets = useQuery({
    queryKey: [...queryKeys.dashboards, 'move-targets'],
    enabled: opened,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/dashboards', { params: { query: { scope: 'all', limit: 100 } }, signal })).items,
  });
  // The dashboard page's own query: opening the target afterwards shows it at once.
  const target = useQuery({ ...dashboardQuery(targetId ?? ''), enabled: targetId !== null });
  const targetTree = targetId && target.data?.id === targetId ? target.data : null;
  const move = useMutation({
    mutationFn: async ({ chart, tabId }: { chart: Chart; tabId: string }) =>
      unwrap(
        await api.PATCH('/api/charts/{id}', {
          params: { path: { id: chart.id }, header: ifMatch(chart.etag) },
          body: { tab_id: tabId },
        }),
      ),
    onSettled: () =>
      Promise.all(
        [
          queryKeys.dashboard(source.id),
          queryKeys.dashboards,
          ...(targetId ? [queryKeys.dashboard(targetId)] : []),
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
  const { reset } = move;
  useEffect(() => {
    if (opened) {
      setTargetId(null);
      setTabId(null);
      reset();
    }
  }, [opened, reset]);

  const tabId = chosenTabId ?? targetTree?.tabs.find((t) => t.charts.length < MAX_CHARTS_PER_TAB)?.id ?? null;

  const editable = (targets.data ?? []).filter((d) => d.abilities.can_edit && d.id !== source.id);

  const submit = () => {
    if (!chart || !tabId || !targetTree) return;
    const tab = targetTree.tabs.find((t) => t.id === tabId);
    move.mutate(
      { chart, tabId },
      {
        onSuccess: () => {
          const id = `moved-${chart.id}`;
          notifications.show({
            id,
            color: 'green',
            title: `Moved “${chart.title}”`,
            message: (
              // The notifications live outside the router: a plain link that navigates through it.
              <Anchor
                href={`/dashboards/${targetTree.id}?tab=${tabId}`}
                onClick={(event) => {
                  event.preventDefault();
                  notifications.hide(id);
                  navigate(`/dashboards/${targetTree.id}?tab=${tabId}`);
                }}
              >
                Open “{targetTree.title}”{tab ? ` › ${tab.title}` : ''}
              </Anchor>
            ),
          });
          onClose();
        },
      },
    );
  };

  const message =
    move.error instanceof ApiProblem && move.error.status === 412
      ? 'The chart changed meanwhile (someone else or the assistant). It has been reloaded: try again.'
      : move.error && problemMessage(move.error);

  return (
    <Modal opened={opened} onClose={onClose} title={chart ? `Move “${chart.title}” to another dashboard` : ''}>
      <Stack>
        {message && (
          <Alert color="red" role="alert" title="Not moved">
            {message}
          </Alert>
        )}
        {targets.isPending ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Loading your dashboards…</Text>
          </Group>
        ) : targets.isError ? (
          <ErrorAlert
            error={targets.error}
            title="Your dashboards could not be loaded"
            onRetry={() => targets.refetch()}
          />
        ) : editable.length === 0 ? (
          <Text size="sm">
            There is no other dashboard you may edit. Create one on the home page first, then move the chart there.
          </Text>
        ) : (
          <>
            <Select
              label="Dashboard"
              placeholder="Choose a dashboard you may edit"
              searchable
              nothingFoundMessage="No dashboard with this title"
              data={editable.map((d) => ({ value: d.id, label: d.title }))}
              value={targetId}
              onChange={(id) => {
                setTargetId(id);
                setTabId(null);
              }}
              data-autofocus
            />
            {targetId && target.isPending && (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm">Loading its tabs…</Text>
              </Group>
            )}
            {targetId && target.isError && (
              <ErrorAlert error={target.error} title="Its tabs could not be loaded" onRetry={() => target.refetch()} />
            )}
            {targetTree && (
              <Select
                label="Tab"
                description={`A tab holds at most ${MAX_CHARTS_PER_TAB} charts; the chart goes last on it`}
                placeholder={targetTree.tabs.length === 0 ? 'This dashboard has no tabs' : 'Choose a tab'}
                allowDeselect={false}
                data={targetTree.tabs.map((t) => {
                  const full = t.charts.length >= MAX_CHARTS_PER_TAB;
                  return { value: t.id, label: full ? `${t.title} (full)` : t.title, disabled: full };
                })}
                value={tabId}
                onChange={setTabId}
                error={
                  targetTree.tabs.length > 0 && targetTree.tabs.every((t) => t.charts.length >= MAX_CHARTS_PER_TAB)
                    ? 'Every tab of this dashboard is full: add a tab there first, or choose another dashboard'
                    : undefined
                }
              />
            )}
          </>
        )}
        <Text size="xs" c="dimmed">
          The chart leaves this dashboard; both dashboards’ histories record the move. Whoever sees the other dashboard
          sees the chart from now on.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={move.isPending} disabled={!tabId || !targetTree}>
            Move chart
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
