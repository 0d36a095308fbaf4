import { Button, Text } from '@mantine/core';
import { IconDatabase, IconUpload } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState';

/** What to do when there are no datasets yet (or none matches the search). */
export function EmptyDatasets({ searching, onUpload }: { searching: boolean; onUpload: () => void }) {
  const icon = <IconDatabase size={26} />;
  if (searching)
    return (
      <EmptyState icon={icon} title="No dataset matches">
        <Text c="dimmed">Try another name, or clear the search.</Text>
      </EmptyState>
    );
  return (
    <EmptyState icon={icon} title="No datasets yet">
      <Text c="dimmed" ta="center" maw={480}>
        Upload a CSV, JSON or Parquet file. OCP detects its delimiter, number and date formats and shows you the first
        rows before anything is loaded; then charts and the assistant can use it.
      </Text>
      <Button leftSection={<IconUpload size={16} />} onClick={onUpload}>
        Upload data
      </Button>
    </EmptyState>
  );
}
