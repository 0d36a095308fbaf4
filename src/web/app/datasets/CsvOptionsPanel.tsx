import { Group, NativeSelect, Paper, SimpleGrid, Text } from '@mantine/core';
import { describeDelimiter } from './format';
import type { CsvOptions } from './use-datasets';

const DECIMALS = [
  { value: '.', label: 'Point (1.5)' },
  { value: ',', label: 'Comma (1,5)' },
];
const THOUSANDS = [
  { value: '', label: 'None (1000)' },
  { value: ',', label: 'Comma (1,000)' },
  { value: '.', label: 'Point (1.000)' },
  { value: ' ', label: 'Space (1 000)' },
  { value: "'", label: "Apostrophe (1'000)" },
];
const ISO = 'iso';
const DATE_FORMATS = [
  { value: ISO, label: 'ISO (2024-01-31)' },
  { value: '%d/%m/%Y', label: 'Day first (31/01/2024)' },
  { value: '%m/%d/%Y', label: 'Month first (01/31/2024)' },
  { value: '%d.%m.%Y', label: 'Day first (31.01.2024)' },
  { value: '%d-%m-%Y', label: 'Day first (31-01-2024)' },
  { value: '%Y/%m/%d', label: 'Year first (2024/01/31)' },
];

/**
 * What OCP detected in a CSV file. The dialect (delimiter, header) decides the columns and is
 * shown as found; number and date formats can be changed, and each change re-reads the preview.
 */
export function CsvOptionsPanel({
  csv,
  disabled,
  onChange,
}: {
  csv: CsvOptions;
  disabled: boolean;
  onChange: (next: CsvOptions) => void;
}) {
  const dateFormats =
    csv.date_format && !DATE_FORMATS.some((f) => f.value === csv.date_format)
      ? [...DATE_FORMATS, { value: csv.date_format, label: csv.date_format }]
      : DATE_FORMATS;
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label="Detected file options">
      <Group gap="lg" mb="xs">
        <Text size="sm">
          <Text span c="dimmed">
            Delimiter:{' '}
          </Text>
          <Text span fw={600} data-testid="detected-delimiter">
            {describeDelimiter(csv.delimiter)}
          </Text>
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            Header row:{' '}
          </Text>
          <Text span fw={600}>
            {csv.header ? 'Yes, the first row names the columns' : 'No'}
          </Text>
        </Text>
        {csv.skip > 0 && (
          <Text size="sm">
            <Text span c="dimmed">
              Skipped lines:{' '}
            </Text>
            <Text span fw={600}>
              {csv.skip}
            </Text>
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NativeSelect
          size="xs"
          label="Decimal separator"
          data={DECIMALS}
          value={csv.decimal_separator}
          disabled={disabled}
          onChange={(event) =>
            onChange({ ...csv, decimal_separator: event.currentTarget.value as CsvOptions['decimal_separator'] })
          }
        />
        <NativeSelect
          size="xs"
          label="Thousands separator"
          data={THOUSANDS}
          value={csv.thousands_separator}
          disabled={disabled}
          onChange={(event) =>
            onChange({ ...csv, thousands_separator: event.currentTarget.value as CsvOptions['thousands_separator'] })
          }
        />
        <NativeSelect
          size="xs"
          label="Date format"
          data={dateFormats}
          value={csv.date_format ?? ISO}
          disabled={disabled}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange({ ...csv, date_format: value === ISO ? null : value });
          }}
        />
      </SimpleGrid>
    </Paper>
  );
}
