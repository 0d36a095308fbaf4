import { Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { ConfirmActions } from '../components/ConfirmActions';

/** Asks before deleting an agent or a custom command, for everyone who could use it. */
export function DeleteOwnedModal({
  kind,
  item,
  remove,
  onClose,
}: {
  kind: 'agent' | 'command';
  item: { id: string; name: string } | null;
  remove: UseMutationResult<void, Error, string>;
  onClose: () => void;
}) {
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = async () => {
    if (!item) return;
    try {
      await remove.mutateAsync(item.id);
      notifications.show({ message: `The ${kind} “${item.name}” was deleted` });
      close();
    } catch {
      // Shown in the dialog (remove.error).
    }
  };
  return (
    <Modal opened={item !== null} onClose={close} title={`Delete this ${kind}?`}>
      <Stack>
        <Text>
          “{item?.name}” will be gone for everyone who uses it
          {kind === 'agent' ? '; chats that used it keep their messages.' : '.'} This cannot be undone.
        </Text>
        <ConfirmActions
          error={remove.error}
          pending={remove.isPending}
          label={`Delete ${kind}`}
          onCancel={close}
          onConfirm={confirm}
        />
      </Stack>
    </Modal>
  );
}
