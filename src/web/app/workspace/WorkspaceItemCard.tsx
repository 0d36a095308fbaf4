import { ActionIcon, Badge, Card, Code, Group, Menu, Spoiler, Text, Tooltip } from '@mantine/core';
import {
  IconChartBar,
  IconDots,
  IconEdit,
  IconFile,
  IconLayoutDashboard,
  IconNotes,
  IconReportAnalytics,
  IconTrash,
} from '@tabler/icons-react';
import type { ChartSpec } from '../../../shared/chart-spec';
import { ChartBody } from '../charts/ChartBody';
import { useSpecData } from '../charts/use-chart-data';
import { fullTime, timeAgo } from '../lib/format';
import { itemContent } from './item-content';
import type { WorkspaceItem, WorkspaceItemType } from './use-workspace';

export const ITEM_TYPE_LABELS: Record<WorkspaceItemType, string> = {
  chart: 'Chart',
  note: 'Note',
  analysis: 'Analysis',
  file: 'File',
};

const ICONS = { chart: IconChartBar, note: IconNotes, analysis: IconReportAnalytics, file: IconFile } as const;

interface WorkspaceItemCardProps {
  item: WorkspaceItem;
  onEdit: (item: WorkspaceItem) => void;
  onDelete: (item: WorkspaceItem) => void;
  /** Puts a saved chart on a dashboard. */
  onAddToDashboard: (item: WorkspaceItem) => void;
  onTag: (tag: string) => void;
}

/** One saved item: a chart drawn from its spec, a note as text; its tags filter the list. */
export function WorkspaceItemCard({ item, onEdit, onDelete, onAddToDashboard, onTag }: WorkspaceItemCardProps) {
  const Icon = ICONS[item.item_type];
  const { spec, text, other } = itemContent(item);
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-label={item.title}
      data-item-type={item.item_type}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" mb="xs">
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
          <Tooltip label={ITEM_TYPE_LABELS[item.item_type]}>
            <Icon size={18} aria-label={ITEM_TYPE_LABELS[item.item_type]} style={{ flexShrink: 0 }} />
          </Tooltip>
          <Text fw={600} component="h2" size="md" m={0} lineClamp={2}>
            {item.title}
          </Text>
        </Group>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${item.title}`}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconEdit size={14} />} onClick={() => onEdit(item)}>
              {item.item_type === 'note' || item.item_type === 'analysis' ? 'Edit' : 'Edit title and tags'}
            </Menu.Item>
            {item.item_type === 'chart' && spec !== null && (
              <Menu.Item leftSection={<IconLayoutDashboard size={14} />} onClick={() => onAddToDashboard(item)}>
                Add to dashboard
              </Menu.Item>
            )}
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => onDelete(item)}>
              Delete
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {item.item_type === 'chart' && spec ? <SavedChart title={item.title} spec={spec as ChartSpec} /> : null}
      {text && (
        <Spoiler maxHeight={item.item_type === 'chart' ? 48 : 160} showLabel="Show more" hideLabel="Show less" mt="xs">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {text}
          </Text>
        </Spoiler>
      )}
      {other && (
        <Spoiler maxHeight={120} showLabel="Show more" hideLabel="Show less" mt="xs">
          <Code block fz="xs">
            {other}
          </Code>
        </Spoiler>
      )}
      {!text && !other && !(item.item_type === 'chart' && spec) && (
        <Text size="sm" c="dimmed">
          {item.item_type === 'chart' ? 'This chart has no spec to draw.' : 'Nothing written here.'}
        </Text>
      )}
      <Group gap={6} mt="sm" justify="space-between">
        <Group gap={4}>
          {item.tags.map((tag) => (
            <Badge
              key={tag}
              variant="light"
              size="sm"
              tt="none"
              component="button"
              type="button"
              style={{ cursor: 'pointer' }}
              onClick={() => onTag(tag)}
              aria-label={`Show items tagged ${tag}`}
            >
              {tag}
            </Badge>
          ))}
        </Group>
        <Text size="xs" c="dimmed" title={fullTime(item.updated_at)}>
          {item.created_from_message_id ? 'Saved from a chat · ' : ''}
          {timeAgo(item.updated_at)}
        </Text>
      </Group>
    </Card>
  );
}

function SavedChart({ title, spec }: { title: string; spec: ChartSpec }) {
  const data = useSpecData(spec);
  return (
    <div style={{ height: 240 }} data-testid="workspace-chart">
      <ChartBody title={title} data={data.data} error={data.error} loading={data.isPending} />
    </div>
  );
}
