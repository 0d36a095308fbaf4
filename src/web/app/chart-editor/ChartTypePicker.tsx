import { Group, Radio, SimpleGrid, Text } from '@mantine/core';
import {
  IconChartArea,
  IconChartBar,
  IconChartDonut,
  IconChartDots,
  IconChartGridDots,
  IconChartHistogram,
  IconChartInfographic,
  IconChartLine,
  IconChartPie,
  IconNumber,
  IconStack2,
  IconTable,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { CHART_TYPES, type ChartType } from '../../../shared/chart-spec';

export const CHART_TYPE_LABELS: Record<ChartType, string> = {
  line: 'Line',
  area: 'Area',
  bar: 'Bar',
  stacked_bar: 'Stacked bar',
  pie: 'Pie',
  donut: 'Donut',
  scatter: 'Scatter',
  heatmap: 'Heatmap',
  histogram: 'Histogram',
  kpi: 'KPI',
  table: 'Table',
  combo: 'Combo',
};

const ICONS: Record<ChartType, ComponentType<{ size?: number; 'aria-hidden'?: boolean }>> = {
  line: IconChartLine,
  area: IconChartArea,
  bar: IconChartBar,
  stacked_bar: IconStack2,
  pie: IconChartPie,
  donut: IconChartDonut,
  scatter: IconChartDots,
  heatmap: IconChartGridDots,
  histogram: IconChartHistogram,
  kpi: IconNumber,
  table: IconTable,
  combo: IconChartInfographic,
};

/** The twelve chart types as a grid of cards with icons: one radio group, arrow keys move. */
export function ChartTypePicker({ value, onChange }: { value: ChartType; onChange: (type: ChartType) => void }) {
  return (
    <Radio.Group value={value} onChange={(next) => onChange(next as ChartType)} label="Chart type">
      <SimpleGrid cols={3} spacing={6} mt={6}>
        {CHART_TYPES.map((type) => {
          const Icon = ICONS[type];
          return (
            <Radio.Card
              key={type}
              value={type}
              radius="sm"
              p={6}
              data-chart-type={type}
              // The chosen type stands out in both themes, not only by its radio state.
              style={
                value === type
                  ? {
                      borderColor: 'var(--mantine-primary-color-filled)',
                      background: 'var(--mantine-primary-color-light)',
                    }
                  : undefined
              }
            >
              <Group gap={6} wrap="nowrap">
                <Icon size={18} aria-hidden />
                <Text size="xs" fw={value === type ? 700 : 400} truncate>
                  {CHART_TYPE_LABELS[type]}
                </Text>
              </Group>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
    </Radio.Group>
  );
}
