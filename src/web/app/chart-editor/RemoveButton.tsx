import { ActionIcon } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';

/** The bin at the end of a list row, named for what it removes ("Remove measure 2"). */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick} mt={4}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}
