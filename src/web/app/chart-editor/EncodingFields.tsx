import { MultiSelect, Select, SimpleGrid, Text } from '@mantine/core';
import type { ChartType } from '../../../shared/chart-spec';
import { columnOptions } from './columns';
import type { Column, Draft, FieldErrors } from './spec-draft';

type Encoding = NonNullable<Draft['encoding']>;

interface EncodingFieldsProps {
  type: ChartType;
  encoding: Encoding;
  /** The result's columns (after calculations). */
  columns: Column[];
  /** Errors inside the encoding ("x", "y.0"). */
  errors: FieldErrors;
  onChange: (encoding: Encoding) => void;
}

const X_LABELS: Partial<Record<ChartType, string>> = {
  pie: 'Slices',
  donut: 'Slices',
  heatmap: 'Columns',
  histogram: 'Values',
  kpi: 'Date (for the latest value)',
  scatter: 'X axis',
};

/**
 * Which result column goes where. Each is "Automatic" until picked (OCP then chooses as the
 * drawing does), so a chart needs none of them to be drawn.
 */
export function EncodingFields({ type, encoding, columns, errors, onChange }: EncodingFieldsProps) {
  const set = <K extends keyof Encoding>(key: K, value: Encoding[K] | undefined) => {
    const next = { ...encoding };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const single = (key: 'x' | 'series' | 'size', label: string) => (
    <Select
      label={label}
      placeholder="Automatic"
      data={columnOptions(columns, [encoding[key]])}
      value={encoding[key] ?? null}
      onChange={(value) => set(key, value ?? undefined)}
      error={errors[key]}
      clearable
      searchable
      comboboxProps={{ withinPortal: true }}
    />
  );
  const multi = (key: 'y' | 'y2', label: string, max: number) => (
    <MultiSelect
      label={label}
      placeholder={encoding[key]?.length ? undefined : 'Automatic'}
      data={columnOptions(columns, encoding[key] ?? [])}
      value={encoding[key] ?? []}
      onChange={(value) => set(key, value)}
      error={errors[key] ?? firstItemError(errors, key)}
      maxValues={max}
      clearable
      searchable
      comboboxProps={{ withinPortal: true }}
    />
  );

  if (type === 'table')
    return (
      <Text size="sm" c="dimmed">
        A table shows every column of the result.
      </Text>
    );
  return (
    <SimpleGrid cols={2} spacing="xs">
      {single('x', X_LABELS[type] ?? 'X axis')}
      {type !== 'histogram' && multi('y', type === 'pie' || type === 'donut' ? 'Values' : 'Y axis', 10)}
      {type === 'combo' && multi('y2', 'Lines (second axis)', 5)}
      {['line', 'area', 'bar', 'stacked_bar', 'combo', 'scatter', 'heatmap'].includes(type) &&
        single('series', type === 'heatmap' ? 'Rows' : 'Split into series by')}
      {type === 'scatter' && single('size', 'Bubble size')}
    </SimpleGrid>
  );
}

function firstItemError(errors: FieldErrors, key: string): string | undefined {
  return Object.entries(errors).find(([k]) => k.startsWith(`${key}.`))?.[1];
}
