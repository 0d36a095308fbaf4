import { Group, NumberInput, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import type { Draft, FieldErrors } from './spec-draft';

type Axis = NonNullable<NonNullable<Draft['style']>['x_axis']>;
type AxisKey = 'x_axis' | 'y_axis' | 'y2_axis';

const AXIS_NAMES: Record<AxisKey, string> = { x_axis: 'X axis', y_axis: 'Y axis', y2_axis: 'Second Y axis' };
const DATE_FORMATS = [
  { value: 'auto', label: 'Automatic' },
  { value: 'date', label: 'Date' },
  { value: 'month', label: 'Month' },
  { value: 'year', label: 'Year' },
  { value: 'datetime', label: 'Date and time' },
  { value: 'time', label: 'Time' },
];

/** One axis: its title, how its numbers (or dates) are written, and its range. */
export function AxisFields({
  axis,
  values,
  errors,
  onSet,
  dates = false,
  formatOnly = false,
}: {
  axis: AxisKey;
  values: Axis | undefined;
  errors: FieldErrors;
  onSet: (path: (string | number)[], value: unknown) => void;
  /** Offer a date format (the x axis is often time). */
  dates?: boolean;
  /** Only the number format (charts without axes: pie, KPI, table). */
  formatOnly?: boolean;
}) {
  const name = AXIS_NAMES[axis];
  const label = (what: string) => (formatOnly ? what : `${name} ${what.toLowerCase()}`);
  const format = values?.format;
  const err = (key: string) => errors[`${axis}.${key}`];
  return (
    <SimpleGrid cols={2} spacing="xs">
      {!formatOnly && (
        <TextInput
          label={`${name} title`}
          value={values?.title ?? ''}
          onChange={(e) => onSet([axis, 'title'], e.currentTarget.value || undefined)}
          error={err('title')}
          maxLength={200}
        />
      )}
      {dates && (
        <Select
          label={`${name} dates`}
          data={DATE_FORMATS}
          value={values?.date_format ?? 'auto'}
          onChange={(value) =>
            onSet([axis, 'date_format'], value === 'auto' && !values?.date_format ? undefined : value)
          }
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      <Select
        label={label('Number format')}
        data={[
          { value: 'number', label: 'Number' },
          { value: 'percent', label: 'Percent' },
          { value: 'currency', label: 'Currency' },
        ]}
        value={format?.style ?? 'number'}
        onChange={(value) => {
          onSet([axis, 'format', 'style'], value === 'number' && !format?.style ? undefined : value);
          if (value === 'currency' && !format?.currency) onSet([axis, 'format', 'currency'], 'USD');
        }}
        allowDeselect={false}
        error={err('format.style')}
        comboboxProps={{ withinPortal: true }}
      />
      {format?.style === 'currency' && (
        <TextInput
          label={label('Currency')}
          description="ISO code, e.g. EUR"
          value={format.currency ?? ''}
          onChange={(e) => onSet([axis, 'format', 'currency'], e.currentTarget.value.toUpperCase() || undefined)}
          error={err('format.currency')}
          maxLength={3}
        />
      )}
      <NumberInput
        label={label('Decimals')}
        placeholder="Automatic"
        min={0}
        max={10}
        allowDecimal={false}
        value={format?.decimals ?? ''}
        onChange={(value) => onSet([axis, 'format', 'decimals'], typeof value === 'number' ? value : undefined)}
        error={err('format.decimals')}
      />
      <Switch
        label={label('Compact (1.2K)')}
        checked={format?.compact ?? false}
        onChange={(e) => onSet([axis, 'format', 'compact'], e.currentTarget.checked ? true : undefined)}
        mt="lg"
      />
      {!formatOnly && !dates && (
        <Group grow gap="xs" style={{ gridColumn: 'span 2' }}>
          <NumberInput
            label={`${name} from`}
            placeholder="Auto"
            value={values?.min ?? ''}
            onChange={(value) => onSet([axis, 'min'], typeof value === 'number' ? value : undefined)}
            error={err('min')}
          />
          <NumberInput
            label={`${name} to`}
            placeholder="Auto"
            value={values?.max ?? ''}
            onChange={(value) => onSet([axis, 'max'], typeof value === 'number' ? value : undefined)}
            error={err('max')}
          />
          <Switch
            label="Log scale"
            aria-label={`${name} log scale`}
            checked={values?.log ?? false}
            onChange={(e) => onSet([axis, 'log'], e.currentTarget.checked ? true : undefined)}
            mt="lg"
          />
        </Group>
      )}
    </SimpleGrid>
  );
}
