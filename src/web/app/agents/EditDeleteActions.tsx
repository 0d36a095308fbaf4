import { Button, Group, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';

/**
 * A table row's Edit and Delete buttons for an item the caller may change (agents, custom commands),
 * each shown only when the API's abilities allow it; "Read-only" when neither does.
 */
export function EditDeleteActions({
  name,
  abilities,
  onEdit,
  onDelete,
}: {
  name: string;
  abilities: { can_edit: boolean; can_delete: boolean };
  onEdit: () => void;
  onDelete: () => void;
}) {
  if (!abilities.can_edit && !abilities.can_delete) {
    return (
      <Text size="xs" c="dimmed">
        Read-only
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      {abilities.can_edit && (
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPencil size={14} />}
          aria-label={`Edit ${name}`}
          onClick={onEdit}
        >
          Edit
        </Button>
      )}
      {abilities.can_delete && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={14} />}
          aria-label={`Delete ${name}`}
          onClick={onDelete}
        >
          Delete
        </Button>
      )}
    </Group>
  );
}
