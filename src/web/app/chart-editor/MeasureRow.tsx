import { Group, Select } from '@mantine/core';
import { AGGREGATIONS } from '../../../shared/chart-spec';
import { columnOptions, kindOf } from './columns';
import { RemoveButton } from './RemoveButton';
import { AGGREGATE_LABELS, type Column, type DraftMeasure, type FieldErrors } from './spec-draft';

const NO_FIELD = '__rows__';
/** Aggregations that only make sense over numbers (the server refuses them over text). */
export const NUMERIC_ONLY = new Set(['sum', 'avg', 'median']);

/** A measure: an aggregation and the column it is over ("All rows" for a plain count). */
export function MeasureRow({
  index,
  measure: m,
  columns,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  measure: DraftMeasure;
  columns: Column[];
  /** Errors of this measure ("field", "aggregate"). */
  errors: FieldErrors;
  onChange: (m: DraftMeasure) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const numbers = columns.filter((c) => c.kind === 'number');
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Select
        aria-label={`Measure ${n} aggregation`}
        data={AGGREGATIONS.map((a) => ({ value: a, label: AGGREGATE_LABELS[a] }))}
        value={m.aggregate}
        allowDeselect={false}
        onChange={(aggregate) =>
          aggregate && onChange(withAggregate(m, aggregate as DraftMeasure['aggregate'], columns))
        }
        error={errors.aggregate}
        style={{ flex: 2 }}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        aria-label={`Measure ${n} column`}
        data={
          m.aggregate === 'count'
            ? [{ group: 'Rows', items: [{ value: NO_FIELD, label: 'All rows' }] }, ...columnOptions(columns, [m.field])]
            : columnOptions(NUMERIC_ONLY.has(m.aggregate) ? numbers : columns, [m.field])
        }
        value={m.field ?? (m.aggregate === 'count' ? NO_FIELD : null)}
        placeholder="Column"
        onChange={(field) => field && onChange(withField(m, field === NO_FIELD ? undefined : field))}
        error={errors.field}
        searchable
        allowDeselect={false}
        style={{ flex: 3 }}
        comboboxProps={{ withinPortal: true }}
      />
      <RemoveButton label={`Remove measure ${n}`} onClick={onRemove} />
    </Group>
  );
}

/** A measure with another aggregation; a column that cannot be summed (or averaged) is let go. */
function withAggregate(m: DraftMeasure, aggregate: DraftMeasure['aggregate'], columns: Column[]): DraftMeasure {
  const next: DraftMeasure = { ...m, aggregate };
  if (NUMERIC_ONLY.has(aggregate) && m.field && kindOf(columns, m.field) !== 'number') {
    const first = columns.find((c) => c.kind === 'number');
    if (first) next.field = first.name;
    else delete next.field;
  }
  return next;
}

function withField(m: DraftMeasure, field: string | undefined): DraftMeasure {
  const next: DraftMeasure = { ...m };
  if (field === undefined) delete next.field;
  else next.field = field;
  return next;
}
