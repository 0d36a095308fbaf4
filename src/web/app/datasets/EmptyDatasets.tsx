import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabase, IconUpload } from '@tabler/icons-react';

/** What to do when there are no datasets yet (or none matches the search). */
export function EmptyDatasets({ searching, onUpload }: { searching: boolean; onUpload: () => void }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="sm" py="lg">
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
          <IconDatabase size={26} />
        </ThemeIcon>
        {searching ? (
          <>
            <Title order={2} size="h4">
              No dataset matches
            </Title>
            <Text c="dimmed">Try another name, or clear the search.</Text>
          </>
        ) : (
          <>
            <Title order={2} size="h4">
              No datasets yet
            </Title>
            <Text c="dimmed" ta="center" maw={480}>
              Upload a CSV, JSON or Parquet file. OCP detects its delimiter, number and date formats and shows you the
              first rows before anything is loaded; then charts and the assistant can use it.
            </Text>
            <Button leftSection={<IconUpload size={16} />} onClick={onUpload}>
              Upload data
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
