import { Modal, Stack, Text } from '@mantine/core';
import { ConfirmActions } from '../components/ConfirmActions';

/** "Discard your changes?" before an edited chart is closed without saving. */
export function DiscardChangesModal({
  opened,
  onKeep,
  onDiscard,
}: {
  opened: boolean;
  onKeep: () => void;
  onDiscard: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onKeep} title="Discard your changes?" centered zIndex={400}>
      <Stack>
        <Text size="sm">The chart has changes that are not saved. Closing the editor loses them.</Text>
        <ConfirmActions error={null} pending={false} label="Discard changes" onCancel={onKeep} onConfirm={onDiscard} />
      </Stack>
    </Modal>
  );
}
