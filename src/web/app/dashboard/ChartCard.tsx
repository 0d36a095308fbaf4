import { Card, Center, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconGripVertical } from '@tabler/icons-react';
import { type ReactNode, useCallback, useState } from 'react';
import { ChartBody } from '../charts/ChartBody';
import { useSavedChartData } from '../charts/use-chart-data';
import type { Chart } from './use-dashboard';

export const DRAG_HANDLE_CLASS = 'ocp-chart-drag-handle';

/** Elements inside a card that never start a drag of it (its menu). */
export const NO_DRAG_CLASS = 'ocp-chart-no-drag';

interface ChartCardProps {
  chart: Chart;
  draggable: boolean;
  /** The chart's menu, at the end of the title bar (outside the drag handle). */
  menu?: ReactNode;
}

/** One chart of a dashboard: its title bar (the handle to drag it by, and its menu) and its drawing. */
export function ChartCard({ chart, draggable, menu }: ChartCardProps) {
  const configured = Object.keys(chart.configuration).length > 0;
  const data = useSavedChartData(chart, configured);
  const [warnings, setWarnings] = useState<string[]>([]);
  const onWarnings = useCallback((next: string[]) => setWarnings(next), []);

  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      h="100%"
      data-chart-id={chart.id}
      aria-label={chart.title}
      component="section"
    >
      <Card.Section withBorder inheritPadding py={6} style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
        <Group
          gap={6}
          wrap="nowrap"
          className={draggable ? DRAG_HANDLE_CLASS : ''}
          style={{ flex: 1, minWidth: 0, ...(draggable ? { cursor: 'grab' } : {}) }}
        >
          {draggable && <IconGripVertical size={14} aria-hidden style={{ flexShrink: 0, opacity: 0.5 }} />}
          <Text fw={600} size="sm" truncate="end" style={{ flex: 1 }} component="h3" m={0}>
            {chart.title}
          </Text>
          {warnings.length > 0 && (
            <Tooltip label={warnings.join('. ')} multiline w={260}>
              <IconAlertTriangle size={16} color="var(--mantine-color-yellow-6)" aria-label={warnings.join('. ')} />
            </Tooltip>
          )}
        </Group>
        {menu && <div className={NO_DRAG_CLASS}>{menu}</div>}
      </Card.Section>
      <div style={{ flex: 1, minHeight: 0, paddingTop: 8 }}>
        {configured ? (
          <ChartBody
            title={chart.title}
            data={data.data}
            error={data.error}
            loading={data.isPending}
            onWarnings={onWarnings}
          />
        ) : (
          <Center h="100%">
            <Text size="sm" c="dimmed">
              This chart has no data configuration yet.
            </Text>
          </Center>
        )}
      </div>
    </Card>
  );
}
