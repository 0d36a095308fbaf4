import 'react-grid-layout/css/styles.css';
import { Stack } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import ReactGridLayout, { type Layout, useContainerWidth } from 'react-grid-layout';
import { ChartCard, DRAG_HANDLE_CLASS, NO_DRAG_CLASS } from './ChartCard';
import { GRID_COLUMNS, layoutChanged, ROW_HEIGHT, type SavedLayout, tabLayout } from './layout';
import type { Chart } from './use-dashboard';

/** Below this width the charts are stacked in one column, in order, and cannot be dragged. */
const STACK_BELOW_PX = 720;

interface ChartGridProps {
  charts: Chart[];
  saved: SavedLayout;
  editable: boolean;
  onLayoutChange: (layout: Layout) => void;
  /** Each chart's menu. */
  menuFor?: (chart: Chart) => ReactNode;
}

/** A tab's charts on a 12-column grid: dragged by their title bar, resized from the corner. */
export function ChartGrid({ charts, saved, editable, onLayoutChange, menuFor }: ChartGridProps) {
  const { width, containerRef, mounted } = useContainerWidth();
  const layout = useMemo(
    () =>
      tabLayout(
        charts.map((c) => c.id),
        saved,
      ),
    [charts, saved],
  );
  const commit = (next: Layout) => {
    if (layoutChanged(next, saved)) onLayoutChange(next);
  };
  const stacked = mounted && width < STACK_BELOW_PX;

  return (
    <div ref={containerRef} data-testid="chart-grid">
      {stacked ? (
        <Stack gap="sm">
          {charts.map((chart) => (
            <div key={chart.id} style={{ height: 360 }}>
              <ChartCard chart={chart} draggable={false} menu={menuFor?.(chart)} />
            </div>
          ))}
        </Stack>
      ) : (
        mounted && (
          <ReactGridLayout
            width={width}
            layout={layout}
            gridConfig={{ cols: GRID_COLUMNS, rowHeight: ROW_HEIGHT, margin: [12, 12], containerPadding: [0, 0] }}
            dragConfig={{ enabled: editable, handle: `.${DRAG_HANDLE_CLASS}`, cancel: `.${NO_DRAG_CLASS}` }}
            resizeConfig={{ enabled: editable, handles: ['se'] }}
            onDragStop={(next) => commit(next)}
            onResizeStop={(next) => commit(next)}
          >
            {charts.map((chart) => (
              <div key={chart.id}>
                <ChartCard chart={chart} draggable={editable} menu={menuFor?.(chart)} />
              </div>
            ))}
          </ReactGridLayout>
        )
      )}
    </div>
  );
}
