import { Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';

/** A list's heading with its "Add …" button (disabled at the spec's maximum, saying so). */
export function ListHeader({
  title,
  addLabel,
  onAdd,
  max,
  count,
}: {
  title: string;
  addLabel: string;
  onAdd: () => void;
  max: number;
  count: number;
}) {
  const full = count >= max;
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={onAdd}
        disabled={full}
        title={full ? `At most ${max}` : undefined}
      >
        {addLabel}
      </Button>
    </Group>
  );
}
