import type { EChartsOption } from 'echarts';
import type { ChartSpec, ChartType, QueryResult } from '../../shared/chart-spec.js';
import { applyCalculations } from './calculations.js';
import { cartesianOption } from './cartesian-option.js';
import type { ChartContext } from './chart-context.js';
import { checkEncoding, defaultEncoding } from './encoding.js';
import { heatmapOption } from './heatmap-option.js';
import { histogramOption } from './histogram-option.js';
import { kpiOption } from './kpi-option.js';
import { noDataOption } from './no-data-option.js';
import { paletteColors } from './palettes.js';
import { pieOption } from './pie-option.js';
import { scatterOption } from './scatter-option.js';
import { tableOption } from './table-option.js';
import { FONT_FAMILY, themeFor } from './theme.js';

export { ChartDataError } from './chart-data-error.js';
export { defaultEncoding } from './encoding.js';

/** How to draw: the canvas size in pixels (KPI and table lay out in it), theme and locale. */
export interface ChartDrawOptions {
  /** Default 800. */
  width?: number;
  /** Default 450. */
  height?: number;
  /** Default light. */
  theme?: 'light' | 'dark';
  /** For number and date formats; default en-US, so the server and the browser agree. */
  locale?: string;
}

/** An ECharts option, and what the viewer should know about how the data was drawn. */
export interface ChartDrawing {
  option: EChartsOption;
  warnings: string[];
}

const BUILDERS: Record<ChartType, (ctx: ChartContext) => EChartsOption> = {
  line: cartesianOption,
  area: cartesianOption,
  bar: cartesianOption,
  stacked_bar: cartesianOption,
  combo: cartesianOption,
  scatter: scatterOption,
  pie: pieOption,
  donut: pieOption,
  heatmap: heatmapOption,
  histogram: histogramOption,
  kpi: kpiOption,
  table: tableOption,
};

/**
 * The ECharts option that draws a chart spec over a query result: the one function behind the
 * browser's charts and the server's images, so both look the same. Pure and free of Node modules.
 * Calculations run first, then the encoding (spec.encoding, gaps filled by defaultEncoding) maps
 * columns onto the picture. Throws ChartDataError, with the path of the spec field at fault, when
 * the spec names columns the result does not have.
 */
export function toEChartsOption(spec: ChartSpec, result: QueryResult, options: ChartDrawOptions = {}): ChartDrawing {
  const warnings: string[] = [];
  if (result.truncated) warnings.push(`Only the first ${result.rows.length} rows were used`);
  const data = applyCalculations(result, spec.calculations);
  const encoding = defaultEncoding(spec, data);
  checkEncoding(encoding, data);
  const theme = themeFor(options.theme);
  const ctx: ChartContext = {
    spec,
    data,
    encoding,
    width: options.width ?? 800,
    height: options.height ?? 450,
    theme,
    colors: paletteColors(spec.style.palette),
    locale: options.locale ?? 'en-US',
    warnings,
  };

  const base: EChartsOption = {
    // The browser animates; server-side rendering turns it off (there is only one frame). Half
    // ECharts' default second: ten charts entering at once keep the main thread busy that long.
    animation: true,
    animationDuration: 500,
    backgroundColor: theme.background,
    color: ctx.colors,
    textStyle: { fontFamily: FONT_FAMILY, color: theme.text },
    tooltip: {
      backgroundColor: theme.mode === 'dark' ? '#2a2c30' : '#ffffff',
      borderColor: theme.axisLine,
      textStyle: { color: theme.text, fontFamily: FONT_FAMILY },
    },
  };
  let body: EChartsOption;
  if (data.rows.length === 0) {
    warnings.push('The query returned no rows');
    body = noDataOption(ctx);
  } else {
    body = BUILDERS[spec.type](ctx);
  }
  // Builders' tooltips add to the base one (trigger, formatters) rather than replace it.
  const tooltip = body.tooltip && !Array.isArray(body.tooltip) ? { ...base.tooltip, ...body.tooltip } : base.tooltip;
  // Formatters built for several axes may each have warned about the same format.
  return { option: { ...base, ...body, tooltip } as EChartsOption, warnings: [...new Set(warnings)] };
}
