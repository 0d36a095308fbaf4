import { Button, Group, Paper, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconLayoutDashboard } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { ChartSpec } from '../../../shared/chart-spec';
import { ChartBody } from '../charts/ChartBody';
import { useSpecData } from '../charts/use-chart-data';
import { api } from '../lib/api';
import { problemMessage, unwrap } from '../lib/problems';
import { workspaceKeys } from '../workspace/use-workspace';
import type { MadeChart } from './tool-parts';

const AddToDashboardModal = lazy(() => import('./AddToDashboardModal'));

/** A chart the assistant made, drawn in the conversation from its spec, to put on a dashboard or keep. */
export function InlineChart({ chart }: { chart: MadeChart }) {
  const spec = chart.spec as unknown as ChartSpec;
  const data = useSpecData(spec);
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/workspace/items', {
          body: { item_type: 'chart', title: chart.title, content: { spec: chart.spec }, tags: ['assistant'] },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
      notifications.show({
        color: 'green',
        title: 'Saved to your workspace',
        message: `“${chart.title}” is in your workspace.`,
      });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not saved', message: problemMessage(error) }),
  });
  return (
    <Paper withBorder radius="md" p="xs" data-testid="inline-chart" component="figure" m={0} aria-label={chart.title}>
      <Text size="sm" fw={600} mb={4} component="figcaption">
        {chart.title}
      </Text>
      <div style={{ height: 240 }}>
        <ChartBody title={chart.title} data={data.data} error={data.error} loading={data.isPending} />
      </div>
      <Group gap="xs" mt="xs">
        <Button size="compact-xs" variant="light" leftSection={<IconLayoutDashboard size={14} />} onClick={openAdd}>
          Add to dashboard
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconBookmark size={14} />}
          loading={save.isPending}
          disabled={save.isSuccess}
          onClick={() => save.mutate()}
        >
          {save.isSuccess ? 'Saved to workspace' : 'Save to workspace'}
        </Button>
      </Group>
      {adding && (
        <Suspense fallback={null}>
          <AddToDashboardModal chart={chart} onClose={closeAdd} />
        </Suspense>
      )}
    </Paper>
  );
}
