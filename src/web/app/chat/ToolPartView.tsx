import { Anchor, Code, Collapse, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { ToolOutputs } from '../../../ai/tools/contracts';
import { InlineChart } from './InlineChart';
import { madeChart, TOOL_WORDS, type ToolPart, toolError, toolName } from './tool-parts';

/** Rows of a query result shown in the conversation (the rest are a click away in a chart or the SQL). */
const SHOWN_ROWS = 20;

/** A tool call in the conversation: what it is doing, what it did, or why it failed; charts drawn inline. */
export function ToolPartView({ part }: { part: ToolPart }) {
  const chart = madeChart(part);
  if (chart) return <InlineChart chart={chart} />;
  const words = TOOL_WORDS[toolName(part)] ?? { running: 'Working…', done: 'Done' };
  const error = toolError(part);
  const running = part.state === 'input-streaming' || part.state === 'input-available';
  const result =
    !running && !error && toolName(part) === 'run_query'
      ? (part.output as ToolOutputs['run_query'] | undefined)
      : undefined;
  return (
    <Stack gap={4}>
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
      {result?.columns && result.rows && <QueryResult result={result} />}
    </Stack>
  );
}

function QueryResult({ result }: { result: ToolOutputs['run_query'] }) {
  const [opened, { toggle }] = useDisclosure(false);
  const count = result.rows.length;
  return (
    <Stack gap={4} pl={22}>
      <Anchor component="button" type="button" size="xs" onClick={toggle} aria-expanded={opened} ta="left">
        {opened
          ? 'Hide the result'
          : `Show the result (${count}${result.truncated ? '+' : ''} row${count === 1 ? '' : 's'})`}
      </Anchor>
      <Collapse in={opened}>
        <Stack gap={4}>
          <Table.ScrollContainer minWidth={200} mah={320}>
            <Table withTableBorder striped fz="xs" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  {result.columns.map((column) => (
                    <Table.Th key={column.name}>{column.name}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rows.slice(0, SHOWN_ROWS).map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: result rows have no identity beyond their place
                  <Table.Tr key={r}>
                    {result.columns.map((column, c) => (
                      <Table.Td key={column.name}>{formatCell(row[c])}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {count > SHOWN_ROWS && (
            <Text size="xs" c="dimmed">
              The first {SHOWN_ROWS} of {count} rows.
            </Text>
          )}
          {result.sql && (
            <Code block fz="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {result.sql}
            </Code>
          )}
        </Stack>
      </Collapse>
    </Stack>
  );
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
