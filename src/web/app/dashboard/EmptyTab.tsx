import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';

export function EmptyTab({ editable }: { editable: boolean }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="xs" py="lg">
        <ThemeIcon size={44} radius="xl" variant="light" aria-hidden>
          <IconChartLine size={24} />
        </ThemeIcon>
        <Title order={2} size="h4">
          No charts on this tab yet
        </Title>
        <Text c="dimmed" ta="center" maw={480}>
          {editable
            ? 'Ask the assistant for one, for example “revenue by month as a line chart and add it to this dashboard”. It lands here, and the history can undo it.'
            : 'Whoever can edit this dashboard can add charts to it.'}
        </Text>
      </Stack>
    </Paper>
  );
}
