import type { BarSeriesOption, EChartsOption, LineSeriesOption } from 'echarts';
import { type AxisOption, asYAxis, categoryAxis, extent, gridFor, valueAxis } from './axes.js';
import { type ChartContext, valueFormatter } from './chart-context.js';
import { ChartDataError, listColumns } from './chart-data-error.js';
import { frame } from './frame.js';
import { groupOtherCategories, type SeriesColumn, seriesTable, toPercentOfCategory } from './series-table.js';

/** Above this many points a line is drawn from a shape-keeping sample (LTTB) of them. */
const SAMPLING_THRESHOLD = 2000;
/** Above this many points, dots on a line are clutter. */
const SYMBOL_THRESHOLD = 60;

type StackMode = 'none' | 'stacked' | 'percent';

/**
 * Line, area, bar, stacked bar and combo charts: categories along x, one series per y column
 * (per series value when split). Combo draws y as bars and y2 as lines on a second axis.
 */
export function cartesianOption(ctx: ChartContext): EChartsOption {
  const { spec, encoding, warnings } = ctx;
  const { style } = spec;
  const type = spec.type;
  const y = encoding.y ?? [];
  const y2 = type === 'combo' ? (encoding.y2 ?? []) : [];
  if (!y.length && !y2.length) {
    throw new ChartDataError(
      `There is no number column to draw; name one in encoding.y (columns: ${listColumns(ctx.data.columns)})`,
      '/encoding/y',
    );
  }

  const isBar = type === 'bar' || type === 'stacked_bar';
  let table = seriesTable(ctx, [...y, ...y2]);
  if (isBar) table = groupOtherCategories(table, warnings);
  const stack = stackMode(ctx);
  const onSecondAxis = (s: SeriesColumn) => y2.includes(s.field);
  const stacked = table.series.filter((s) => !onSecondAxis(s));
  const drawn =
    stack === 'percent' ? [...toPercentOfCategory(stacked), ...table.series.filter(onSecondAxis)] : table.series;

  const horizontal = isBar && style.orientation === 'horizontal';
  const formatY = valueFormatter(ctx, style.y_axis, y);
  const formatY2 = valueFormatter(ctx, style.y2_axis, y2);
  const rowCount = table.categories.length;
  if ((type === 'line' || type === 'area') && rowCount > SAMPLING_THRESHOLD) {
    warnings.push(`${rowCount} points: the line is drawn from a sample of them that keeps its shape`);
  }

  const series = drawn.map((s) => {
    const second = onSecondAxis(s);
    const format = stack === 'percent' && !second ? percentText : second ? formatY2 : formatY;
    return seriesOption(ctx, s, { second, stacked: stack !== 'none' && !second, horizontal, format, rowCount });
  });

  const { title, legend, area } = frame(ctx, series.length > 1);
  const single = (fields: string[]) => (fields.length === 1 && !encoding.series ? fields[0] : undefined);
  const primaryValues = drawn.filter((s) => !onSecondAxis(s)).flatMap((s) => s.values);
  const valueAxisOption = valueAxis(ctx, style.y_axis, {
    format: (v) => formatY(v),
    vertical: !horizontal,
    percent: stack === 'percent',
    sampleValues: extent(primaryValues),
    ...optionalName(single(y)),
  });
  const categories = categoryAxis(ctx, table.categories, style.x_axis, {
    vertical: horizontal,
    boundaryGap: isBar || type === 'combo',
  });

  const yAxes: AxisOption[] = [valueAxisOption];
  if (y2.length) {
    const secondAxis = valueAxis(ctx, style.y2_axis, {
      format: (v) => formatY2(v),
      vertical: true,
      sampleValues: extent(drawn.filter(onSecondAxis).flatMap((s) => s.values)),
      ...optionalName(single(y2)),
    });
    yAxes.push({ ...secondAxis, splitLine: { show: false } } as AxisOption);
  }

  const option: EChartsOption = {
    grid: gridFor(area),
    tooltip: { trigger: 'axis', axisPointer: { type: isBar || type === 'combo' ? 'shadow' : 'line' } },
    xAxis: horizontal ? valueAxisOption : categories,
    // A horizontal bar chart swaps the axes; both shapes fit either place.
    yAxis: (horizontal ? [categories] : yAxes).map(asYAxis),
    series,
  };
  if (title) option.title = title;
  if (legend) option.legend = legend;
  return option;
}

function stackMode(ctx: ChartContext): StackMode {
  const { type, style } = ctx.spec;
  if (type === 'stacked_bar') return style.stack === 'percent' ? 'percent' : 'stacked';
  // Stacked lines read as crossing lines, so only bars and areas stack.
  if (type === 'bar' || type === 'area' || type === 'combo') return style.stack ?? 'none';
  return 'none';
}

function seriesOption(
  ctx: ChartContext,
  s: SeriesColumn,
  how: {
    second: boolean;
    stacked: boolean;
    horizontal: boolean;
    format: (v: number | null) => string;
    rowCount: number;
  },
): BarSeriesOption | LineSeriesOption {
  const { type, style } = ctx.spec;
  const valueFormatter = (value: unknown) => how.format(typeof value === 'number' ? value : null);
  const label = {
    show: style.labels ?? false,
    color: ctx.theme.text,
    position: how.stacked ? 'inside' : how.horizontal ? 'right' : 'top',
    formatter: (p: { value?: unknown }) => valueFormatter(p.value),
  } as const;
  const common = { name: s.name, data: s.values, tooltip: { valueFormatter }, emphasis: { focus: 'series' as const } };

  const asLine = type === 'line' || type === 'area' || how.second;
  if (!asLine) {
    const bar: BarSeriesOption = { ...common, type: 'bar', label, barMaxWidth: 48 };
    if (how.stacked) bar.stack = 'total';
    return bar;
  }
  const line: LineSeriesOption = {
    ...common,
    type: 'line',
    label,
    smooth: style.smooth ?? false,
    showSymbol: how.rowCount <= SYMBOL_THRESHOLD,
    symbolSize: 6,
    lineStyle: { width: 2 },
  };
  if (how.rowCount > SAMPLING_THRESHOLD) line.sampling = 'lttb';
  if (type === 'area') line.areaStyle = { opacity: how.stacked ? 0.55 : 0.2 };
  if (how.stacked) line.stack = 'total';
  if (how.second) line.yAxisIndex = 1;
  return line;
}

function percentText(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)}%`;
}

/** `{ name }` when there is one; exactOptionalPropertyTypes forbids `name: undefined`. */
function optionalName(name: string | undefined): { name?: string } {
  return name === undefined ? {} : { name };
}
