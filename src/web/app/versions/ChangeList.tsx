import { Code, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../components/ErrorAlert';
import { countChanges, describeChartChanges, type VersionComparison } from './compare-versions';
import { MarkBadge } from './MarkBadge';
import type { useVersionDiff } from './use-compare';

interface ChangeListProps {
  diff: ReturnType<typeof useVersionDiff>;
  comparison: VersionComparison | null;
}

const COUNT_COLORS = { added: 'green', removed: 'red', changed: 'orange', moved: 'blue' } as const;

/** The changes in words: the server's summary, then per chart which of its properties changed. */
export function ChangeList({ diff, comparison }: ChangeListProps) {
  const counts = comparison ? countChanges(comparison) : null;
  const perChart = comparison ? describeChartChanges(comparison) : [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="compare-changes">
      <Title order={3} size="h5" id="compare-changes">
        Changes
      </Title>
      {counts && (
        <Group gap={6}>
          {(Object.keys(COUNT_COLORS) as (keyof typeof COUNT_COLORS)[])
            .filter((status) => counts[status] > 0)
            .map((status) => (
              <MarkBadge key={status} color={COUNT_COLORS[status]}>
                {counts[status]} {status}
              </MarkBadge>
            ))}
        </Group>
      )}
      {diff.isError ? (
        <ErrorAlert error={diff.error} title="The changes could not be listed" onRetry={() => diff.refetch()} />
      ) : !diff.data ? (
        <Stack gap={6} role="status" aria-label="Loading the changes">
          <Skeleton h={14} />
          <Skeleton h={14} w="80%" />
          <Skeleton h={14} w="60%" />
        </Stack>
      ) : diff.data.summary.length === 0 ? (
        <Text size="sm" c="dimmed">
          No differences between these versions.
        </Text>
      ) : (
        <List size="sm" spacing={4} aria-label="Changes in words" data-testid="change-summary">
          {[...new Set(diff.data.summary)].map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
      {perChart.length > 0 && (
        <>
          <Title order={4} size="h6">
            Per chart
          </Title>
          <List size="sm" spacing={4} aria-label="Changes per chart">
            {perChart.map((line) => (
              <List.Item key={line.id}>
                <Text span fw={600} size="sm">
                  “{line.title}”
                </Text>
                : {line.text}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {diff.data && diff.data.patch.length > 0 && (
        <details>
          <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-sm)' }}>
            JSON Patch ({diff.data.patch.length} operations)
          </summary>
          <Code block mt="xs" style={{ maxHeight: 320, overflow: 'auto', fontSize: 11 }}>
            {JSON.stringify(diff.data.patch, null, 2)}
          </Code>
        </details>
      )}
    </Stack>
  );
}
