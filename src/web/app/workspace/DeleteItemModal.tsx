import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { problemMessage } from '../lib/problems';
import { useDeleteWorkspaceItem, type WorkspaceItem } from './use-workspace';

/** Asks before deleting an item from the workspace. */
export function DeleteItemModal({ item, onClose }: { item: WorkspaceItem | null; onClose: () => void }) {
  const remove = useDeleteWorkspaceItem();
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Modal opened={item !== null} onClose={close} title="Delete from the workspace?">
      {item && (
        <Stack>
          <Text>
            “{item.title}” will be removed from your workspace. Dashboards and chats it came from are not changed.
          </Text>
          {remove.error && (
            <Alert color="red" role="alert">
              {problemMessage(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(item.id, { onSuccess: close })}>
              Delete
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
