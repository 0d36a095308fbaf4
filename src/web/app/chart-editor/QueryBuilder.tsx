import { NumberInput, Stack, Text } from '@mantine/core';
import { DimensionRow, dimensionOn } from './DimensionRow';
import { FilterRow } from './FilterRow';
import { newFilter } from './filter-values';
import { ListHeader } from './ListHeader';
import { MeasureRow } from './MeasureRow';
import { SortRow } from './SortRow';
import { type Column, type DraftQuery, errorsUnder, type FieldErrors } from './spec-draft';

interface QueryBuilderProps {
  query: DraftQuery;
  /** The dataset's columns. */
  columns: Column[];
  /** The result's columns (what sort can name). */
  resultColumns: Column[];
  /** Errors inside the query, keyed from it ("measures.0.field"). */
  errors: FieldErrors;
  onChange: (query: DraftQuery) => void;
}

/** Group by, measures, filters, sort and limit: the structured query, one list each. */
export function QueryBuilder({ query, columns, resultColumns, errors, onChange }: QueryBuilderProps) {
  const dimensions = query.dimensions ?? [];
  const measures = query.measures ?? [];
  const filters = query.filters ?? [];
  const sort = query.sort ?? [];
  const set = <K extends keyof DraftQuery>(key: K, value: DraftQuery[K]) => {
    const next = { ...query, [key]: value };
    if (value === undefined) delete next[key];
    onChange(next);
  };
  // Rows are positions in the spec's lists: replace or drop the i-th.
  const replace = <T,>(list: T[], i: number, item: T) => list.map((old, j) => (j === i ? item : old));
  const without = <T,>(list: T[], i: number) => list.filter((_, j) => j !== i);
  const numbers = columns.filter((c) => c.kind === 'number');
  // A new dimension: the first category not grouped by yet.
  const nextDimension =
    columns.find((c) => c.kind !== 'number' && !dimensions.some((d) => d.field === c.name)) ?? columns[0];
  // Data is most often narrowed by a category (a region, a product), so text comes first.
  const filterColumn = columns.find((c) => c.kind === 'string') ?? columns[0];

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <ListHeader
          title="Group by"
          addLabel="Add dimension"
          count={dimensions.length}
          max={4}
          onAdd={() => set('dimensions', [...dimensions, dimensionOn(nextDimension)])}
        />
        {errors.dimensions && (
          <Text size="xs" c="red">
            {errors.dimensions}
          </Text>
        )}
        {dimensions.map((d, i) => (
          <DimensionRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the spec's list
            key={i}
            index={i}
            dimension={d}
            columns={columns}
            errors={errorsUnder(errors, `dimensions.${i}`)}
            onChange={(next) => set('dimensions', replace(dimensions, i, next))}
            onRemove={() => set('dimensions', without(dimensions, i))}
          />
        ))}
      </Stack>

      <Stack gap={6}>
        <ListHeader
          title="Measures"
          addLabel="Add measure"
          count={measures.length}
          max={10}
          onAdd={() =>
            set('measures', [
              ...measures,
              numbers[0] ? { field: numbers[0].name, aggregate: 'sum' } : { aggregate: 'count' },
            ])
          }
        />
        {measures.map((m, i) => (
          <MeasureRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the spec's list
            key={i}
            index={i}
            measure={m}
            columns={columns}
            errors={errorsUnder(errors, `measures.${i}`)}
            onChange={(next) => set('measures', replace(measures, i, next))}
            onRemove={() => set('measures', without(measures, i))}
          />
        ))}
      </Stack>

      <Stack gap={6}>
        <ListHeader
          title="Filters"
          addLabel="Add filter"
          count={filters.length}
          max={20}
          onAdd={() => filterColumn && set('filters', [...filters, newFilter(filterColumn.name)])}
        />
        {filters.map((f, i) => (
          <FilterRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the spec's list
            key={i}
            index={i}
            filter={f}
            columns={columns}
            errors={errorsUnder(errors, `filters.${i}`)}
            onChange={(next) => set('filters', replace(filters, i, next))}
            onRemove={() => set('filters', without(filters, i))}
          />
        ))}
      </Stack>

      <Stack gap={6}>
        <ListHeader
          title="Sort"
          addLabel="Add sort"
          count={sort.length}
          max={5}
          onAdd={() => resultColumns[0] && set('sort', [...sort, { field: resultColumns[0].name, direction: 'asc' }])}
        />
        {sort.map((s, i) => (
          <SortRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the spec's list
            key={i}
            index={i}
            sortKey={s}
            columns={resultColumns}
            errors={errorsUnder(errors, `sort.${i}`)}
            onChange={(next) => set('sort', replace(sort, i, next))}
            onRemove={() => set('sort', without(sort, i))}
          />
        ))}
      </Stack>

      <NumberInput
        label="Row limit"
        description="At most this many rows (the chart reads up to 10,000 otherwise)"
        placeholder="No limit"
        min={1}
        max={50_000}
        allowDecimal={false}
        value={query.limit ?? ''}
        onChange={(value) => set('limit', typeof value === 'number' ? value : undefined)}
        error={errors.limit}
      />
    </Stack>
  );
}
