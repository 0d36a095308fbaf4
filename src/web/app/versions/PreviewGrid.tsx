import 'react-grid-layout/css/styles.css';
import { Stack } from '@mantine/core';
import { useMemo } from 'react';
import ReactGridLayout, { useContainerWidth } from 'react-grid-layout';
import { GRID_COLUMNS, type SavedLayout, tabLayout } from '../dashboard/layout';
import type { SnapshotChart, VersionComparison } from './compare-versions';
import type { Side } from './marks';
import { PreviewChart } from './PreviewChart';

// The dashboard's grid, about half the size: each side of the comparison is half the screen.
const ROW_HEIGHT = 22;
const STACK_BELOW_PX = 360;

interface PreviewGridProps {
  charts: SnapshotChart[];
  saved: SavedLayout;
  comparison: VersionComparison | null;
  side: Side;
}

/** A tab's charts where that version had them, on a grid that cannot be dragged. */
export function PreviewGrid({ charts, saved, comparison, side }: PreviewGridProps) {
  const { width, containerRef, mounted } = useContainerWidth();
  const layout = useMemo(
    () =>
      tabLayout(
        charts.map((c) => c.id),
        saved,
      ),
    [charts, saved],
  );
  const card = (chart: SnapshotChart) => (
    <PreviewChart chart={chart} comparison={comparison?.charts.get(chart.id)} side={side} />
  );

  return (
    <div ref={containerRef}>
      {mounted && width < STACK_BELOW_PX ? (
        <Stack gap="xs">
          {charts.map((chart) => (
            <div key={chart.id} style={{ height: 200 }}>
              {card(chart)}
            </div>
          ))}
        </Stack>
      ) : (
        mounted && (
          <ReactGridLayout
            width={width}
            layout={layout}
            gridConfig={{ cols: GRID_COLUMNS, rowHeight: ROW_HEIGHT, margin: [8, 8], containerPadding: [0, 0] }}
            dragConfig={{ enabled: false }}
            resizeConfig={{ enabled: false }}
          >
            {charts.map((chart) => (
              <div key={chart.id}>{card(chart)}</div>
            ))}
          </ReactGridLayout>
        )
      )}
    </div>
  );
}
