import { Modal, Stack, Text } from '@mantine/core';
import { ConfirmActions } from '../components/ConfirmActions';
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
          <ConfirmActions
            error={remove.error}
            pending={remove.isPending}
            label="Delete"
            onCancel={close}
            onConfirm={() => remove.mutate(item.id, { onSuccess: close })}
          />
        </Stack>
      )}
    </Modal>
  );
}
