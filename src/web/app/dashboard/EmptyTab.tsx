import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { AddChartButton } from './AddChartButton';

/** A tab without charts: what to do next (make one, or ask the assistant), or who can. */
export function EmptyTab({ editable, onAddChart }: { editable: boolean; onAddChart: () => void }) {
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
            ? 'Make one from a dataset, or ask the assistant, for example “revenue by month as a line chart and add it to this dashboard”. It lands here, and the history can undo it.'
            : 'Whoever can edit this dashboard can add charts to it.'}
        </Text>
        {editable && <AddChartButton chartCount={0} onAdd={onAddChart} mt="xs" />}
      </Stack>
    </Paper>
  );
}
