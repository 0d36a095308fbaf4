import type { EChartsOption, PieSeriesOption } from 'echarts';
import { type ChartContext, valueFormatter } from './chart-context.js';
import { ChartDataError, listColumns } from './chart-data-error.js';
import { frame } from './frame.js';
import { groupOtherCategories, seriesTable } from './series-table.js';

/**
 * Pie and donut: one slice per x value, sized by the first y column. More than 50 slices are
 * grouped (the largest 49 and "Other"); slices that are empty, zero or negative cannot be drawn
 * and are left out.
 */
export function pieOption(ctx: ChartContext): EChartsOption {
  const field = ctx.encoding.y?.[0];
  if (field === undefined) {
    throw new ChartDataError(
      `A ${ctx.spec.type} needs a number column for the slices; name it in encoding.y (columns: ${listColumns(ctx.data.columns)})`,
      '/encoding/y',
    );
  }
  // One ring only: a series column has nothing to split here.
  const { series: _ignored, ...withoutSeries } = ctx.encoding;
  const table = groupOtherCategories(seriesTable({ ...ctx, encoding: withoutSeries }, [field]), ctx.warnings);
  const values = table.series[0]?.values ?? [];
  const slices = table.categories
    .map((name, i) => ({ name, value: values[i] ?? null }))
    .filter((slice): slice is { name: string; value: number } => slice.value !== null && slice.value > 0);
  const negative = values.filter((v) => v !== null && v < 0).length;
  if (negative) ctx.warnings.push(`${negative} negative values cannot be pie slices and are left out`);

  const format = valueFormatter(ctx, ctx.spec.style.y_axis, [field]);
  const { title, legend, area } = frame(ctx, false);
  const centerX = (area.left + ctx.width - area.right) / 2;
  const centerY = (area.top + ctx.height - area.bottom) / 2;
  const showValues = ctx.spec.style.labels ?? false;

  const series: PieSeriesOption = {
    type: 'pie',
    name: field,
    data: slices,
    center: [centerX, centerY],
    // Percentages of half the canvas's shorter side: room for labels outside, whatever the size.
    radius: ctx.spec.type === 'donut' ? ['45%', '70%'] : '70%',
    itemStyle: { borderColor: ctx.theme.mode === 'dark' ? ctx.theme.background : '#ffffff', borderWidth: 1 },
    label: {
      color: ctx.theme.text,
      formatter: (p: { name?: string; value?: unknown; percent?: number }) =>
        showValues ? `${p.name}: ${format(numeric(p.value))} (${p.percent ?? 0}%)` : (p.name ?? ''),
    },
    labelLine: { lineStyle: { color: ctx.theme.axisLine } },
    tooltip: { valueFormatter: (value) => format(numeric(value)) },
  };
  const option: EChartsOption = { tooltip: { trigger: 'item' }, series: [series] };
  if (title) option.title = title;
  if (legend) option.legend = legend;
  return option;
}

function numeric(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
