import { ActionIcon, Button, Group, Menu, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { columnOptions } from './columns';
import { type Column, calculationName, type DraftCalculation, errorsUnder, type FieldErrors } from './spec-draft';

interface CalculationsSectionProps {
  calculations: DraftCalculation[];
  /** The result's columns before the calculations (each calculation may also use the ones before it). */
  columns: Column[];
  /** Errors inside the calculations ("0.formula"). */
  errors: FieldErrors;
  onChange: (calculations: DraftCalculation[]) => void;
}

const KINDS: { type: DraftCalculation['type']; label: string; hint: string }[] = [
  { type: 'derived', label: 'Formula', hint: 'A new column from the others, e.g. revenue / orders' },
  { type: 'percent_of_total', label: 'Percent of total', hint: 'Each row’s share of the column’s total' },
  { type: 'running_total', label: 'Running total', hint: 'The sum so far, row by row' },
  { type: 'moving_average', label: 'Moving average', hint: 'The mean of the last N rows' },
];
const MAX = 20;

/** New columns computed from the result, in row order: formulas, shares, running totals, moving averages. */
export function CalculationsSection({ calculations, columns, errors, onChange }: CalculationsSectionProps) {
  const numbers = columns.filter((c) => c.kind === 'number');
  const add = (type: DraftCalculation['type']) => {
    const field = numbers[0]?.name ?? columns[0]?.name ?? '';
    const made: DraftCalculation =
      type === 'derived'
        ? {
            type,
            as: uniqueName('ratio', [...columns.map((c) => c.name), ...calculations.map(calculationName)]),
            formula: field,
          }
        : type === 'moving_average'
          ? { type, field, window: 7 }
          : { type, field };
    onChange([...calculations, made]);
  };
  const replace = (i: number, next: DraftCalculation) => onChange(calculations.map((c, j) => (j === i ? next : c)));

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Calculations add columns to the result after the query has run; the chart can then show them.
      </Text>
      {calculations.length === 0 && (
        <Text size="sm">No calculations yet. Add one to compute a share, a running total or your own formula.</Text>
      )}
      {calculations.map((calc, i) => {
        const before = [
          ...columns,
          ...calculations.slice(0, i).map((c) => ({ name: calculationName(c), kind: 'number' as const })),
        ];
        return (
          <CalculationCard
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the spec's list
            key={i}
            index={i}
            calculation={calc}
            columns={before}
            errors={errorsUnder(errors, String(i))}
            onChange={(next) => replace(i, next)}
            onRemove={() => onChange(calculations.filter((_, j) => j !== i))}
          />
        );
      })}
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={calculations.length >= MAX}
            style={{ alignSelf: 'flex-start' }}
          >
            Add calculation
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {KINDS.map((k) => (
            <Menu.Item key={k.type} onClick={() => add(k.type)}>
              <Text size="sm">{k.label}</Text>
              <Text size="xs" c="dimmed">
                {k.hint}
              </Text>
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}

function CalculationCard({
  index,
  calculation: calc,
  columns,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  calculation: DraftCalculation;
  columns: Column[];
  errors: FieldErrors;
  onChange: (calc: DraftCalculation) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const kind = KINDS.find((k) => k.type === calc.type);
  const optionalName = (c: Exclude<DraftCalculation, { type: 'derived' }>, value: string) => {
    const { as: _as, ...rest } = c;
    onChange(value.trim() ? { ...rest, as: value } : rest);
  };
  return (
    <Paper withBorder p="xs" radius="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600}>
            {n}. {kind?.label}
          </Text>
          <ActionIcon variant="subtle" color="gray" aria-label={`Remove calculation ${n}`} onClick={onRemove}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
        {calc.type === 'derived' ? (
          <>
            <TextInput
              label="New column name"
              value={calc.as}
              onChange={(e) => onChange({ ...calc, as: e.currentTarget.value })}
              error={errors.as}
            />
            <TextInput
              label="Formula"
              description={`+ - * / ( ) and numbers over the columns: ${columns.map((c) => (/\s/.test(c.name) ? `"${c.name}"` : c.name)).join(', ')}`}
              value={calc.formula}
              onChange={(e) => onChange({ ...calc, formula: e.currentTarget.value })}
              error={errors.formula ?? errors['']}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
          </>
        ) : (
          <>
            <Select
              label="Column"
              data={columnOptions(
                columns.filter((c) => c.kind === 'number'),
                [calc.field],
              )}
              value={calc.field || null}
              onChange={(field) => onChange({ ...calc, field: field ?? '' })}
              error={errors.field}
              searchable
              comboboxProps={{ withinPortal: true }}
            />
            {calc.type === 'moving_average' && (
              <NumberInput
                label="Window (rows)"
                min={2}
                max={365}
                allowDecimal={false}
                value={calc.window}
                onChange={(value) => onChange({ ...calc, window: typeof value === 'number' ? value : 2 })}
                error={errors.window}
              />
            )}
            <TextInput
              label="New column name"
              placeholder={calculationName({ ...calc, as: undefined } as DraftCalculation)}
              value={calc.as ?? ''}
              onChange={(e) => optionalName(calc, e.currentTarget.value)}
              error={errors.as}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}

function uniqueName(base: string, taken: string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}_${i}`)) return `${base}_${i}`;
}
