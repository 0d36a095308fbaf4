import { Button, Group, Text } from '@mantine/core';

/** The editor's last line: where the chart stands (what blocks a save, unsaved changes), Cancel and Save. */
export function EditorFooter({
  isNew,
  hasIssues,
  refused,
  dirty,
  saving,
  onCancel,
  onSave,
}: {
  isNew: boolean;
  /** Settings are missing or invalid (shown at the controls). */
  hasIssues: boolean;
  /** The server refused the spec's query (shown in the preview). */
  refused: boolean;
  dirty: boolean;
  saving: boolean;
  onCancel: () => void;
  onSave: () => void;
}) {
  const status = hasIssues
    ? 'Some settings need attention before the chart can be saved.'
    : refused
      ? 'Fix what the preview says before saving.'
      : dirty
        ? 'Unsaved changes'
        : isNew
          ? ''
          : 'No changes yet';
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c={hasIssues || refused ? 'red' : 'dimmed'} aria-live="polite">
        {status}
      </Text>
      <Group gap="xs">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={onSave} loading={saving} disabled={hasIssues || refused}>
          {isNew ? 'Add to dashboard' : 'Save chart'}
        </Button>
      </Group>
    </Group>
  );
}
