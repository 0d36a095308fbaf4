import { ActionIcon, Group, Menu, ScrollArea, Tabs, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { type DragEvent, type ReactNode, useState } from 'react';
import { DANGER_ITEM_STYLE } from './ChartMenu';
import { dropOrder, moveId } from './tab-order';
import type { Tab } from './use-dashboard';

/** Mantine names each tab `${TABS_ID}-tab-<value>` and points it at `${TABS_ID}-panel-<value>`. */
const TABS_ID = 'dashboard-tabs';

/** The drag's payload type: only tabs of this bar are dropped on it. */
const TAB_DRAG_TYPE = 'application/x-ocp-tab';

/** The id and labels of the panel the active tab controls (the dashboard renders it, under the bar). */
export function tabPanelProps(tabId: string) {
  return { id: `${TABS_ID}-panel-${tabId}`, role: 'tabpanel', 'aria-labelledby': `${TABS_ID}-tab-${tabId}` } as const;
}

interface TabBarProps {
  tabs: Tab[];
  activeId: string | null;
  editable: boolean;
  onSelect: (tabId: string) => void;
  onAdd: () => void;
  onRename: (tab: Tab) => void;
  onDelete: (tab: Tab) => void;
  /** Saves a new order of the tabs (every id). */
  onReorder: (ids: string[]) => void;
  /** Shown before the tab buttons, for editors (the Add chart button). */
  extra?: ReactNode;
}

type DropTarget = { id: string; side: 'before' | 'after' };

/**
 * The dashboard's tabs (arrow keys move between them), with adding, renaming, deleting and
 * reordering: by dragging a tab, or with Move left / Move right in the tab's menu (keyboard).
 */
export function TabBar({
  tabs,
  activeId,
  editable,
  onSelect,
  onAdd,
  onRename,
  onDelete,
  onReorder,
  extra,
}: TabBarProps) {
  const active = tabs.find((t) => t.id === activeId);
  const activeIndex = active ? tabs.indexOf(active) : -1;
  const ids = tabs.map((t) => t.id);
  const [dragged, setDragged] = useState<string | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);
  const reorderable = editable && tabs.length > 1;

  const dragProps = (tab: Tab) =>
    reorderable
      ? {
          draggable: true,
          'data-tab-id': tab.id,
          onDragStart: (event: DragEvent<HTMLButtonElement>) => {
            event.dataTransfer.setData(TAB_DRAG_TYPE, tab.id);
            event.dataTransfer.effectAllowed = 'move';
            setDragged(tab.id);
          },
          onDragOver: (event: DragEvent<HTMLButtonElement>) => {
            if (!dragged || dragged === tab.id) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            const box = event.currentTarget.getBoundingClientRect();
            const side = event.clientX < box.left + box.width / 2 ? 'before' : 'after';
            setTarget((old) => (old?.id === tab.id && old.side === side ? old : { id: tab.id, side }));
          },
          onDragLeave: () => setTarget((old) => (old?.id === tab.id ? null : old)),
          onDrop: (event: DragEvent<HTMLButtonElement>) => {
            event.preventDefault();
            const from = event.dataTransfer.getData(TAB_DRAG_TYPE) || dragged;
            const side = target?.id === tab.id ? target.side : 'before';
            const next = from ? dropOrder(ids, from, tab.id, side) : null;
            if (next) onReorder(next);
            setDragged(null);
            setTarget(null);
          },
          onDragEnd: () => {
            setDragged(null);
            setTarget(null);
          },
          style: {
            cursor: 'grab',
            opacity: dragged === tab.id ? 0.5 : 1,
            // Where the tab will land: a bar on the side it is dropped on.
            boxShadow:
              target?.id === tab.id
                ? `inset ${target.side === 'before' ? '3px' : '-3px'} 0 0 var(--mantine-primary-color-filled)`
                : undefined,
          },
        }
      : {};

  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <ScrollArea type="auto" scrollbarSize={6} style={{ flex: 1, minWidth: 0 }}>
        <Tabs id={TABS_ID} value={activeId} onChange={(value) => value && onSelect(value)} activateTabWithKeyboard>
          <Tabs.List style={{ flexWrap: 'nowrap' }} aria-label="Dashboard tabs">
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.id} value={tab.id} {...dragProps(tab)}>
                {tab.title}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      </ScrollArea>
      {editable && (
        <Group gap={4} pb={4} wrap="nowrap">
          {extra}
          <Tooltip label="Add a tab">
            <ActionIcon variant="subtle" aria-label="Add tab" onClick={onAdd}>
              <IconPlus size={18} />
            </ActionIcon>
          </Tooltip>
          {active && (
            <Menu position="bottom-end" withArrow withInitialFocusPlaceholder={false}>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={`Actions for tab ${active.title}`}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onRename(active)}>
                  Rename tab
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconArrowLeft size={16} />}
                  disabled={activeIndex <= 0}
                  onClick={() => onReorder(moveId(ids, activeIndex, activeIndex - 1))}
                >
                  Move left
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconArrowRight size={16} />}
                  disabled={activeIndex < 0 || activeIndex >= tabs.length - 1}
                  onClick={() => onReorder(moveId(ids, activeIndex, activeIndex + 1))}
                >
                  Move right
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item
                  style={DANGER_ITEM_STYLE}
                  leftSection={<IconTrash size={16} />}
                  disabled={tabs.length === 1}
                  onClick={() => onDelete(active)}
                >
                  Delete tab
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      )}
    </Group>
  );
}
