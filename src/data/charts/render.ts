import { existsSync } from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartSpec, QueryResult } from '../../shared/chart-spec.js';
import { measureTextWidth } from './text-metrics.js';
import { toEChartsOption } from './to-echarts.js';

/** Server only: charts as images, for e-mails, exports, link previews and LLM tools. */

// Lay text out with the widths of the font resvg will draw it in (see text-metrics.ts). This is
// process-wide, which suits the server: there ECharts only ever renders for this module.
echarts.setPlatformAPI({ measureText: (text, font) => ({ width: measureTextWidth(text, font ?? '') }) });

/** The image size in pixels and the theme; the locale of numbers and dates (default en-US). */
export interface RenderOptions {
  width?: number;
  height?: number;
  theme?: 'light' | 'dark';
  locale?: string;
}

/**
 * The chart as an SVG document, drawn by ECharts' server-side renderer from the same option the
 * browser uses (animation off: there is only one frame). Throws ChartDataError like
 * toEChartsOption.
 */
export function renderChartSvg(
  spec: ChartSpec,
  result: QueryResult,
  { width = 800, height = 450, ...rest }: RenderOptions = {},
): { svg: string; warnings: string[] } {
  const { option, warnings } = toEChartsOption(spec, result, { width, height, ...rest });
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return { svg: chart.renderToSVGString(), warnings };
  } finally {
    chart.dispose();
  }
}

/**
 * The chart as a PNG of exactly `width` pixels across. Light charts get a white background, since
 * an image, unlike a card on a page, has nothing behind it.
 */
export function renderChartPng(
  spec: ChartSpec,
  result: QueryResult,
  options: RenderOptions = {},
): { png: Buffer; warnings: string[] } {
  const width = options.width ?? 800;
  const { svg, warnings } = renderChartSvg(spec, result, { ...options, width });
  const resvgOptions: ResvgRenderOptions = { font: fontOptions(), fitTo: { mode: 'width', value: width } };
  if (options.theme !== 'dark') resvgOptions.background = '#ffffff';
  const png = new Resvg(svg, resvgOptions).render().asPng();
  return { png, warnings };
}

const DEJAVU_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];
const DEJAVU_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

let cachedFonts: ResvgRenderOptions['font'] | undefined;

/**
 * Where resvg finds DejaVu Sans. Loading just its two files, when they are where Debian and
 * Alpine put them, is a few milliseconds faster per image than scanning every system font; else
 * the system fonts are scanned.
 */
function fontOptions(): NonNullable<ResvgRenderOptions['font']> {
  if (!cachedFonts) {
    const base = { defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
    const dir = DEJAVU_DIRS.find((d) => DEJAVU_FILES.every((f) => existsSync(`${d}/${f}`)));
    cachedFonts = dir
      ? { ...base, loadSystemFonts: false, fontFiles: DEJAVU_FILES.map((f) => `${dir}/${f}`) }
      : { ...base, loadSystemFonts: true };
  }
  return cachedFonts;
}
