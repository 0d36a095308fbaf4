import type { XAXisComponentOption, YAXisComponentOption } from 'echarts';
import type { ChartContext } from './chart-context.js';
import type { AxisStyle } from './formats.js';

/** An x or a y axis; the same shape serves both (a horizontal bar chart swaps them). */
export type AxisOption = XAXisComponentOption;

/**
 * The same axis, typed for the y place. ECharts' x and y axis types differ only in `position`,
 * which these axes leave to ECharts.
 */
export function asYAxis(axis: AxisOption): YAXisComponentOption {
  return axis as unknown as YAXisComponentOption;
}

/** Roughly how wide a character of 12px DejaVu Sans is, to leave room for labels. */
const CHAR_WIDTH = 7;
/** Category labels longer than this are cut with an ellipsis on a vertical category axis. */
const MAX_LABEL_WIDTH = 140;

/**
 * A value axis: range, log scale and title from the axis style, labels written with `format`.
 * `percent` fixes it to 0–100 %. `vertical` places the title beside the labels, leaving room
 * for the widest of `sampleValues`, written as the labels will be.
 */
export function valueAxis(
  ctx: ChartContext,
  axis: AxisStyle | undefined,
  options: {
    format: (value: number) => string;
    vertical: boolean;
    name?: string;
    percent?: boolean;
    sampleValues?: number[];
  },
): AxisOption {
  const { theme } = ctx;
  const format = options.percent ? (v: number) => `${Math.round(v)}%` : options.format;
  const name = axis?.title ?? options.name;
  if (axis?.log && (options.sampleValues ?? []).some((v) => v <= 0)) {
    ctx.warnings.push('A log scale cannot show zero or negative values; they are left out');
  }
  const labelWidth = Math.max(2, ...(options.sampleValues ?? [0]).map((v) => format(v).length)) * CHAR_WIDTH;
  const result: AxisOption = {
    type: axis?.log ? 'log' : 'value',
    axisLabel: { color: theme.mutedText, formatter: (value: number) => format(value), hideOverlap: true },
    axisLine: { show: false },
    axisTick: { show: false },
    splitLine: { lineStyle: { color: theme.splitLine } },
  };
  if (name !== undefined) {
    Object.assign(result, {
      name,
      nameLocation: 'middle',
      nameGap: options.vertical ? labelWidth + 14 : 30,
      nameTextStyle: { color: theme.mutedText },
    });
  }
  if (options.percent) Object.assign(result, { min: 0, max: 100 });
  if (axis?.min !== undefined) Object.assign(result, { min: axis.min });
  if (axis?.max !== undefined) Object.assign(result, { max: axis.max });
  return result;
}

/**
 * A category axis over `categories`, in their order (top to bottom when vertical). Labels that
 * would overlap are thinned out; long ones on a vertical axis are cut short.
 */
export function categoryAxis(
  ctx: ChartContext,
  categories: string[],
  axis: AxisStyle | undefined,
  options: { vertical: boolean; boundaryGap: boolean },
): AxisOption {
  const { theme } = ctx;
  const longest = Math.max(2, ...categories.map((c) => c.length)) * CHAR_WIDTH;
  const result: AxisOption = {
    type: 'category',
    data: categories,
    boundaryGap: options.boundaryGap,
    axisLabel: {
      color: theme.mutedText,
      hideOverlap: true,
      ...(options.vertical ? { width: MAX_LABEL_WIDTH, overflow: 'truncate' } : {}),
    },
    axisLine: { lineStyle: { color: theme.axisLine } },
    axisTick: { show: false },
  };
  if (options.vertical) Object.assign(result, { inverse: true });
  if (axis?.title !== undefined) {
    Object.assign(result, {
      name: axis.title,
      nameLocation: 'middle',
      nameGap: options.vertical ? Math.min(longest, MAX_LABEL_WIDTH) + 14 : 30,
      nameTextStyle: { color: theme.mutedText },
    });
  }
  return result;
}

/** The grid (the data's rectangle) filling the plot area, with axis labels and titles inside it. */
export function gridFor(area: { top: number; right: number; bottom: number; left: number }) {
  return { ...area, outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;
}

/** The smallest and largest of some values, for sizing labels; [0, 0] when there are none. */
export function extent(values: readonly (number | null)[]): number[] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  // A loop, not Math.min(...values): 50,000 arguments can overflow the stack.
  for (const v of values) {
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max] : [0, 0];
}
