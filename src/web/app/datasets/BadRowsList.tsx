import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { plural } from '../lib/format';
import type { BadRow } from './use-datasets';

/** Rows or values that could not be read, each with its line in the file. */
export function BadRowsList({
  rows,
  total,
  title,
  after,
}: {
  rows: BadRow[];
  total: number;
  title: string;
  /** What happens to them ("left out of the preview", "were not loaded"). */
  after: string;
}) {
  if (total === 0) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={title}>
      <Text size="sm" mb="xs">
        {plural(total, 'problem')} {after}.
      </Text>
      <List size="sm" spacing={4} aria-label="Rows with problems">
        {rows.slice(0, 20).map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same line can have several problems
          <List.Item key={index}>
            <Text span fw={600} size="sm">
              {row.line !== null ? `Line ${row.line}` : 'A row'}
            </Text>
            {row.column ? ` · column ${row.column}` : ''}
            {row.value !== null ? ` · “${row.value}”` : ''}: {row.message}
          </List.Item>
        ))}
      </List>
      {rows.length > 20 && (
        <Text size="xs" c="dimmed" mt="xs">
          The first 20 are listed.
        </Text>
      )}
    </Alert>
  );
}
