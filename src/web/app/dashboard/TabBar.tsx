import { ActionIcon, Group, Menu, ScrollArea, Tabs, Tooltip } from '@mantine/core';
import { IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { Tab } from './use-dashboard';

/** Mantine names each tab `${TABS_ID}-tab-<value>` and points it at `${TABS_ID}-panel-<value>`. */
const TABS_ID = 'dashboard-tabs';

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
}

/** The dashboard's tabs (arrow keys move between them), with adding, renaming and deleting. */
export function TabBar({ tabs, activeId, editable, onSelect, onAdd, onRename, onDelete }: TabBarProps) {
  const active = tabs.find((t) => t.id === activeId);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      <ScrollArea type="auto" scrollbarSize={6} style={{ flex: 1, minWidth: 0 }}>
        <Tabs id={TABS_ID} value={activeId} onChange={(value) => value && onSelect(value)} activateTabWithKeyboard>
          <Tabs.List style={{ flexWrap: 'nowrap' }} aria-label="Dashboard tabs">
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.id} value={tab.id}>
                {tab.title}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      </ScrollArea>
      {editable && (
        <Group gap={4} pb={4} wrap="nowrap">
          <Tooltip label="Add a tab">
            <ActionIcon variant="subtle" aria-label="Add tab" onClick={onAdd}>
              <IconPlus size={18} />
            </ActionIcon>
          </Tooltip>
          {active && (
            <Menu position="bottom-end" withArrow>
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
                  color="red"
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
