import { Alert, Button, Code, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiProblem, fieldErrors, problemMessage } from '../lib/problems';
import { verdict } from './test-result';
import { type HandlerConfig, useTestCommand } from './use-commands';

export interface Draft {
  id?: string;
  name: string;
  command_pattern: string;
  handler_config: HandlerConfig;
}

/**
 * "Try it": sends a sample message with the unsaved draft (POST /api/commands/test) and shows
 * what it captured and what it would do. The API checks the draft like a save; its messages go
 * beside the editor's fields (`onFieldErrors`), a webhook is reported, never called.
 */
export function TryItBox({
  draft,
  draftId,
  onFieldErrors,
}: {
  /** The draft as the form has it now, or null when the form itself refused it (its errors are shown). */
  draft: () => Draft | null;
  draftId: string;
  onFieldErrors: (errors: Record<string, string>) => void;
}) {
  const test = useTestCommand();
  const [message, setMessage] = useState('');
  const [messageError, setMessageError] = useState<string | null>(null);

  const run = async () => {
    setMessageError(null);
    test.reset();
    if (!message.trim()) {
      setMessageError('Type a message to try, such as /report monthly');
      return;
    }
    const current = draft();
    if (!current) return;
    try {
      await test.mutateAsync({ message, draft: current });
    } catch (error) {
      const inMessage = fieldErrors(error).message;
      if (inMessage) setMessageError(inMessage);
      onFieldErrors(fieldErrors(error, '/body/draft'));
    }
  };

  const result = test.data ? verdict(test.data, draftId) : null;
  // A refused draft is explained beside its fields; anything else here, in words.
  const refusedDraft = test.error instanceof ApiProblem && test.error.code === 'validation_failed';
  const failure = test.error && !refusedDraft ? problemMessage(test.error) : null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Try it">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Try it
        </Text>
        <Group align="flex-start" gap="xs">
          <TextInput
            aria-label="Sample message"
            placeholder="A chat message, e.g. /report monthly"
            value={message}
            error={messageError}
            onChange={(event) => setMessage(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter tries the message instead of submitting the whole form.
              if (event.key === 'Enter') {
                event.preventDefault();
                run();
              }
            }}
            style={{ flex: 1 }}
          />
          <Button variant="light" leftSection={<IconPlayerPlay size={14} />} loading={test.isPending} onClick={run}>
            Try it
          </Button>
        </Group>
        <div aria-live="polite" data-testid="try-result">
          {refusedDraft && !messageError && (
            <Alert color="red" role="alert">
              The command cannot run as it is: fix the fields marked above, then try again.
            </Alert>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          {result?.kind === 'none' && (
            <Alert color="gray">No command matches: the message would go to the model as it is.</Alert>
          )}
          {result?.kind === 'builtin' && (
            <Alert color="orange">The built-in command {result.name} takes this message first.</Alert>
          )}
          {result?.kind === 'other' && (
            <Alert color="orange">
              This draft does not match; your command “{result.name}” would take the message.
            </Alert>
          )}
          {result?.kind === 'matched' && (
            <Alert color="blue" title="Matches">
              <Stack gap="xs">
                <Table withRowBorders={false} verticalSpacing={2} aria-label="What the pattern captured">
                  <Table.Tbody>
                    {result.groups.map(([group, value]) => (
                      <Table.Tr key={group}>
                        <Table.Td w={1}>
                          <Code>{`{{${group}}}`}</Code>
                        </Table.Td>
                        <Table.Td>
                          {value ?? (
                            <Text span c="dimmed">
                              (no part)
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Text size="sm">{result.outcome}</Text>
              </Stack>
            </Alert>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
