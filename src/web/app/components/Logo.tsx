import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';

export function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size="md" radius="md" aria-hidden>
        <IconChartBar size={18} />
      </ThemeIcon>
      <Text fw={700} size="lg">
        OCP
      </Text>
    </Group>
  );
}
