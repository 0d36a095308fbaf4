import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The top of a page: its title, one dimmed line on what it holds (children), and its main action. */
export function PageHeader({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Group justify="space-between">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed" size="sm">
          {children}
        </Text>
      </div>
      {action}
    </Group>
  );
}
