import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { ApiProblem, problemMessage } from '../lib/problems';
import { type DashboardRef, useDashboardSettings } from './use-dashboard-settings';

interface DeleteDashboardModalProps {
  dashboard: DashboardRef;
  opened: boolean;
  onClose: () => void;
  /** After the dashboard is gone (the dashboard page goes home; a card just disappears). */
  onDeleted: () => void;
}

/** Asks before deleting a dashboard, saying what goes with it. */
export function DeleteDashboardModal({ dashboard, opened, onClose, onDeleted }: DeleteDashboardModalProps) {
  const { remove, reload } = useDashboardSettings();
  const { reset } = remove;
  useEffect(() => {
    if (opened) reset();
  }, [opened, reset]);

  const confirm = () =>
    remove.mutate(dashboard, {
      onSuccess: () => {
        onClose();
        onDeleted();
      },
      onError: (error) => {
        // Changed meanwhile: show the latest, so that what is deleted is what was seen.
        if (error instanceof ApiProblem && error.status === 412) void reload(dashboard.id);
      },
    });
  const message =
    remove.error instanceof ApiProblem && remove.error.status === 412
      ? 'Someone else (or the assistant) changed this dashboard meanwhile. It has been reloaded: delete it anyway?'
      : remove.error && problemMessage(remove.error);

  return (
    <Modal opened={opened} onClose={onClose} title="Delete this dashboard?">
      <Stack>
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <Text>
          “{dashboard.title}”, its tabs and charts will be deleted for everyone who can see it. Its share links stop
          working, and its version history is deleted too. This cannot be undone.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={remove.isPending} onClick={confirm}>
            Delete dashboard
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
