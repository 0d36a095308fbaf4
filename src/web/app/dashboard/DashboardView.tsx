import { Stack } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { Layout } from 'react-grid-layout';
import { AddChartButton } from './AddChartButton';
import { ChartFullScreenModal } from './ChartFullScreenModal';
import { ChartGrid } from './ChartGrid';
import { ChartMenu } from './ChartMenu';
import { DeleteChartModal } from './DeleteChartModal';
import { DeleteTabModal } from './DeleteTabModal';
import { EmptyTab } from './EmptyTab';
import { savedLayout, settingsWithLayout } from './layout';
import { MoveChartModal } from './MoveChartModal';
import { TabBar, tabPanelProps } from './TabBar';
import { TabTitleModal } from './TabTitleModal';
import { useChartActions } from './use-chart-actions';
import { type Chart, type Dashboard, type Tab, useDashboardActions } from './use-dashboard';

// The chart editor (dataset fields, preview) loads when it is first opened.
const ChartEditorModal = lazy(() => import('../chart-editor/ChartEditorModal'));

interface DashboardViewProps {
  dashboard: Dashboard;
  activeTabId: string | null;
  onSelectTab: (tabId: string) => void;
}

/** The chart the editor is open for: a saved one, or a new one (chart null) on a tab. */
type Editing = { tabId: string; chart: Chart | null };

/** The dashboard's tabs and the active tab's charts, with the tab and chart dialogs. */
export function DashboardView({ dashboard, activeTabId, onSelectTab }: DashboardViewProps) {
  const actions = useDashboardActions(dashboard);
  const chartActions = useChartActions(dashboard);
  const editable = dashboard.abilities.can_edit;
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<Tab | null>(null);
  const [deleting, setDeleting] = useState<Tab | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [fullScreen, setFullScreen] = useState<Chart | null>(null);
  const [deletingChart, setDeletingChart] = useState<Chart | null>(null);
  const [movingChart, setMovingChart] = useState<Chart | null>(null);
  const active = dashboard.tabs.find((t) => t.id === activeTabId) ?? dashboard.tabs[0] ?? null;
  const saved = savedLayout(dashboard.settings);

  const saveLayout = (layout: Layout) => {
    const chartIds = new Set(dashboard.tabs.flatMap((t) => t.charts.map((c) => c.id)));
    actions.saveSettings.mutate(settingsWithLayout(dashboard.settings, layout, chartIds));
  };
  const addChart = () => active && setEditing({ tabId: active.id, chart: null });

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
        onReorder={(ids) => actions.reorderTabs.mutate(ids)}
        extra={
          active && (
            <AddChartButton chartCount={active.charts.length} onAdd={addChart} size="xs" variant="light" mr={4} />
          )
        }
      />
      <div {...(active ? tabPanelProps(active.id) : {})}>
        {active && active.charts.length > 0 ? (
          <ChartGrid
            charts={active.charts}
            saved={saved}
            editable={editable}
            onLayoutChange={saveLayout}
            menuFor={(chart) => (
              <ChartMenu
                chart={chart}
                dashboard={dashboard}
                actions={chartActions}
                onEdit={(c) => setEditing({ tabId: c.tab_id, chart: c })}
                onFullScreen={setFullScreen}
                onDelete={setDeletingChart}
                onMoveElsewhere={setMovingChart}
              />
            )}
          />
        ) : (
          <EmptyTab editable={editable} onAddChart={addChart} />
        )}
      </div>
      <ChartFullScreenModal chart={fullScreen} onClose={() => setFullScreen(null)} />
      {editable && <MoveChartModal chart={movingChart} source={dashboard} onClose={() => setMovingChart(null)} />}
      <DeleteChartModal
        chart={deletingChart}
        deleting={chartActions.remove.isPending}
        onClose={() => setDeletingChart(null)}
        onConfirm={(chart) => chartActions.remove.mutate(chart, { onSuccess: () => setDeletingChart(null) })}
      />
      {editing && (
        <Suspense fallback={null}>
          <ChartEditorModal
            dashboard={dashboard}
            tabId={editing.tabId}
            chart={editing.chart}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      )}
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
