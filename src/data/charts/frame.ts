import type { LegendComponentOption, TitleComponentOption } from 'echarts';
import type { ChartContext } from './chart-context.js';

/** The room left for the data once title and legend have theirs, in pixels from each edge. */
export interface PlotArea {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The parts around the data: title, legend, and where the data may go. */
export interface Frame {
  title?: TitleComponentOption;
  legend?: LegendComponentOption;
  area: PlotArea;
}

const EDGE = 16;
const LEGEND_BAND = 28;
const SIDE_LEGEND_WIDTH = 150;

/**
 * Title, subtitle and legend, and the area they leave. The legend shows when the style says so,
 * else when there is more than one thing to tell apart (`wantsLegend`).
 */
export function frame(ctx: ChartContext, wantsLegend: boolean): Frame {
  const { style } = ctx.spec;
  const result: Frame = { area: { top: headerHeight(ctx) + 8, right: EDGE, bottom: EDGE, left: EDGE } };
  const title = titleOption(ctx);
  if (title) result.title = title;

  if (!(style.legend?.show ?? wantsLegend)) return result;
  const position = style.legend?.position ?? 'top';
  const legend: LegendComponentOption = {
    type: 'scroll',
    icon: 'roundRect',
    itemWidth: 12,
    itemHeight: 10,
    textStyle: { color: ctx.theme.text },
    pageTextStyle: { color: ctx.theme.mutedText },
  };
  const header = headerHeight(ctx);
  if (position === 'top') Object.assign(legend, { top: header, left: 'center' });
  if (position === 'bottom') Object.assign(legend, { bottom: 6, left: 'center' });
  if (position === 'left' || position === 'right') {
    Object.assign(legend, {
      orient: 'vertical',
      top: header,
      [position]: 8,
      textStyle: { color: ctx.theme.text, width: SIDE_LEGEND_WIDTH - 40, overflow: 'truncate' },
    });
  }
  result.legend = legend;
  if (position === 'top') result.area.top += LEGEND_BAND;
  if (position === 'bottom') result.area.bottom += LEGEND_BAND;
  if (position === 'left') result.area.left += SIDE_LEGEND_WIDTH;
  if (position === 'right') result.area.right += SIDE_LEGEND_WIDTH;
  return result;
}

/** The chart's title and subtitle, top left, in the theme's colours. */
export function titleOption(ctx: ChartContext): TitleComponentOption | undefined {
  const { title, subtitle } = ctx.spec.style;
  if (title === undefined && subtitle === undefined) return undefined;
  return {
    text: title ?? '',
    subtext: subtitle ?? '',
    left: 12,
    top: 8,
    textStyle: { color: ctx.theme.text, fontSize: 16, fontWeight: 'bold' },
    subtextStyle: { color: ctx.theme.mutedText, fontSize: 12 },
  };
}

/** Height of the title block: nothing, a title, or a title with a subtitle. */
function headerHeight(ctx: ChartContext): number {
  const { title, subtitle } = ctx.spec.style;
  if (subtitle !== undefined) return 58;
  return title !== undefined ? 38 : 4;
}
