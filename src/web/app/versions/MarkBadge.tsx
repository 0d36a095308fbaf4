import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A change's badge: a light shade of its colour with dark text, which reads at AA contrast in
 * both themes (white on Mantine's mid orange or green does not).
 */
export function MarkBadge({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge size="xs" color={`${color}.3`} c="dark.9" variant="filled" style={{ flexShrink: 0 }}>
      {children}
    </Badge>
  );
}
