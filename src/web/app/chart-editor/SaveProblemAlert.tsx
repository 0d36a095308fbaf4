import { Alert, Button, Text } from '@mantine/core';
import { ApiProblem, problemMessage } from '../lib/problems';
import { apiFieldErrors } from './spec-draft';

/**
 * Why the last save failed, above the editor, for what is not shown next to a control: someone
 * else's change meanwhile (412, with a way to load it), a full tab (409), a field the controls do
 * not have, or the server being unreachable.
 */
export function SaveProblemAlert({ error, onReload }: { error: unknown; onReload: (() => void) | null }) {
  if (!error) return null;
  if (error instanceof ApiProblem && error.status === 412)
    return (
      <Alert color="yellow" role="alert" title="The chart changed meanwhile" mb="sm">
        <Text size="sm">
          Someone else (or the assistant) saved this chart after you opened it. Load the latest version to edit it (your
          changes here are lost), or cancel.
        </Text>
        {onReload && (
          <Button size="xs" mt="xs" variant="light" color="yellow" onClick={onReload}>
            Load the latest version
          </Button>
        )}
      </Alert>
    );
  const { byField, other } = apiFieldErrors(error instanceof ApiProblem ? error.problem.errors : undefined);
  const allAtFields =
    error instanceof ApiProblem && error.status === 422 && Object.keys(byField).length > 0 && !other.length;
  const text = allAtFields
    ? 'See the messages next to the settings.'
    : `${problemMessage(error)}${other.length ? ` ${other.join('. ')}` : ''}`;
  return (
    <Alert color="red" role="alert" title="The chart was not saved" mb="sm">
      <Text size="sm">{text}</Text>
    </Alert>
  );
}
