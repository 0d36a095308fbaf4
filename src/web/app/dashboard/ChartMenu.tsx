import { ActionIcon, Menu } from '@mantine/core';
import {
  IconArrowsMaximize,
  IconArrowsRightLeft,
  IconCopy,
  IconDots,
  IconFileTypeCsv,
  IconFileTypePng,
  IconFileTypeSvg,
  IconLayoutDashboard,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { MAX_CHARTS_PER_TAB, type useChartActions } from './use-chart-actions';
import type { Chart, Dashboard } from './use-dashboard';

/**
 * A red menu item with the contrast WCAG asks for: Mantine's red is too light on white (3.3:1), so
 * a darker red in the light theme and a lighter one in the dark theme.
 */
export const DANGER_ITEM_STYLE: CSSProperties = {
  color: 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))',
};

interface ChartMenuProps {
  chart: Chart;
  dashboard: Dashboard;
  actions: ReturnType<typeof useChartActions>;
  onEdit: (chart: Chart) => void;
  onFullScreen: (chart: Chart) => void;
  onDelete: (chart: Chart) => void;
  /** Opens the dialog that moves the chart to another dashboard. */
  onMoveElsewhere: (chart: Chart) => void;
}

/** The ⋯ menu in a chart's title bar: viewers get full screen and the downloads, editors the rest too. */
export function ChartMenu({
  chart,
  dashboard,
  actions,
  onEdit,
  onFullScreen,
  onDelete,
  onMoveElsewhere,
}: ChartMenuProps) {
  const editable = dashboard.abilities.can_edit;
  const ownTab = dashboard.tabs.find((t) => t.id === chart.tab_id);
  const otherTabs = dashboard.tabs.filter((t) => t.id !== chart.tab_id);
  const tabFull = (ownTab?.charts.length ?? 0) >= MAX_CHARTS_PER_TAB;

  return (
    <Menu position="bottom-end" withArrow withinPortal shadow="md" width={220} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Chart actions: ${chart.title}`}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {editable && (
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onEdit(chart)}>
            Edit chart
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconArrowsMaximize size={16} />} onClick={() => onFullScreen(chart)}>
          Full screen
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconFileTypePng size={16} />} onClick={() => void actions.download(chart, 'png')}>
          Download PNG
        </Menu.Item>
        <Menu.Item leftSection={<IconFileTypeSvg size={16} />} onClick={() => void actions.download(chart, 'svg')}>
          Download SVG
        </Menu.Item>
        <Menu.Item leftSection={<IconFileTypeCsv size={16} />} onClick={() => void actions.download(chart, 'csv')}>
          Download data (CSV)
        </Menu.Item>
        {editable && (
          <>
            <Menu.Divider />
            <Menu.Item
              leftSection={<IconCopy size={16} />}
              disabled={tabFull}
              title={tabFull ? `This tab already has ${MAX_CHARTS_PER_TAB} charts, the most a tab holds` : undefined}
              onClick={() => actions.duplicate.mutate(chart)}
            >
              {tabFull ? 'Duplicate (tab is full)' : 'Duplicate'}
            </Menu.Item>
            {otherTabs.length > 0 && (
              <Menu.Sub position="left-start">
                <Menu.Sub.Target>
                  <Menu.Sub.Item leftSection={<IconArrowsRightLeft size={16} />}>Move to tab</Menu.Sub.Item>
                </Menu.Sub.Target>
                <Menu.Sub.Dropdown>
                  {otherTabs.map((tab) => {
                    const full = tab.charts.length >= MAX_CHARTS_PER_TAB;
                    return (
                      <Menu.Item key={tab.id} disabled={full} onClick={() => actions.move.mutate({ chart, tab })}>
                        {full ? `${tab.title} (full)` : tab.title}
                      </Menu.Item>
                    );
                  })}
                </Menu.Sub.Dropdown>
              </Menu.Sub>
            )}
            <Menu.Item leftSection={<IconLayoutDashboard size={16} />} onClick={() => onMoveElsewhere(chart)}>
              Move to another dashboard…
            </Menu.Item>
            <Menu.Item style={DANGER_ITEM_STYLE} leftSection={<IconTrash size={16} />} onClick={() => onDelete(chart)}>
              Delete chart
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
