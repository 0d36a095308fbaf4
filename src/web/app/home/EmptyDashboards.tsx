import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLayoutDashboard, IconPlus } from '@tabler/icons-react';

/** What to do when there is nothing to list yet (or nothing matches the search). */
export function EmptyDashboards({ searching, onCreate }: { searching: boolean; onCreate: () => void }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="sm" py="lg">
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
          <IconLayoutDashboard size={26} />
        </ThemeIcon>
        {searching ? (
          <>
            <Title order={2} size="h4">
              No dashboard has that title
            </Title>
            <Text c="dimmed">Try other words, or show all dashboards.</Text>
          </>
        ) : (
          <>
            <Title order={2} size="h4">
              No dashboards yet
            </Title>
            <Text c="dimmed" ta="center" maw={460}>
              Create a dashboard, then ask the assistant beside it for charts: “revenue by month as a line chart and add
              it to this dashboard”.
            </Text>
            <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
              New dashboard
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
