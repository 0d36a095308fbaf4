import { describe, expect, it } from 'vitest';
import { CHART_TYPES, ChartSpec, type ChartType } from '../../shared/chart-spec.js';
import { EXAMPLE_RESULTS } from './example-results.js';
import { EXAMPLES } from './examples.js';
import { renderChartPng, renderChartSvg } from './render.js';

/** Text each example's picture must show: title, labels, formatted values. */
const EXPECTED_TEXT: Record<ChartType, string[]> = {
  line: ['Revenue by month', 'With a three-month moving average', 'Jan 2024', '€1.2M', 'ma3_revenue'],
  area: ['Daily active users', 'Mar 1, 2024', 'android', 'ios', '6,000'],
  bar: ['Revenue by country', 'Germany', 'United Kingdom', '€2.5M', 'Country'],
  stacked_bar: ['Order status by quarter', 'Q1 2024', 'Q4 2024', '100%', 'delivered', 'cancelled'],
  pie: ['Sessions by device', 'Desktop: 48,210 (40.86%)', 'Mobile', 'Tablet'],
  donut: ['Revenue by category', 'Electronics', 'Home &amp; garden', 'Toys'],
  scatter: ['Price against units sold', 'Average price', 'Units sold', '€100', 'Clothing'],
  heatmap: ['When orders come in', 'Mon', 'Sun', 'Hour of day', '23'],
  histogram: ['Order values', 'Order value', 'Rows'],
  kpi: ['Revenue this month', '€1.2M', 'Revenue', '▲ 12.3% vs previous'],
  table: [
    'Top customers',
    'customer',
    'country',
    'orders',
    'revenue',
    'share',
    'Acme GmbH',
    '€250,000',
    'Showing 12 of 40 rows',
  ],
  combo: ['Revenue and margin', 'Jan 2024', 'Margin', '40%', '€1.2M'],
};

function example(type: ChartType) {
  return { spec: ChartSpec.parse(EXAMPLES[type]), result: EXAMPLE_RESULTS[type] };
}

/** Width and height from a PNG's IHDR chunk, which always comes first. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('server-side rendering', () => {
  it.each(CHART_TYPES)('draws the %s example as an SVG with its labels and values', (type) => {
    const { spec, result } = example(type);
    const { svg } = renderChartSvg(spec, result);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="800" height="450"');
    for (const text of EXPECTED_TEXT[type]) expect(svg).toContain(text);
  });

  it.each(CHART_TYPES)('draws the %s example on the dark theme', (type) => {
    const { spec, result } = example(type);
    const { svg } = renderChartSvg(spec, result, { theme: 'dark', width: 600, height: 400 });
    expect(svg).toContain('fill="#1f1f1f"');
    expect(svg).toContain('width="600" height="400"');
  });

  it('draws "No data" and the title for an empty result, and warns', () => {
    const { spec, result } = example('bar');
    const { svg, warnings } = renderChartSvg(spec, { ...result, rows: [] });
    expect(svg).toContain('No data');
    expect(svg).toContain('Revenue by country');
    expect(warnings).toEqual(['The query returned no rows']);
  });

  it('passes on the warnings of drawing', () => {
    const { spec, result } = example('table');
    expect(renderChartSvg(spec, result).warnings).toEqual(['showing 12 of 40 rows']);
  });

  it('keeps markup in the data as text', () => {
    const spec = ChartSpec.parse({ ...EXAMPLES.bar, style: { title: '<script>alert(1)</script>' } });
    const { svg } = renderChartSvg(spec, {
      ...EXAMPLE_RESULTS.bar,
      rows: [['<b>Bold & "quoted"</b>', 1]],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;');
    expect(
      renderChartPng(spec, { ...EXAMPLE_RESULTS.bar, rows: [['<b>Bold & "quoted"</b>', 1]] }).png.length,
    ).toBeGreaterThan(0);
  });

  it('makes a PNG of the requested width, in proportion', () => {
    const { spec, result } = example('bar');
    const { png, warnings } = renderChartPng(spec, result, { width: 640, height: 360 });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect(pngSize(png)).toEqual({ width: 640, height: 360 });
    expect(warnings).toEqual([]);
  });

  it('makes PNGs of every chart type, 800 × 450 by default', () => {
    for (const type of CHART_TYPES) {
      const { spec, result } = example(type);
      const { png } = renderChartPng(spec, result);
      expect(pngSize(png), type).toEqual({ width: 800, height: 450 });
    }
  });
});
