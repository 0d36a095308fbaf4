import { Badge, NativeSelect, ScrollArea, Stack, Table, Text } from '@mantine/core';
import type { QueryResult } from '../../../shared/chart-spec';
import { formatCell } from './format';
import type { CsvColumnType, CsvOptions } from './use-datasets';

export const COLUMN_TYPES: { value: CsvColumnType; label: string }[] = [
  { value: 'VARCHAR', label: 'Text' },
  { value: 'BIGINT', label: 'Whole number' },
  { value: 'DOUBLE', label: 'Decimal number' },
  { value: 'BOOLEAN', label: 'True/false' },
  { value: 'DATE', label: 'Date' },
  { value: 'TIMESTAMP', label: 'Date and time' },
];

interface PreviewTableProps {
  result: QueryResult;
  /** For CSV uploads: the type each column is loaded as, changeable. */
  csvColumns?: CsvOptions['columns'] | undefined;
  onTypeChange?: (column: string, type: CsvColumnType) => void;
  disabled?: boolean;
  caption: string;
  /** Row number of the first row shown (1-based), for the row-number column. */
  firstRow?: number;
}

/** Rows as a table; with CSV columns, each header has the type to load the column as. */
export function PreviewTable({ result, csvColumns, onTypeChange, disabled, caption, firstRow = 1 }: PreviewTableProps) {
  const typeOf = new Map((csvColumns ?? []).map((c) => [c.name, c.type]));
  return (
    <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
      <Table striped highlightOnHover withTableBorder withColumnBorders stickyHeader fz="sm" aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48} c="dimmed">
              #
            </Table.Th>
            {result.columns.map((column) => {
              const type = typeOf.get(column.name);
              return (
                <Table.Th key={column.name} style={{ verticalAlign: 'top', minWidth: 140 }}>
                  <Stack gap={4}>
                    <Text fw={600} size="sm" truncate="end" title={column.name}>
                      {column.name}
                    </Text>
                    {type && onTypeChange ? (
                      <NativeSelect
                        size="xs"
                        aria-label={`Type of column ${column.name}`}
                        data={COLUMN_TYPES}
                        value={type}
                        disabled={disabled ?? false}
                        onChange={(event) => onTypeChange(column.name, event.currentTarget.value as CsvColumnType)}
                      />
                    ) : (
                      <Badge size="xs" variant="light" color={kindColor(column.kind)} title={column.type}>
                        {column.kind}
                      </Badge>
                    )}
                  </Stack>
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.rows.map((row, index) => (
            // Rows have no identity of their own; their position is it.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
            <Table.Tr key={index}>
              <Table.Td c="dimmed">{firstRow + index}</Table.Td>
              {row.map((value, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <Table.Td key={column} c={value === null ? 'dimmed' : 'inherit'} style={{ whiteSpace: 'nowrap' }}>
                  {formatCell(value)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** The colour of a column kind's badge. */
export function kindColor(kind: string): string {
  switch (kind) {
    case 'number':
      return 'blue';
    case 'date':
    case 'timestamp':
      return 'grape';
    case 'boolean':
      return 'orange';
    case 'string':
      return 'gray';
    default:
      return 'dark';
  }
}
