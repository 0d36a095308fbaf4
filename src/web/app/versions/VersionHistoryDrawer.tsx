import { Drawer, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorAlert } from '../components/ErrorAlert';
import { problemMessage } from '../lib/problems';
import { useRestoreVersion, useVersions, type VersionSummary } from './use-versions';
import { VersionItem } from './VersionItem';

interface VersionHistoryDrawerProps {
  dashboardId: string;
  opened: boolean;
  canRestore: boolean;
  onClose: () => void;
}

/** The dashboard's history, newest first; restoring a version saves its content as a new one. */
export function VersionHistoryDrawer({ dashboardId, opened, canRestore, onClose }: VersionHistoryDrawerProps) {
  const versions = useVersions(dashboardId, opened);
  const restore = useRestoreVersion(dashboardId);
  const items = versions.data?.items ?? [];

  const onRestore = async (version: VersionSummary) => {
    try {
      const result = await restore.mutateAsync(version.version_number);
      notifications.show({
        color: 'green',
        title: `Restored version ${result.restored_from}`,
        message: `Saved as version ${result.version_number}; the versions after it are still in the history.`,
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not restored', message: problemMessage(error) });
    }
  };

  return (
    <Drawer opened={opened} onClose={onClose} position="right" title="Version history" size="md">
      {versions.isError ? (
        <ErrorAlert error={versions.error} title="The history could not be loaded" onRetry={() => versions.refetch()} />
      ) : versions.isPending ? (
        <Stack role="status" aria-label="Loading the history">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={90} radius="md" />
          ))}
        </Stack>
      ) : items.length === 0 ? (
        <Text c="dimmed">No versions yet.</Text>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((version, index) => (
            <VersionItem
              key={version.version_number}
              version={version}
              current={index === 0}
              canRestore={canRestore}
              restoring={restore.isPending && restore.variables === version.version_number}
              onRestore={onRestore}
            />
          ))}
        </Stack>
      )}
    </Drawer>
  );
}
