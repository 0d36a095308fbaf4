import type { EChartsOption, ScatterSeriesOption } from 'echarts';
import { asYAxis, categoryAxis, extent, gridFor, valueAxis } from './axes.js';
import type { ChartContext } from './chart-context.js';
import { columnData, valueFormatter } from './chart-context.js';
import { ChartDataError, listColumns } from './chart-data-error.js';
import { cellFormatter } from './formats.js';
import { frame } from './frame.js';
import { escapeHtml } from './html.js';
import { MAX_SERIES } from './series-table.js';
import { toNumber } from './values.js';

const MIN_BUBBLE = 6;
const MAX_BUBBLE = 40;

type Point = { value: [number | string, number, number | null]; symbolSize: number };

/**
 * Scatter: a dot per row at (x, y). A number x gets a value axis, anything else a category axis.
 * With `size`, dots become bubbles whose area follows the size column. With `series`, each value
 * gets its own colour (at most 20); with several y columns, each column does.
 */
export function scatterOption(ctx: ChartContext): EChartsOption {
  const { encoding, spec, warnings } = ctx;
  const { style } = spec;
  const yFields = encoding.y ?? [];
  if (encoding.x === undefined || !yFields.length) {
    throw new ChartDataError(
      `A scatter chart needs an x and a y column (columns: ${listColumns(ctx.data.columns)})`,
      encoding.x === undefined ? '/encoding/x' : '/encoding/y',
    );
  }
  const x = columnData(ctx, encoding.x);
  const numericX = x.kind === 'number';
  const xLabel = cellFormatter(x.kind, x.values, style.x_axis, ctx.locale, warnings);
  const xs = x.values.map((v) => (numericX ? toNumber(v) : xLabel(v)));
  const sizes = encoding.size === undefined ? undefined : columnData(ctx, encoding.size).values.map(toNumber);
  const bubble = bubbleScale(sizes ?? []);
  const groups = encoding.series === undefined ? undefined : columnData(ctx, encoding.series);
  const groupLabel = groups ? cellFormatter(groups.kind, groups.values, undefined, ctx.locale, warnings) : undefined;

  const byName = new Map<string, Point[]>();
  for (const field of yFields) {
    const ys = columnData(ctx, field).values.map(toNumber);
    ys.forEach((yValue, row) => {
      const xValue = xs[row];
      if (yValue === null || xValue === null || xValue === undefined) return;
      const group = groups && groupLabel ? groupLabel(groups.values[row]) : field;
      const name = groups && yFields.length > 1 ? `${group} · ${field}` : group;
      const size = sizes?.[row] ?? null;
      const points = byName.get(name) ?? [];
      points.push({ value: [xValue, yValue, size], symbolSize: sizes ? bubble(size) : 9 });
      byName.set(name, points);
    });
  }
  let names = [...byName.keys()];
  if (names.length > MAX_SERIES) {
    warnings.push(`Showing ${MAX_SERIES} of ${names.length} series (the largest); the others are left out`);
    const largest = new Set(
      [...names].sort((a, b) => (byName.get(b)?.length ?? 0) - (byName.get(a)?.length ?? 0)).slice(0, MAX_SERIES),
    );
    names = names.filter((n) => largest.has(n));
  }

  const formatX = valueFormatter(ctx, style.x_axis, [x.name]);
  const formatY = valueFormatter(ctx, style.y_axis, yFields);
  const sizeName = encoding.size;
  const series: ScatterSeriesOption[] = names.map((name) => ({
    type: 'scatter',
    name,
    data: byName.get(name) ?? [],
    itemStyle: { opacity: sizes ? 0.7 : 0.85 },
    label: {
      show: style.labels ?? false,
      position: 'top',
      color: ctx.theme.text,
      formatter: (p: { value?: unknown }) => formatY(pointY(p.value)),
    },
    tooltip: {
      formatter: (p: { seriesName?: string; value?: unknown }) => {
        const v = Array.isArray(p.value) ? p.value : [];
        const lines = [
          `<b>${escapeHtml(p.seriesName ?? '')}</b>`,
          `${escapeHtml(x.name)}: ${escapeHtml(typeof v[0] === 'number' ? formatX(v[0]) : String(v[0]))}`,
          `${escapeHtml(yFields.length === 1 ? (yFields[0] ?? '') : 'value')}: ${escapeHtml(formatY(pointY(v)))}`,
        ];
        if (sizeName !== undefined)
          lines.push(`${escapeHtml(sizeName)}: ${escapeHtml(formatY(typeof v[2] === 'number' ? v[2] : null))}`);
        return lines.join('<br/>');
      },
    },
  }));

  const { title, legend, area } = frame(ctx, series.length > 1);
  const allY = [...byName.values()].flat().map((p) => p.value[1]);
  const yAxis = valueAxis(ctx, style.y_axis, {
    format: (v) => formatY(v),
    vertical: true,
    sampleValues: extent(allY),
    ...(yFields.length === 1 && yFields[0] !== undefined ? { name: yFields[0] } : {}),
  });
  const xAxis = numericX
    ? valueAxis(ctx, style.x_axis, { format: (v) => formatX(v), vertical: false, name: x.name })
    : categoryAxis(ctx, [...new Set(xs.map(String))], style.x_axis ?? { title: x.name }, {
        vertical: false,
        boundaryGap: true,
      });
  if (numericX) Object.assign(xAxis, { scale: true });
  Object.assign(yAxis, { scale: true });

  const option: EChartsOption = {
    grid: gridFor(area),
    tooltip: { trigger: 'item' },
    xAxis,
    yAxis: asYAxis(yAxis),
    series,
  };
  if (title) option.title = title;
  if (legend) option.legend = legend;
  return option;
}

/** Bubble diameters from MIN to MAX with the area, not the width, following the size value. */
function bubbleScale(sizes: (number | null)[]): (size: number | null) => number {
  const roots = sizes.filter((s): s is number => s !== null).map((s) => Math.sqrt(Math.abs(s)));
  const [low = 0, high = 0] = extent(roots);
  return (size) => {
    if (size === null) return MIN_BUBBLE;
    if (high === low) return (MIN_BUBBLE + MAX_BUBBLE) / 2;
    return MIN_BUBBLE + ((Math.sqrt(Math.abs(size)) - low) / (high - low)) * (MAX_BUBBLE - MIN_BUBBLE);
  };
}

function pointY(value: unknown): number | null {
  const y = Array.isArray(value) ? value[1] : value;
  return typeof y === 'number' ? y : null;
}
