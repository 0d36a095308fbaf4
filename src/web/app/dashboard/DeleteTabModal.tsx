import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { plural } from '../lib/format';
import type { Tab } from './use-dashboard';

interface DeleteTabModalProps {
  tab: Tab | null;
  deleting: boolean;
  onClose: () => void;
  onConfirm: (tab: Tab) => void;
}

export function DeleteTabModal({ tab, deleting, onClose, onConfirm }: DeleteTabModalProps) {
  return (
    <Modal opened={tab !== null} onClose={onClose} title="Delete this tab?">
      {tab && (
        <Stack>
          <Text>
            “{tab.title}” and its {plural(tab.charts.length, 'chart')} will be removed. The dashboard’s history keeps
            them: restoring the previous version brings them back.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color="red" loading={deleting} onClick={() => onConfirm(tab)}>
              Delete tab
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
