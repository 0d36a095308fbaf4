import { Group, NumberInput, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import type { ColumnKind } from '../../../shared/chart-spec';
import { columnOptions, kindOf } from './columns';
import { OPERATOR_LABELS, operatorArity, operatorsFor, typedValue, withOperator } from './filter-values';
import { RemoveButton } from './RemoveButton';
import type { Column, DraftFilter, FieldErrors } from './spec-draft';

interface FilterRowProps {
  index: number;
  filter: DraftFilter;
  columns: Column[];
  /** Errors of this filter, by the rest of their path ("field", "value", "values"). */
  errors: FieldErrors;
  onChange: (filter: DraftFilter) => void;
  onRemove: () => void;
}

/** One filter: column, operator, and the value(s) the operator takes, typed by the column. */
export function FilterRow({ index, filter, columns, errors, onChange, onRemove }: FilterRowProps) {
  const n = index + 1;
  const kind = kindOf(columns, filter.field);
  const operators = operatorsFor(kind);
  const ops = operators.includes(filter.op) ? operators : [...operators, filter.op];
  const arity = operatorArity(filter.op);

  return (
    <Stack gap={4} data-testid="filter-row">
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Select
          aria-label={`Filter ${n} column`}
          placeholder="Column"
          data={columnOptions(columns, [filter.field])}
          value={filter.field || null}
          onChange={(field) => onChange(retarget(filter, field ?? '', kindOf(columns, field ?? undefined)))}
          error={errors.field}
          searchable
          allowDeselect={false}
          style={{ flex: 3 }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          aria-label={`Filter ${n} operator`}
          data={ops.map((op) => ({ value: op, label: OPERATOR_LABELS[op] }))}
          value={filter.op}
          onChange={(op) => op && onChange(withOperator(filter, op as DraftFilter['op']))}
          allowDeselect={false}
          error={errors.op}
          style={{ flex: 2 }}
          comboboxProps={{ withinPortal: true }}
        />
        <RemoveButton label={`Remove filter ${n}`} onClick={onRemove} />
      </Group>
      {arity === 'one' && (
        <ValueInput
          label={`Filter ${n} value`}
          kind={filter.op === 'contains' ? 'string' : kind}
          value={filter.value}
          error={errors.value}
          onChange={(value) => onChange({ ...filter, value })}
        />
      )}
      {arity === 'list' && (
        <TagsInput
          aria-label={`Filter ${n} values`}
          placeholder="Type a value, then Enter"
          value={(filter.values ?? []).map(String)}
          onChange={(texts) => onChange({ ...filter, values: texts.map((t) => typedValue(t, kind)) })}
          error={errors.values}
          clearable
        />
      )}
      {arity === 'pair' && (
        <Group gap={6} wrap="nowrap" align="flex-start">
          {(['from', 'to'] as const).map((end, i) => (
            <ValueInput
              key={end}
              label={`Filter ${n} ${end}`}
              kind={kind}
              value={filter.values?.[i]}
              error={i === 0 ? errors.values : undefined}
              onChange={(value) => {
                const values = [filter.values?.[0] ?? '', filter.values?.[1] ?? ''];
                values[i] = value;
                onChange({ ...filter, values });
              }}
            />
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** A changed column keeps the operator when it still fits; values typed for the old column go. */
function retarget(filter: DraftFilter, field: string, kind: ColumnKind | undefined): DraftFilter {
  const op = operatorsFor(kind).includes(filter.op) ? filter.op : '=';
  return withOperator({ field, op: filter.op }, op);
}

/** One value box of the right kind: a number box, true/false, or text (dates as YYYY-MM-DD). */
function ValueInput({
  label,
  kind,
  value,
  error,
  onChange,
}: {
  label: string;
  kind: ColumnKind | undefined;
  value: string | number | boolean | undefined;
  error: string | undefined;
  onChange: (value: string | number | boolean) => void;
}) {
  if (kind === 'number')
    return (
      <NumberInput
        aria-label={label}
        placeholder="Value"
        value={typeof value === 'number' ? value : typeof value === 'string' ? value : ''}
        onChange={(next) => onChange(typeof next === 'number' ? next : typedValue(next, 'number'))}
        error={error}
        style={{ flex: 1 }}
      />
    );
  if (kind === 'boolean')
    return (
      <Select
        aria-label={label}
        data={['true', 'false']}
        value={value === undefined ? null : String(value)}
        onChange={(next) => next && onChange(next === 'true')}
        error={error}
        style={{ flex: 1 }}
        comboboxProps={{ withinPortal: true }}
      />
    );
  return (
    <TextInput
      aria-label={label}
      placeholder={kind === 'date' ? 'YYYY-MM-DD' : kind === 'timestamp' ? 'YYYY-MM-DD HH:MM' : 'Value'}
      value={value === undefined ? '' : String(value)}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      style={{ flex: 1 }}
    />
  );
}
