import type { EChartsOption } from 'echarts';
import type { ChartContext } from './chart-context.js';
import { frame } from './frame.js';
import { textAt } from './graphics.js';

/** The title, and "No data" in the middle where the chart would be. */
export function noDataOption(ctx: ChartContext): EChartsOption {
  const { title, area } = frame(ctx, false);
  const x = (area.left + ctx.width - area.right) / 2;
  const y = (area.top + ctx.height - area.bottom) / 2;
  const option: EChartsOption = {
    graphic: [textAt(x, y, 'No data', { fontSize: 16, fill: ctx.theme.mutedText, align: 'center' })],
  };
  if (title) option.title = title;
  return option;
}
