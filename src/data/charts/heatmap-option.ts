import type { EChartsOption, HeatmapSeriesOption } from 'echarts';
import { asYAxis, categoryAxis, extent, gridFor } from './axes.js';
import type { ChartContext } from './chart-context.js';
import { columnData, timeGrainOf, valueFormatter } from './chart-context.js';
import { ChartDataError, listColumns } from './chart-data-error.js';
import { cellFormatter } from './formats.js';
import { frame } from './frame.js';
import { toNumber } from './values.js';

/** Below this many cells their values are written in them unless the style says otherwise. */
const LABELLED_CELLS = 60;
/** Room under the grid for the colour scale. */
const SCALE_HEIGHT = 44;

/**
 * Heatmap: x values across, series values down, each cell coloured by the first y column on a
 * ramp from the background to the palette's first colour. Rows meeting in one cell are added.
 * Without a series column there is a single row, named after the y column.
 */
export function heatmapOption(ctx: ChartContext): EChartsOption {
  const { encoding, spec, warnings } = ctx;
  const field = encoding.y?.[0];
  if (encoding.x === undefined || field === undefined) {
    throw new ChartDataError(
      `A heatmap needs an x column and a number column (columns: ${listColumns(ctx.data.columns)})`,
      encoding.x === undefined ? '/encoding/x' : '/encoding/y',
    );
  }
  const x = columnData(ctx, encoding.x);
  const xLabel = cellFormatter(x.kind, x.values, spec.style.x_axis, ctx.locale, warnings, timeGrainOf(ctx, x.name));
  const rowsColumn = encoding.series === undefined ? undefined : columnData(ctx, encoding.series);
  const rowLabel = rowsColumn
    ? cellFormatter(
        rowsColumn.kind,
        rowsColumn.values,
        spec.style.y_axis,
        ctx.locale,
        warnings,
        timeGrainOf(ctx, rowsColumn.name),
      )
    : () => field;
  const values = columnData(ctx, field).values.map(toNumber);

  const columns = new IndexOf();
  const rows = new IndexOf();
  const cells = new Map<string, [number, number, number | null]>();
  values.forEach((value, r) => {
    const cx = columns.of(xLabel(x.values[r]));
    const cy = rows.of(rowLabel(rowsColumn?.values[r]));
    const key = `${cx},${cy}`;
    const before = cells.get(key)?.[2] ?? null;
    cells.set(key, [cx, cy, before === null ? value : before + (value ?? 0)]);
  });

  const format = valueFormatter(ctx, spec.style.y_axis, [field]);
  const [min = 0, max = 0] = extent([...cells.values()].map((c) => c[2]));
  const { title, legend, area } = frame(ctx, false);
  const series: HeatmapSeriesOption = {
    type: 'heatmap',
    name: field,
    data: [...cells.values()],
    label: {
      show: spec.style.labels ?? cells.size <= LABELLED_CELLS,
      color: ctx.theme.text,
      formatter: (p: { value?: unknown }) =>
        format(Array.isArray(p.value) && typeof p.value[2] === 'number' ? p.value[2] : null),
    },
    itemStyle: { borderColor: ctx.theme.mode === 'dark' ? ctx.theme.background : '#ffffff', borderWidth: 1 },
    tooltip: { valueFormatter: (v) => format(typeof v === 'number' ? v : null) },
  };
  const option: EChartsOption = {
    grid: gridFor({ ...area, bottom: area.bottom + SCALE_HEIGHT }),
    tooltip: { trigger: 'item' },
    xAxis: categoryAxis(ctx, columns.names, spec.style.x_axis, { vertical: false, boundaryGap: true }),
    yAxis: asYAxis(categoryAxis(ctx, rows.names, spec.style.y_axis, { vertical: true, boundaryGap: true })),
    visualMap: {
      type: 'continuous',
      min,
      max: max === min ? min + 1 : max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: area.bottom - 8,
      itemHeight: 160,
      itemWidth: 12,
      inRange: { color: [ctx.theme.heatmapLow, ctx.colors[0] ?? '#3b6fd8'] },
      textStyle: { color: ctx.theme.mutedText },
      formatter: (value: unknown) => format(typeof value === 'number' ? value : null),
    },
    series: [series],
  };
  if (title) option.title = title;
  if (legend) option.legend = legend;
  return option;
}

/** Distinct labels in order of first appearance, each with its position. */
class IndexOf {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();

  of(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(name, i);
      this.names.push(name);
    }
    return i;
  }
}
