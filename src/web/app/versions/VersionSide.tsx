import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useMemo } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { savedLayout } from '../dashboard/layout';
import { fullTime, timeAgo } from '../lib/format';
import type { Snapshot, SnapshotTab, VersionComparison } from './compare-versions';
import { MarkBadge } from './MarkBadge';
import { markBorder, markFor, type Side } from './marks';
import { PreviewGrid } from './PreviewGrid';
import type { useVersionSnapshot } from './use-compare';
import { assistantProvenance } from './use-versions';

interface VersionSideProps {
  side: Side;
  versionNumber: number;
  version: ReturnType<typeof useVersionSnapshot>;
  comparison: VersionComparison | null;
  current: boolean;
  /** Present for editors, when this version is not the current one. */
  onRestore?: (() => void) | undefined;
  restoring: boolean;
}

/** One side of the comparison: a version's tabs, one under the other, with their charts drawn. */
export function VersionSide({
  side,
  versionNumber,
  version,
  comparison,
  current,
  onRestore,
  restoring,
}: VersionSideProps) {
  const data = version.data;
  const who = data
    ? assistantProvenance(data)
      ? 'the assistant'
      : (data.created_by?.display_name ?? 'someone')
    : null;
  return (
    <Stack gap="sm" component="section" aria-label={`Version ${versionNumber}`} style={{ minWidth: 0 }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Title order={3} size="h5">
              {side === 'before' ? 'From' : 'To'}: version {versionNumber}
            </Title>
            {current && (
              <Badge size="xs" variant="light">
                Current
              </Badge>
            )}
          </Group>
          {data && (
            <Text size="xs" c="dimmed" title={fullTime(data.created_at)} truncate="end">
              By {who}, {timeAgo(data.created_at)}
              {data.change_summary ? ` · ${data.change_summary}` : ''}
            </Text>
          )}
        </div>
        {onRestore && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRestore size={14} />}
            loading={restoring}
            onClick={onRestore}
            style={{ flexShrink: 0 }}
          >
            Restore version {versionNumber}
          </Button>
        )}
      </Group>
      {version.isError ? (
        <ErrorAlert
          error={version.error}
          title={`Version ${versionNumber} could not be loaded`}
          onRetry={() => version.refetch()}
        />
      ) : !data ? (
        <Stack role="status" aria-label={`Loading version ${versionNumber}`}>
          <Skeleton h={24} w="40%" />
          <Skeleton h={260} radius="md" />
        </Stack>
      ) : (
        <SnapshotTabs snapshot={data.snapshot} comparison={comparison} side={side} />
      )}
    </Stack>
  );
}

function SnapshotTabs({
  snapshot,
  comparison,
  side,
}: {
  snapshot: Snapshot;
  comparison: VersionComparison | null;
  side: Side;
}) {
  const saved = useMemo(() => savedLayout(snapshot.settings), [snapshot.settings]);
  if (snapshot.tabs.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This version has no tabs.
      </Text>
    );
  return (
    <Stack gap="md">
      {snapshot.tabs.map((tab) => (
        <TabPreview key={tab.id} tab={tab} saved={saved} comparison={comparison} side={side} />
      ))}
    </Stack>
  );
}

function TabPreview({
  tab,
  saved,
  comparison,
  side,
}: {
  tab: SnapshotTab;
  saved: ReturnType<typeof savedLayout>;
  comparison: VersionComparison | null;
  side: Side;
}) {
  const tabComparison = comparison?.tabs.get(tab.id);
  const mark = markFor(tabComparison?.status, side);
  const renamedHint =
    tabComparison?.status === 'renamed'
      ? side === 'before'
        ? `Renamed to “${tabComparison.titleAfter}”`
        : `Was “${tabComparison.titleBefore}”`
      : null;
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      component="section"
      aria-label={`Tab ${tab.title}`}
      data-change={mark ? tabComparison?.status : 'unchanged'}
      style={{ border: markBorder(mark) }}
    >
      <Group gap={6} mb="xs">
        <Text fw={600} size="sm">
          {tab.title}
        </Text>
        {mark && <MarkBadge color={mark.color}>{mark.label}</MarkBadge>}
        {renamedHint && (
          <Text size="xs" c="dimmed">
            {renamedHint}
          </Text>
        )}
      </Group>
      {tab.charts.length === 0 ? (
        <Text size="xs" c="dimmed">
          No charts on this tab.
        </Text>
      ) : (
        <PreviewGrid charts={tab.charts} saved={saved} comparison={comparison} side={side} />
      )}
    </Paper>
  );
}
