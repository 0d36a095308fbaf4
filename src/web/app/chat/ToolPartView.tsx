import { Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { InlineChart } from './InlineChart';
import { madeChart, TOOL_WORDS, type ToolPart, toolError, toolName } from './tool-parts';

/** A tool call in the conversation: what it is doing, what it did, or why it failed; charts drawn inline. */
export function ToolPartView({ part }: { part: ToolPart }) {
  const chart = madeChart(part);
  if (chart) return <InlineChart chart={chart} />;
  const words = TOOL_WORDS[toolName(part)] ?? { running: 'Working…', done: 'Done' };
  const error = toolError(part);
  const running = part.state === 'input-streaming' || part.state === 'input-available';
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      {running ? (
        <Loader size={14} mt={3} />
      ) : error ? (
        <IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" style={{ marginTop: 2, flexShrink: 0 }} />
      ) : (
        <IconCheck size={16} color="var(--mantine-color-green-6)" style={{ marginTop: 2, flexShrink: 0 }} />
      )}
      <Text size="sm" c={error ? 'orange' : 'dimmed'}>
        {running ? words.running : error ? `${words.done.replace(/^\w+/, 'Could not')}: ${error}` : words.done}
      </Text>
    </Group>
  );
}
