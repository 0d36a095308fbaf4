import { Button, Text } from '@mantine/core';
import { IconLayoutDashboard, IconPlus } from '@tabler/icons-react';
import { EmptyState } from '../components/EmptyState';

/** What to do when there is nothing to list yet (or nothing matches the search). */
export function EmptyDashboards({ searching, onCreate }: { searching: boolean; onCreate: () => void }) {
  const icon = <IconLayoutDashboard size={26} />;
  if (searching)
    return (
      <EmptyState icon={icon} title="No dashboard has that title">
        <Text c="dimmed">Try other words, or show all dashboards.</Text>
      </EmptyState>
    );
  return (
    <EmptyState icon={icon} title="No dashboards yet">
      <Text c="dimmed" ta="center" maw={460}>
        Create a dashboard, then ask the assistant beside it for charts: “revenue by month as a line chart and add it to
        this dashboard”.
      </Text>
      <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
        New dashboard
      </Button>
    </EmptyState>
  );
}
