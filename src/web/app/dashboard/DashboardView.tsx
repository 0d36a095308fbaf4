import { Stack } from '@mantine/core';
import { useState } from 'react';
import type { Layout } from 'react-grid-layout';
import { ChartGrid } from './ChartGrid';
import { DeleteTabModal } from './DeleteTabModal';
import { EmptyTab } from './EmptyTab';
import { savedLayout, settingsWithLayout } from './layout';
import { TabBar, tabPanelProps } from './TabBar';
import { TabTitleModal } from './TabTitleModal';
import { type Dashboard, type Tab, useDashboardActions } from './use-dashboard';

interface DashboardViewProps {
  dashboard: Dashboard;
  activeTabId: string | null;
  onSelectTab: (tabId: string) => void;
}

/** The dashboard's tabs and the active tab's charts, with the tab dialogs. */
export function DashboardView({ dashboard, activeTabId, onSelectTab }: DashboardViewProps) {
  const actions = useDashboardActions(dashboard);
  const editable = dashboard.abilities.can_edit;
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<Tab | null>(null);
  const [deleting, setDeleting] = useState<Tab | null>(null);
  const active = dashboard.tabs.find((t) => t.id === activeTabId) ?? dashboard.tabs[0] ?? null;
  const saved = savedLayout(dashboard.settings);

  const saveLayout = (layout: Layout) => {
    const chartIds = new Set(dashboard.tabs.flatMap((t) => t.charts.map((c) => c.id)));
    actions.saveSettings.mutate(settingsWithLayout(dashboard.settings, layout, chartIds));
  };

  return (
    <Stack gap="md">
      <TabBar
        tabs={dashboard.tabs}
        activeId={active?.id ?? null}
        editable={editable}
        onSelect={onSelectTab}
        onAdd={() => setAdding(true)}
        onRename={setRenaming}
        onDelete={setDeleting}
      />
      <div {...(active ? tabPanelProps(active.id) : {})}>
        {active && active.charts.length > 0 ? (
          <ChartGrid charts={active.charts} saved={saved} editable={editable} onLayoutChange={saveLayout} />
        ) : (
          <EmptyTab editable={editable} />
        )}
      </div>
      <TabTitleModal
        opened={adding}
        heading="New tab"
        action="Add tab"
        onClose={() => setAdding(false)}
        onSubmit={async (title) => {
          const tab = await actions.addTab.mutateAsync(title);
          onSelectTab(tab.id);
        }}
      />
      <TabTitleModal
        opened={renaming !== null}
        heading="Rename tab"
        action="Rename"
        initialTitle={renaming?.title ?? ''}
        onClose={() => setRenaming(null)}
        onSubmit={(title) => (renaming ? actions.renameTab.mutateAsync({ tab: renaming, title }) : Promise.resolve())}
      />
      <DeleteTabModal
        tab={deleting}
        deleting={actions.deleteTab.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={(tab) =>
          actions.deleteTab.mutate(tab, {
            onSuccess: () => {
              setDeleting(null);
              const next = dashboard.tabs.find((t) => t.id !== tab.id);
              if (next) onSelectTab(next.id);
            },
          })
        }
      />
    </Stack>
  );
}
