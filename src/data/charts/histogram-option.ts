import type { BarSeriesOption, EChartsOption } from 'echarts';
import { asYAxis, categoryAxis, extent, gridFor, valueAxis } from './axes.js';
import type { ChartContext } from './chart-context.js';
import { columnData } from './chart-context.js';
import { ChartDataError } from './chart-data-error.js';
import { numberFormatter } from './formats.js';
import { frame } from './frame.js';
import { toNumber } from './values.js';

/** One bin: its range (the last includes its upper end) and how many values fell in it. */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

/**
 * Equal-width bins from the smallest to the largest value. Without a count, Sturges' rule:
 * ⌈log2 n⌉ + 1, which suits the few hundred to few thousand rows charts usually get.
 */
export function binValues(values: number[], binCount?: number): Bin[] {
  if (!values.length) return [];
  const [min = 0, max = 0] = extent(values);
  const count = binCount ?? Math.ceil(Math.log2(values.length)) + 1;
  // All values equal: one bin around them, since a width of zero would divide by zero.
  if (min === max) return [{ from: min, to: max, count: values.length }];
  const width = (max - min) / count;
  const bins = Array.from({ length: count }, (_, i) => ({
    from: min + i * width,
    to: min + (i + 1) * width,
    count: 0,
  }));
  for (const v of values) {
    const bin = bins[Math.min(count - 1, Math.floor((v - min) / width))];
    if (bin) bin.count++;
  }
  return bins;
}

/** Histogram: how many rows fall in each range of the x column's numbers, as bars. */
export function histogramOption(ctx: ChartContext): EChartsOption {
  const { encoding, spec, warnings } = ctx;
  const field = encoding.x;
  const values = field === undefined ? [] : columnData(ctx, field).values.map(toNumber);
  const numbers = values.filter((v): v is number => v !== null);
  if (field === undefined || !numbers.length) {
    throw new ChartDataError(
      `A histogram counts the numbers of one column; ${field === undefined ? 'there is none' : `"${field}" has none`}`,
      '/encoding/x',
    );
  }
  if (numbers.length < values.length) warnings.push(`${values.length - numbers.length} empty values are not counted`);

  const bins = binValues(numbers, spec.style.bins);
  const formatX = numberFormatter(spec.style.x_axis?.format, ctx.locale, warnings);
  const labels = bins.map((b) => (b.from === b.to ? formatX(b.from) : `${formatX(b.from)} – ${formatX(b.to)}`));
  const formatCount = numberFormatter({ style: 'number', decimals: 0 }, ctx.locale, warnings);
  const series: BarSeriesOption = {
    type: 'bar',
    name: 'Rows',
    data: bins.map((b) => b.count),
    barCategoryGap: '4%',
    label: { show: spec.style.labels ?? false, position: 'top', color: ctx.theme.text },
    tooltip: { valueFormatter: (v) => formatCount(typeof v === 'number' ? v : null) },
  };

  const { title, legend, area } = frame(ctx, false);
  const option: EChartsOption = {
    grid: gridFor(area),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: categoryAxis(ctx, labels, spec.style.x_axis ?? { title: field }, { vertical: false, boundaryGap: true }),
    yAxis: asYAxis(
      valueAxis(ctx, spec.style.y_axis, {
        format: (v) => formatCount(v),
        vertical: true,
        name: 'Rows',
        sampleValues: extent(bins.map((b) => b.count)),
      }),
    ),
    series: [series],
  };
  if (title) option.title = title;
  if (legend) option.legend = legend;
  return option;
}
