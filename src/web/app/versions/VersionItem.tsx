import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowsDiff, IconRobot, IconUser } from '@tabler/icons-react';
import { fullTime, timeAgo } from '../lib/format';
import { assistantProvenance, type VersionSummary } from './use-versions';

interface VersionItemProps {
  version: VersionSummary;
  current: boolean;
  canRestore: boolean;
  restoring: boolean;
  onRestore: (version: VersionSummary) => void;
  /** Compares this version with the one before it (absent for the first version). */
  onCompare?: (() => void) | undefined;
  previousNumber?: number | undefined;
}

/** One version in the history: what changed, who (a person or the assistant, with its prompt), when. */
export function VersionItem({
  version,
  current,
  canRestore,
  restoring,
  onRestore,
  onCompare,
  previousNumber,
}: VersionItemProps) {
  const assistant = assistantProvenance(version);
  const who = assistant ? 'Assistant' : (version.created_by?.display_name ?? 'Someone');
  return (
    <Paper withBorder p="sm" radius="md" component="li" aria-label={`Version ${version.version_number}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap={6}>
            <Text fw={600} size="sm">
              Version {version.version_number}
            </Text>
            {current && (
              <Badge size="xs" variant="light">
                Current
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed" title={fullTime(version.created_at)}>
            {timeAgo(version.created_at)}
          </Text>
        </Group>
        <Text size="sm">{version.change_summary ?? 'Changed'}</Text>
        <Group gap={6}>
          <Badge
            size="sm"
            variant={assistant ? 'light' : 'default'}
            color={assistant ? 'violet' : 'gray'}
            leftSection={assistant ? <IconRobot size={12} /> : <IconUser size={12} />}
          >
            {who}
          </Badge>
          {assistant?.model && (
            <Text size="xs" c="dimmed">
              {assistant.model.provider}/{assistant.model.model_id}
              {assistant.agent ? ` · ${assistant.agent.name}` : ''}
            </Text>
          )}
        </Group>
        {assistant?.prompt && (
          <Text size="xs" c="dimmed" fs="italic" lineClamp={3}>
            “{assistant.prompt}”
          </Text>
        )}
        {(onCompare || (canRestore && !current)) && (
          <Group justify="flex-end" gap="xs">
            {onCompare && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconArrowsDiff size={14} />}
                onClick={onCompare}
                aria-label={`Compare version ${previousNumber} with version ${version.version_number}`}
              >
                Compare
              </Button>
            )}
            {canRestore && !current && (
              <Button
                size="xs"
                variant="light"
                loading={restoring}
                onClick={() => onRestore(version)}
                aria-label={`Restore version ${version.version_number}`}
              >
                Restore
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
