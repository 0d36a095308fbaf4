import { Group, Select } from '@mantine/core';
import { TIME_GRAINS } from '../../../shared/chart-spec';
import { columnOptions, kindOf } from './columns';
import { RemoveButton } from './RemoveButton';
import { type Column, type DraftDimension, type FieldErrors, isTime } from './spec-draft';

const GRAIN_LABELS: Record<(typeof TIME_GRAINS)[number], string> = {
  minute: 'By minute',
  hour: 'By hour',
  day: 'By day',
  week: 'By week',
  month: 'By month',
  quarter: 'By quarter',
  year: 'By year',
};
const NO_GRAIN = '__exact__';

/** A column to group by; a date or time column also gets its grain (by month, by day…). */
export function DimensionRow({
  index,
  dimension,
  columns,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  dimension: DraftDimension;
  columns: Column[];
  /** Errors of this dimension ("field", "time_grain"). */
  errors: FieldErrors;
  onChange: (d: DraftDimension) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const time = isTime(kindOf(columns, dimension.field));
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Select
        aria-label={`Dimension ${n} column`}
        placeholder="Column"
        data={columnOptions(columns, [dimension.field])}
        value={dimension.field || null}
        onChange={(field) => field && onChange(withColumn(dimension, field, columns))}
        error={errors.field}
        searchable
        allowDeselect={false}
        style={{ flex: 3 }}
        comboboxProps={{ withinPortal: true }}
      />
      {(time || dimension.time_grain) && (
        <Select
          aria-label={`Dimension ${n} time grain`}
          data={[
            { value: NO_GRAIN, label: 'Exact' },
            ...TIME_GRAINS.map((g) => ({ value: g, label: GRAIN_LABELS[g] })),
          ]}
          value={dimension.time_grain ?? NO_GRAIN}
          allowDeselect={false}
          onChange={(grain) => {
            const { time_grain: _old, ...rest } = dimension;
            onChange(
              grain && grain !== NO_GRAIN ? { ...rest, time_grain: grain as DraftDimension['time_grain'] } : rest,
            );
          }}
          error={errors.time_grain}
          style={{ flex: 2 }}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <RemoveButton label={`Remove dimension ${n}`} onClick={onRemove} />
    </Group>
  );
}

/** Another column: a date keeps its grain (by month unless one was chosen); other kinds have none. */
function withColumn(dimension: DraftDimension, field: string, columns: Column[]): DraftDimension {
  const { time_grain, ...rest } = dimension;
  const grain = isTime(kindOf(columns, field)) ? (time_grain ?? 'month') : undefined;
  return { ...rest, field, ...(grain ? { time_grain: grain } : {}) };
}

/** A new dimension on a column (dates by month). */
export function dimensionOn(column: Column | undefined): DraftDimension {
  if (!column) return { field: '' };
  return isTime(column.kind) ? { field: column.name, time_grain: 'month' } : { field: column.name };
}
