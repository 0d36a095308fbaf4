import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table's first cell: the item's name (children: plain text, a link or a button) over its one-line description. */
export function NameWithDescription({ description, children }: { description?: string | null; children: ReactNode }) {
  return (
    <>
      {children}
      {description && (
        <Text size="xs" c="dimmed" lineClamp={1}>
          {description}
        </Text>
      )}
    </>
  );
}
