import type { EChartsOption } from 'echarts';
import type { ChartContext } from './chart-context.js';
import { columnData, valueFormatter } from './chart-context.js';
import { ChartDataError, listColumns } from './chart-data-error.js';
import { EMPTY_TEXT } from './formats.js';
import { frame } from './frame.js';
import { type GraphicElement, textAt } from './graphics.js';
import { isTimeKind, toEpochMs, toNumber } from './values.js';

/** What a KPI shows: the latest value and, when asked for, how it moved from the one before. */
export interface KpiReading {
  current: number | null;
  previous: number | null;
}

/**
 * The latest value of `field` and the one before it. "Latest" is the last row, or, when x is a
 * date or time column, the row with the latest x, whichever way the query sorted them.
 */
export function kpiReading(ctx: ChartContext, field: string): KpiReading {
  const values = columnData(ctx, field).values.map(toNumber);
  let order = values.map((_, i) => i);
  const x = ctx.encoding.x === undefined ? undefined : columnData(ctx, ctx.encoding.x);
  if (x && isTimeKind(x.kind)) {
    const time = x.values.map((v) => toEpochMs(v) ?? Number.NEGATIVE_INFINITY);
    order = order.sort((a, b) => (time[a] ?? 0) - (time[b] ?? 0));
  }
  const at = (k: number) => {
    const row = order[order.length - k];
    return row === undefined ? null : (values[row] ?? null);
  };
  return { current: at(1), previous: order.length > 1 ? at(2) : null };
}

/**
 * KPI: one big number (prefix and suffix around it, in the y axis's format), its column's name
 * under it, and, with compare = previous_row, an arrow and the change from the row before.
 * No axes: it is all `graphic` text, centred in the room the title leaves.
 */
export function kpiOption(ctx: ChartContext): EChartsOption {
  const { spec, theme, warnings } = ctx;
  const field = ctx.encoding.y?.[0];
  if (field === undefined) {
    throw new ChartDataError(
      `A KPI needs a number column; name it in encoding.y (columns: ${listColumns(ctx.data.columns)})`,
      '/encoding/y',
    );
  }
  const kpi = spec.style.kpi;
  const format = valueFormatter(ctx, spec.style.y_axis, [field]);
  const { current, previous } = kpiReading(ctx, field);
  const text = current === null ? EMPTY_TEXT : `${kpi?.prefix ?? ''}${format(current)}${kpi?.suffix ?? ''}`;
  if (current === null) warnings.push(`The latest ${field} is empty`);

  const { title, area } = frame(ctx, false);
  const width = ctx.width - area.left - area.right;
  const height = ctx.height - area.top - area.bottom;
  const centerX = area.left + width / 2;
  const centerY = area.top + height / 2;
  // As big as fits: about 0.62 em per character across, a third of the height up.
  const fontSize = Math.round(Math.max(18, Math.min(96, height * 0.34, width / (0.62 * Math.max(text.length, 3)))));
  const caption = spec.style.y_axis?.title ?? field;

  const elements: GraphicElement[] = [
    textAt(centerX, centerY - fontSize * 0.15, text, {
      fontSize,
      fill: theme.text,
      fontWeight: 'bold',
      align: 'center',
    }),
    textAt(centerX, centerY + fontSize * 0.55 + 4, caption, {
      fontSize: 14,
      fill: theme.mutedText,
      align: 'center',
      maxWidth: width,
    }),
  ];
  if (kpi?.compare === 'previous_row') {
    const amount = (v: number) => `${kpi.prefix ?? ''}${format(v)}${kpi.suffix ?? ''}`;
    const delta = describeChange(current, previous, amount, ctx.locale);
    if (delta) {
      const fill = delta.direction === 'up' ? theme.up : delta.direction === 'down' ? theme.down : theme.mutedText;
      elements.push(
        textAt(centerX, centerY + fontSize * 0.55 + 28, delta.text, { fontSize: 15, fill, align: 'center' }),
      );
    } else {
      warnings.push('There is no previous row to compare with');
    }
  }
  const option: EChartsOption = { graphic: elements };
  if (title) option.title = title;
  return option;
}

/**
 * "▲ 12.5% vs previous": the change as a percentage of the previous value, or as an amount when
 * the previous value is zero (a percentage of zero means nothing). Null without two values.
 */
export function describeChange(
  current: number | null,
  previous: number | null,
  formatAmount: (value: number) => string,
  locale = 'en-US',
): { text: string; direction: 'up' | 'down' | 'flat' } | null {
  if (current === null || previous === null) return null;
  const change = current - previous;
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  const arrow = { up: '▲', down: '▼', flat: '■' }[direction];
  const amount =
    previous === 0
      ? formatAmount(Math.abs(change))
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
          Math.abs(change / previous),
        );
  return { text: `${arrow} ${amount} vs previous`, direction };
}
