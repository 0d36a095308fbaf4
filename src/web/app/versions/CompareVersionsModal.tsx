import { ActionIcon, Box, Group, Modal, Select, Stack, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import { useMemo } from 'react';
import { ChangeList } from './ChangeList';
import { compareVersions } from './compare-versions';
import { useVersionDiff, useVersionSnapshot } from './use-compare';
import { useRestoreWithNotice, useVersions } from './use-versions';
import type { VersionPair } from './VersionHistoryDrawer';
import { VersionSide } from './VersionSide';

interface CompareVersionsModalProps {
  dashboardId: string;
  pair: VersionPair;
  canRestore: boolean;
  onChange: (pair: VersionPair) => void;
  onClose: () => void;
}

/**
 * Two versions of a dashboard side by side, each drawn as it was saved, with what was added,
 * removed, changed or moved marked on both, and the changes in words beside them.
 */
export default function CompareVersionsModal({
  dashboardId,
  pair,
  canRestore,
  onChange,
  onClose,
}: CompareVersionsModalProps) {
  const versions = useVersions(dashboardId, true);
  const from = useVersionSnapshot(dashboardId, pair.from);
  const to = useVersionSnapshot(dashboardId, pair.to);
  const diff = useVersionDiff(dashboardId, pair.from, pair.to);
  const restore = useRestoreWithNotice(dashboardId);
  const wide = useMediaQuery('(min-width: 80em)', true);
  const before = from.data?.snapshot;
  const after = to.data?.snapshot;
  const comparison = useMemo(() => (before && after ? compareVersions(before, after) : null), [before, after]);

  const items = versions.data?.items ?? [];
  const latest = items[0]?.version_number;
  const options = items.map((version) => ({
    value: String(version.version_number),
    label: `Version ${version.version_number}${version.change_summary ? ` · ${version.change_summary}` : ''}`,
  }));
  const select = (key: keyof VersionPair) => (value: string | null) => {
    if (value) onChange({ ...pair, [key]: Number(value) });
  };
  // After a restore, show the version restored beside the version the restore saved: no differences.
  const restoreSide = (versionNumber: number) => async () => {
    const saved = await restore.run(versionNumber);
    if (saved !== null) onChange({ from: versionNumber, to: saved });
  };
  const side = (which: 'before' | 'after') => {
    const versionNumber = which === 'before' ? pair.from : pair.to;
    return (
      <VersionSide
        side={which}
        versionNumber={versionNumber}
        version={which === 'before' ? from : to}
        comparison={comparison}
        current={versionNumber === latest}
        onRestore={
          canRestore && latest !== undefined && versionNumber !== latest ? restoreSide(versionNumber) : undefined
        }
        restoring={restore.restoring === versionNumber}
      />
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen
      zIndex={300}
      closeButtonProps={{ 'aria-label': 'Close the comparison' }}
      title={`Compare version ${pair.from} with version ${pair.to}`}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Stack gap="md">
        <Group gap="xs" align="flex-end">
          <Select
            label="From"
            data={options}
            value={String(pair.from)}
            onChange={select('from')}
            allowDeselect={false}
            searchable
            w={300}
            comboboxProps={{ zIndex: 400 }}
          />
          <Tooltip label="Swap the two versions">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Swap From and To"
              onClick={() => onChange({ from: pair.to, to: pair.from })}
            >
              <IconArrowsLeftRight size={18} />
            </ActionIcon>
          </Tooltip>
          <Select
            label="To"
            data={options}
            value={String(pair.to)}
            onChange={select('to')}
            allowDeselect={false}
            searchable
            w={300}
            comboboxProps={{ zIndex: 400 }}
          />
        </Group>
        <Box
          style={{
            display: 'grid',
            gap: 'var(--mantine-spacing-md)',
            alignItems: 'start',
            gridTemplateColumns: wide ? 'minmax(0, 1fr) minmax(0, 1fr) 320px' : 'minmax(0, 1fr) minmax(0, 1fr)',
          }}
        >
          {!wide && (
            <Box style={{ gridColumn: '1 / -1' }}>
              <ChangeList diff={diff} comparison={comparison} />
            </Box>
          )}
          {side('before')}
          {side('after')}
          {wide && (
            <Box style={{ position: 'sticky', top: 70 }}>
              <ChangeList diff={diff} comparison={comparison} />
            </Box>
          )}
        </Box>
      </Stack>
    </Modal>
  );
}
