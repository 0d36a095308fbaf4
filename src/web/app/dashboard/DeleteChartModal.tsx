import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Chart } from './use-dashboard';

interface DeleteChartModalProps {
  chart: Chart | null;
  deleting: boolean;
  onClose: () => void;
  onConfirm: (chart: Chart) => void;
}

export function DeleteChartModal({ chart, deleting, onClose, onConfirm }: DeleteChartModalProps) {
  return (
    <Modal opened={chart !== null} onClose={onClose} title="Delete this chart?">
      {chart && (
        <Stack>
          <Text>
            “{chart.title}” will be removed from the dashboard. The dashboard’s history keeps it: restoring the previous
            version brings it back.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color="red" loading={deleting} onClick={() => onConfirm(chart)}>
              Delete chart
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
