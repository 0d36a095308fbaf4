import { Card, Center, Group, Text, Tooltip } from '@mantine/core';
import type { ChartSpec } from '../../../shared/chart-spec';
import { ChartBody } from '../charts/ChartBody';
import { useSpecData } from '../charts/use-chart-data';
import type { ChartComparison, SnapshotChart } from './compare-versions';
import { MarkBadge } from './MarkBadge';
import { markBorder, markFor, type Side } from './marks';
import { useSeenOnce } from './use-in-view';

interface PreviewChartProps {
  chart: SnapshotChart;
  comparison: ChartComparison | undefined;
  side: Side;
}

/**
 * One chart of a saved version, drawn from its saved configuration (not from the chart as it is
 * now) once it comes near the screen, with a coloured border and a badge if it differs.
 */
export function PreviewChart({ chart, comparison, side }: PreviewChartProps) {
  const mark = markFor(comparison?.status, side);
  const { ref, seen } = useSeenOnce<HTMLDivElement>();
  const configured = Object.keys(chart.configuration).length > 0;
  // Identical charts on both sides ask for the same spec: one request, shared by the cache.
  const data = useSpecData(seen && configured ? (chart.configuration as unknown as ChartSpec) : undefined);
  const details = comparison?.changed.length ? `${comparison.changed.join(', ')} changed` : undefined;

  return (
    <Card
      withBorder
      radius="md"
      padding="xs"
      h="100%"
      component="section"
      aria-label={chart.title}
      data-change={mark ? comparison?.status : 'unchanged'}
      style={{ border: markBorder(mark), display: 'flex', flexDirection: 'column' }}
    >
      <Group gap={6} wrap="nowrap" mb={4}>
        <Text fw={600} size="xs" truncate="end" style={{ flex: 1 }} component="h4" m={0}>
          {chart.title}
        </Text>
        {mark && (
          <Tooltip label={details ?? mark.label} disabled={!details}>
            <span>
              <MarkBadge color={mark.color}>{mark.label}</MarkBadge>
            </span>
          </Tooltip>
        )}
      </Group>
      <div ref={ref} style={{ flex: 1, minHeight: 0 }}>
        {configured ? (
          <ChartBody title={chart.title} data={data.data} error={data.error} loading={!seen || data.isPending} />
        ) : (
          <Center h="100%">
            <Text size="xs" c="dimmed">
              Not configured
            </Text>
          </Center>
        )}
      </div>
    </Card>
  );
}
