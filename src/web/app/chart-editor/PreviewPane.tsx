import { Alert, Anchor, Box, Center, Code, Group, Loader, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EChart } from '../charts/EChart';
import { plural } from '../lib/format';
import { ApiProblem, problemMessage } from '../lib/problems';
import { type Draft, type FieldErrors, lineAndColumn } from './spec-draft';
import type { PreviewData } from './use-editor-data';

interface PreviewPaneProps {
  title: string;
  /** The spec the preview is for (the draft as it was when typing paused), null before a dataset. */
  spec: Draft | null;
  /** Why the draft cannot be drawn yet (checked in the browser, before asking the server). */
  issues: FieldErrors;
  data: PreviewData | undefined;
  error: unknown;
  loading: boolean;
  fetching: boolean;
  /** The user has no dataset yet: the way forward is an upload. */
  noDatasets?: boolean;
}

/** The chart as it would be saved, drawn again as the controls change, or why it cannot be. */
export function PreviewPane({ title, spec, issues, data, error, loading, fetching, noDatasets }: PreviewPaneProps) {
  const [warnings, setWarnings] = useState<string[]>([]);
  const pending = Object.values(issues);
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      h="100%"
      style={{ display: 'flex', flexDirection: 'column' }}
      aria-label="Preview"
      component="section"
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {title}
        </Title>
        {fetching && <Loader size="xs" aria-label="Updating the preview" />}
      </Group>
      <Box style={{ flex: 1, minHeight: 260, position: 'relative' }}>
        {!spec ? (
          <Center h="100%">
            <Stack align="center" gap="xs" maw={360}>
              <IconChartBar size={40} aria-hidden opacity={0.4} />
              {noDatasets ? (
                <>
                  <Text fw={600}>Upload a dataset first</Text>
                  <Text size="sm" c="dimmed" ta="center">
                    Charts draw from your data. Upload a CSV, JSON or Parquet file on the{' '}
                    <Anchor component={Link} to="/datasets">
                      Datasets page
                    </Anchor>
                    , then come back here.
                  </Text>
                </>
              ) : (
                <>
                  <Text fw={600}>Pick a dataset to start</Text>
                  <Text size="sm" c="dimmed" ta="center">
                    Choose the data on the left; a first chart appears here, and changes as you edit.
                  </Text>
                </>
              )}
            </Stack>
          </Center>
        ) : pending.length > 0 ? (
          <Center h="100%">
            <Stack gap={4} maw={420} role="status">
              <Text fw={600}>The preview waits for a few settings</Text>
              {pending.slice(0, 5).map((message, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat
                <Text key={i} size="sm" c="dimmed">
                  {message}
                </Text>
              ))}
            </Stack>
          </Center>
        ) : error ? (
          <PreviewError error={error} sql={'sql' in spec.data ? spec.data.sql : null} />
        ) : loading || !data ? (
          <Skeleton h="100%" w="100%" radius="sm" aria-label="Loading the preview" />
        ) : (
          <EChart
            // A new drawing for each new spec, so that its drawn/settled state is about this one.
            key={JSON.stringify(data.spec)}
            spec={data.spec}
            result={data.result}
            label={`Preview: ${title}`}
            onWarnings={setWarnings}
          />
        )}
      </Box>
      {data && !error && pending.length === 0 && spec && (
        <Stack gap={4} mt="xs">
          <Text size="xs" c="dimmed">
            {plural(data.result.rows.length, 'row')}
            {data.result.truncated ? ' (more rows exist; only these are drawn)' : ''}
            {warnings.length ? ` · ${warnings.join('. ')}` : ''}
          </Text>
          <details>
            <summary style={{ cursor: 'pointer', fontSize: 12 }}>The SQL that ran</summary>
            <Code block mt={4} style={{ maxHeight: 160, overflow: 'auto', fontSize: 11 }}>
              {data.sql}
            </Code>
          </details>
        </Stack>
      )}
    </Paper>
  );
}

/** The server's reason, in words; for SQL, the line at fault with a caret under the position. */
function PreviewError({ error, sql }: { error: unknown; sql: string | null }) {
  const position = error instanceof ApiProblem ? error.problem.position : undefined;
  const where = sql !== null && position !== undefined ? lineAndColumn(sql, position) : null;
  const line = where && sql !== null ? (sql.split('\n')[where.line - 1] ?? '') : null;
  return (
    <Center h="100%" p="md">
      <Alert color="red" title="The preview could not be drawn" role="alert" maw={560} w="100%">
        <Text size="sm">{problemMessage(error)}</Text>
        {where && line !== null && (
          <>
            <Text size="xs" mt={6}>
              At line {where.line}, column {where.column}:
            </Text>
            <Code block mt={4} style={{ fontSize: 12 }}>
              {`${line}\n${' '.repeat(Math.max(0, where.column - 1))}^`}
            </Code>
          </>
        )}
      </Alert>
    </Center>
  );
}
