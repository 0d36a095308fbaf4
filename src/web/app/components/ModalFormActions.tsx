import { Button, Group } from '@mantine/core';

/** A modal form's last row: Cancel, then the submit button (which spins while `loading`). */
export function ModalFormActions({
  submitLabel,
  loading,
  disabled,
  onCancel,
}: {
  submitLabel: string;
  loading: boolean;
  disabled?: boolean;
  onCancel: () => void;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={loading} disabled={disabled ?? false}>
        {submitLabel}
      </Button>
    </Group>
  );
}
