/** The colours around the data: text, axes, grid lines, for a light or a dark page. */
export interface Theme {
  mode: 'light' | 'dark';
  /** Transparent on light pages so the chart sits on whatever card holds it. */
  background: string;
  text: string;
  mutedText: string;
  axisLine: string;
  splitLine: string;
  /** Table stripes. */
  stripe: string;
  /** A KPI going up or down; the arrow says which, so colour is never the only cue. */
  up: string;
  down: string;
  /** The low end of a heatmap's colour ramp: close to the background. */
  heatmapLow: string;
}

const LIGHT: Theme = {
  mode: 'light',
  background: 'transparent',
  text: '#1f2937',
  mutedText: '#6b7280',
  axisLine: '#c4c9d2',
  splitLine: '#e8ebf0',
  stripe: '#f4f6f9',
  up: '#008060',
  down: '#c8501a',
  heatmapLow: '#f2f5fa',
};

const DARK: Theme = {
  mode: 'dark',
  background: '#1f1f1f',
  text: '#e5e7eb',
  mutedText: '#9ca3af',
  axisLine: '#4b5057',
  splitLine: '#33373c',
  stripe: '#282a2e',
  up: '#35c08f',
  down: '#f0834a',
  heatmapLow: '#2a2d31',
};

/** The theme by name; light unless dark is asked for. */
export function themeFor(mode: 'light' | 'dark' | undefined): Theme {
  return mode === 'dark' ? DARK : LIGHT;
}

/** The font every text uses: DejaVu Sans is what the server has, so SVG and PNG match the browser. */
export const FONT_FAMILY = 'DejaVu Sans, sans-serif';
