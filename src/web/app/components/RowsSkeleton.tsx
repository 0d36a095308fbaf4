import { Skeleton, Stack } from '@mantine/core';

/** Three grey rows standing in for a table while it loads; `label` is what a screen reader announces. */
export function RowsSkeleton({ label }: { label: string }) {
  return (
    <Stack role="status" aria-label={label} gap="xs">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} h={44} radius="sm" />
      ))}
    </Stack>
  );
}
