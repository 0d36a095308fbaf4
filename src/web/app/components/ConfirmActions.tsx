import { Alert, Button, Group } from '@mantine/core';
import { problemMessage } from '../lib/problems';

/**
 * The end of a "are you sure?" dialog: why the last attempt failed (in words), then Cancel and
 * the red button that does it.
 */
export function ConfirmActions({
  error,
  pending,
  label,
  onCancel,
  onConfirm,
}: {
  error: unknown;
  pending: boolean;
  label: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  return (
    <>
      {error ? (
        <Alert color="red" role="alert">
          {problemMessage(error)}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button color="red" loading={pending} onClick={onConfirm}>
          {label}
        </Button>
      </Group>
    </>
  );
}
