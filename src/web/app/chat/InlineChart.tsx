import { Paper, Text } from '@mantine/core';
import type { ChartSpec } from '../../../shared/chart-spec';
import { ChartBody } from '../charts/ChartBody';
import { useSpecData } from '../charts/use-chart-data';
import type { MadeChart } from './tool-parts';

/** A chart the assistant made, drawn in the conversation from its spec (rows fetched for it). */
export function InlineChart({ chart }: { chart: MadeChart }) {
  const spec = chart.spec as unknown as ChartSpec;
  const data = useSpecData(spec);
  return (
    <Paper withBorder radius="md" p="xs" data-testid="inline-chart">
      <Text size="sm" fw={600} mb={4}>
        {chart.title}
      </Text>
      <div style={{ height: 220 }}>
        <ChartBody title={chart.title} data={data.data} error={data.error} loading={data.isPending} />
      </div>
    </Paper>
  );
}
