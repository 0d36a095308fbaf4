import type { ChartStyle, PALETTES } from '../../shared/chart-spec.js';

type PaletteName = (typeof PALETTES)[number];

/**
 * The colours of each named palette, in the order series take them. Each reads on both the light
 * and the dark background.
 */
export const PALETTE_COLORS: Record<PaletteName, readonly string[]> = {
  ocp: ['#3b6fd8', '#f08c2e', '#2bab7a', '#d9476b', '#8a63d2', '#d4a72c', '#1fa3b8', '#7d8799', '#c2569f', '#6fa83a'],
  // ECharts' own default, for people who know it.
  classic: ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'],
  vivid: ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#bfef45'],
  pastel: ['#7fb3d5', '#f5b7b1', '#a9dfbf', '#f9d79f', '#d7bde2', '#a3e4d7', '#f5cba7', '#aeb6bf'],
  mono: ['#08519c', '#3182bd', '#6baed6', '#9ecae1', '#2171b5', '#4292c6', '#c6dbef'],
  // Okabe & Ito's set, told apart with any colour-vision deficiency. Yellow is late because it is
  // faint on white; grey stands in for their black, which vanishes on the dark background.
  colorblind: ['#0072b2', '#e69f00', '#009e73', '#d55e00', '#56b4e9', '#cc79a7', '#f0e442', '#999999'],
};

/** The colours a chart's style asks for: a named palette, its own list, or OCP's default. */
export function paletteColors(palette: ChartStyle['palette']): string[] {
  if (Array.isArray(palette)) return [...palette];
  return [...PALETTE_COLORS[palette ?? 'ocp']];
}
