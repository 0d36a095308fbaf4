import { Group, Select } from '@mantine/core';
import { columnOptions } from './columns';
import { RemoveButton } from './RemoveButton';
import type { Column, DraftQuery, FieldErrors } from './spec-draft';

type SortKey = NonNullable<DraftQuery['sort']>[number];

/** One sort key: a result column (a dimension or a measure) and its direction. */
export function SortRow({
  index,
  sortKey: s,
  columns,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  sortKey: SortKey;
  /** The result's columns. */
  columns: Column[];
  errors: FieldErrors;
  onChange: (s: SortKey) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Select
        aria-label={`Sort ${n} column`}
        data={columnOptions(columns, [s.field])}
        value={s.field || null}
        onChange={(field) => field && onChange({ ...s, field })}
        allowDeselect={false}
        error={errors.field}
        style={{ flex: 3 }}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        aria-label={`Sort ${n} direction`}
        data={[
          { value: 'asc', label: 'Ascending' },
          { value: 'desc', label: 'Descending' },
        ]}
        value={s.direction ?? 'asc'}
        allowDeselect={false}
        onChange={(direction) => direction && onChange({ ...s, direction: direction as 'asc' | 'desc' })}
        style={{ flex: 2 }}
        comboboxProps={{ withinPortal: true }}
      />
      <RemoveButton label={`Remove sort ${n}`} onClick={onRemove} />
    </Group>
  );
}
