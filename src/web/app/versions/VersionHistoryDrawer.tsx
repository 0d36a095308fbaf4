import { Button, Drawer, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowsDiff } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { useRestoreWithNotice, useVersions } from './use-versions';
import { VersionItem } from './VersionItem';

// Two versions drawn side by side: loaded when first asked for.
const CompareVersionsModal = lazy(() => import('./CompareVersionsModal'));

interface VersionHistoryDrawerProps {
  dashboardId: string;
  opened: boolean;
  canRestore: boolean;
  onClose: () => void;
}

export interface VersionPair {
  from: number;
  to: number;
}

/** The dashboard's history, newest first; any two versions compared; restoring saves a version's content as a new one. */
export function VersionHistoryDrawer({ dashboardId, opened, canRestore, onClose }: VersionHistoryDrawerProps) {
  const versions = useVersions(dashboardId, opened);
  const restore = useRestoreWithNotice(dashboardId);
  const [comparing, setComparing] = useState<VersionPair | null>(null);
  const items = versions.data?.items ?? [];
  const [latest, previous] = items;

  return (
    <>
      <Drawer
        opened={opened}
        onClose={onClose}
        position="right"
        title="Version history"
        size="md"
        closeButtonProps={{ 'aria-label': 'Close the history' }}
      >
        {versions.isError ? (
          <ErrorAlert
            error={versions.error}
            title="The history could not be loaded"
            onRetry={() => versions.refetch()}
          />
        ) : versions.isPending ? (
          <Stack role="status" aria-label="Loading the history">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={90} radius="md" />
            ))}
          </Stack>
        ) : items.length === 0 ? (
          <Text c="dimmed">No versions yet.</Text>
        ) : (
          <Stack gap="sm">
            {latest && previous && (
              <Group justify="flex-end">
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconArrowsDiff size={16} />}
                  onClick={() => setComparing({ from: previous.version_number, to: latest.version_number })}
                >
                  Compare versions
                </Button>
              </Group>
            )}
            <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
              {items.map((version, index) => {
                const before = items[index + 1];
                return (
                  <VersionItem
                    key={version.version_number}
                    version={version}
                    current={index === 0}
                    canRestore={canRestore}
                    restoring={restore.restoring === version.version_number}
                    onRestore={(v) => void restore.run(v.version_number)}
                    onCompare={
                      before
                        ? () => setComparing({ from: before.version_number, to: version.version_number })
                        : undefined
                    }
                    previousNumber={before?.version_number}
                  />
                );
              })}
            </Stack>
          </Stack>
        )}
      </Drawer>
      {comparing && (
        <Suspense fallback={null}>
          <CompareVersionsModal
            dashboardId={dashboardId}
            pair={comparing}
            canRestore={canRestore}
            onChange={setComparing}
            onClose={() => setComparing(null)}
          />
        </Suspense>
      )}
    </>
  );
}
