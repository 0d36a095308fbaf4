import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ChartSpec, type ChartSpecInput, type ColumnKind, type QueryResult } from '../../shared/chart-spec.js';
import { EXAMPLE_RESULTS } from './example-results.js';
import { EXAMPLES } from './examples.js';
import { binValues } from './histogram-option.js';
import { PALETTE_COLORS } from './palettes.js';
import { ChartDataError, toEChartsOption } from './to-echarts.js';

const DATASET_ID = '00000000-0000-4000-8000-000000000000';

function spec(input: Partial<ChartSpecInput>): ChartSpec {
  return ChartSpec.parse({ version: 1, type: 'bar', data: { dataset_id: DATASET_ID, sql: 'SELECT 1' }, ...input });
}

function result(columns: [string, ColumnKind][], rows: unknown[][], truncated = false): QueryResult {
  return { columns: columns.map(([name, kind]) => ({ name, kind, type: '' })), rows, truncated };
}

/** The parts of an option the tests look at, loosely typed. */
interface Drawn {
  series: {
    type?: string;
    name?: string;
    data?: unknown[];
    stack?: string;
    yAxisIndex?: number;
    sampling?: string;
    radius?: unknown;
    areaStyle?: unknown;
    smooth?: boolean;
  }[];
  xAxis: { type?: string; data?: string[] };
  yAxis: { type?: string; data?: string[]; axisLabel?: { formatter?: (v: number) => string } }[];
  graphic: { type?: string; style?: { text?: string } }[];
  title?: { text?: string };
  [key: string]: unknown;
}

function draw(chart: ChartSpec, data: QueryResult, options = {}) {
  const { option, warnings } = toEChartsOption(chart, data, options);
  const drawn = option as unknown as Drawn;
  return { drawn, warnings, texts: (drawn.graphic ?? []).map((g) => g.style?.text).filter(Boolean) };
}

const regions = (n: number) =>
  result(
    [
      ['region', 'string'],
      ['revenue', 'number'],
    ],
    Array.from({ length: n }, (_, i) => [`Region ${i + 1}`, 1000 - i]),
  );

describe('toEChartsOption', () => {
  it('applies calculations before drawing, so a calculated column can be drawn', () => {
    const chart = spec({
      type: 'line',
      calculations: [{ type: 'running_total', field: 'revenue' }],
      encoding: { x: 'region', y: ['running_revenue'] },
    });
    const { drawn } = draw(chart, regions(3));
    expect(drawn.series[0]?.data).toEqual([1000, 1999, 2997]);
  });

  it('scales each stack of a percent stacked bar chart to 100', () => {
    const { drawn } = draw(
      EXAMPLES.stacked_bar ? ChartSpec.parse(EXAMPLES.stacked_bar) : spec({}),
      EXAMPLE_RESULTS.stacked_bar,
    );
    expect(drawn.series.map((s) => s.stack)).toEqual(['total', 'total', 'total']);
    const quarters = drawn.xAxis.data?.length ?? 0;
    expect(quarters).toBe(4);
    for (let q = 0; q < quarters; q++) {
      const sum = drawn.series.reduce((total, s) => total + ((s.data?.[q] as number) ?? 0), 0);
      expect(sum).toBeCloseTo(100, 9);
    }
  });

  it('stacks bars and areas when the style says so', () => {
    const data = result(
      [
        ['x', 'string'],
        ['a', 'number'],
        ['b', 'number'],
      ],
      [['one', 1, 2]],
    );
    expect(draw(spec({ style: { stack: 'stacked' } }), data).drawn.series.map((s) => s.stack)).toEqual([
      'total',
      'total',
    ]);
    const area = draw(spec({ type: 'area', style: { smooth: true } }), data).drawn.series[0];
    expect(area?.areaStyle).toBeDefined();
    expect(area?.smooth).toBe(true);
    expect(draw(spec({}), data).drawn.series.map((s) => s.stack)).toEqual([undefined, undefined]);
  });

  it('groups all but the 49 largest of more than 50 bars as "Other", with a warning', () => {
    const { drawn, warnings } = draw(spec({}), regions(60));
    expect(drawn.xAxis.data).toHaveLength(50);
    expect(drawn.xAxis.data?.at(-1)).toBe('Other');
    expect(drawn.xAxis.data?.[0]).toBe('Region 1');
    const rest = Array.from({ length: 11 }, (_, i) => 1000 - 49 - i).reduce((a, b) => a + b, 0);
    expect(drawn.series[0]?.data?.at(-1)).toBe(rest);
    expect(warnings).toContain('Showing the top 49 of 60 categories; the other 11 are grouped as "Other"');
  });

  it('groups pie slices the same way', () => {
    const { drawn, warnings } = draw(spec({ type: 'pie' }), regions(80));
    const slices = drawn.series[0]?.data as { name: string }[];
    expect(slices).toHaveLength(50);
    expect(slices.at(-1)?.name).toBe('Other');
    expect(warnings[0]).toMatch(/^Showing the top 49 of 80/);
  });

  it('never groups dates as "Other"', () => {
    const days = result(
      [
        ['day', 'date'],
        ['orders', 'number'],
      ],
      Array.from({ length: 90 }, (_, i) => [new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10), i]),
    );
    const { drawn, warnings } = draw(spec({}), days);
    expect(drawn.xAxis.data).toHaveLength(90);
    expect(drawn.xAxis.data?.[0]).toBe('Jan 1, 2024');
    expect(warnings).toEqual([]);
  });

  it('runs dates left to right whatever order the query returned them in', () => {
    const data = result(
      [
        ['day', 'timestamp'],
        ['orders', 'number'],
      ],
      [
        ['2024-05-02 00:00:00', 2],
        ['2024-05-01T00:00:00Z', 1],
        ['2024-05-03 12:30:00', 3],
      ],
    );
    const { drawn } = draw(spec({ type: 'line' }), data);
    expect(drawn.xAxis.data).toEqual(['May 1, 2024, 00:00', 'May 2, 2024, 00:00', 'May 3, 2024, 12:30']);
    expect(drawn.series[0]?.data).toEqual([1, 2, 3]);
  });

  it('warns that a log scale cannot show zero', () => {
    const { warnings } = draw(spec({ style: { y_axis: { log: true } } }), {
      ...regions(2),
      rows: [
        ['a', 0],
        ['b', 10],
      ],
    });
    expect(warnings).toEqual(['A log scale cannot show zero or negative values; they are left out']);
  });

  it('splits rows into one series per value of the series column, leaving gaps where there is no row', () => {
    const data = result(
      [
        ['month', 'string'],
        ['platform', 'string'],
        ['users', 'number'],
      ],
      [
        ['Jan', 'web', 10],
        ['Jan', 'ios', 5],
        ['Feb', 'web', 12],
        ['Mar', 'ios', 7],
      ],
    );
    const { drawn } = draw(spec({ type: 'line', encoding: { x: 'month', y: ['users'], series: 'platform' } }), data);
    expect(drawn.xAxis.data).toEqual(['Jan', 'Feb', 'Mar']);
    expect(drawn.series.map((s) => [s.name, s.data])).toEqual([
      ['web', [10, 12, null]],
      ['ios', [5, null, 7]],
    ]);
  });

  it('keeps the 20 largest series and says so', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ['Jan', `product ${i}`, i]);
    const data = result(
      [
        ['month', 'string'],
        ['product', 'string'],
        ['sold', 'number'],
      ],
      rows,
    );
    const { drawn, warnings } = draw(spec({ encoding: { series: 'product' } }), data);
    expect(drawn.series).toHaveLength(20);
    expect(drawn.series[0]?.name).toBe('product 5');
    expect(warnings).toContain('Showing 20 of 25 series of product (the largest); the others are left out');
  });

  it('lays horizontal bars along a category y axis, first row on top', () => {
    const { drawn } = draw(ChartSpec.parse(EXAMPLES.bar), EXAMPLE_RESULTS.bar);
    expect(drawn.yAxis[0]?.type).toBe('category');
    expect(drawn.yAxis[0]?.data?.[0]).toBe('Germany');
    expect((drawn.xAxis as { type?: string }).type).toBe('value');
  });

  it('draws a combo chart’s y2 as lines on a second axis', () => {
    const { drawn } = draw(ChartSpec.parse(EXAMPLES.combo), EXAMPLE_RESULTS.combo);
    expect(drawn.series.map((s) => [s.type, s.yAxisIndex])).toEqual([
      ['bar', undefined],
      ['line', 1],
    ]);
    expect(drawn.yAxis).toHaveLength(2);
    expect(drawn.yAxis[1]?.axisLabel?.formatter?.(0.25)).toBe('25%');
  });

  it('writes axis labels in the spec’s number format', () => {
    const { drawn } = draw(ChartSpec.parse(EXAMPLES.line), EXAMPLE_RESULTS.line);
    expect(drawn.yAxis[0]?.axisLabel?.formatter?.(1_234_567)).toBe('€1.2M');
    expect(drawn.yAxis[0]?.axisLabel?.formatter?.(800_000)).toBe('€800K');
    expect(drawn.xAxis.data?.slice(0, 2)).toEqual(['Jan 2024', 'Feb 2024']);
  });

  it('draws a donut as a ring', () => {
    const { drawn } = draw(ChartSpec.parse(EXAMPLES.donut), EXAMPLE_RESULTS.donut);
    expect(drawn.series[0]?.radius).toEqual(['45%', '70%']);
  });

  it('samples lines of more than 2000 points, with a warning', () => {
    const data = result(
      [
        ['i', 'string'],
        ['v', 'number'],
      ],
      Array.from({ length: 2500 }, (_, i) => [String(i), Math.sin(i / 50)]),
    );
    const { drawn, warnings } = draw(spec({ type: 'line' }), data);
    expect(drawn.series[0]?.sampling).toBe('lttb');
    expect(warnings[0]).toMatch(/^2500 points/);
  });

  it('says when only the first rows of a result were used', () => {
    const { warnings } = draw(spec({}), { ...regions(3), truncated: true });
    expect(warnings).toContain('Only the first 3 rows were used');
  });

  it('shows the title and "No data" for an empty result, with a warning', () => {
    const { drawn, texts, warnings } = draw(spec({ style: { title: 'Revenue' } }), regions(0));
    expect(texts).toEqual(['No data']);
    expect(drawn.title?.text).toBe('Revenue');
    expect(drawn.series).toBeUndefined();
    expect(warnings).toEqual(['The query returned no rows']);
  });

  it('writes the KPI of the latest row, compared with the one before, whichever way rows are sorted', () => {
    const { texts } = draw(ChartSpec.parse(EXAMPLES.kpi), EXAMPLE_RESULTS.kpi);
    expect(texts).toEqual(['€1.2M', 'Revenue', '▲ 12.3% vs previous']);
  });

  it('puts the KPI’s prefix and suffix around the number and shows a fall', () => {
    const data = result(
      [
        ['week', 'string'],
        ['signups', 'number'],
      ],
      [
        ['W1', 400],
        ['W2', 300],
      ],
    );
    const chart = spec({ type: 'kpi', style: { kpi: { prefix: '~', suffix: ' people', compare: 'previous_row' } } });
    expect(draw(chart, data).texts).toEqual(['~300 people', 'signups', '▼ 25% vs previous']);
  });

  it('draws a table’s header and the rows that fit, and says how many were left out', () => {
    const { texts, warnings } = draw(ChartSpec.parse(EXAMPLES.table), EXAMPLE_RESULTS.table, { height: 300 });
    expect(texts.slice(0, 4)).toEqual(['customer', 'Acme GmbH', 'Globex GmbH', 'Initech GmbH']);
    expect(texts).toContain('Stark GmbH');
    expect(texts).not.toContain('Wayne GmbH');
    expect(texts).toContain('share');
    expect(texts).toContain('€250,000');
    expect(texts).toContain('23.4%');
    expect(warnings).toEqual(['showing 7 of 40 rows']);
    expect(texts.at(-1)).toBe('Showing 7 of 40 rows');
  });

  it('uses the theme’s background and text colours and a font the server has', () => {
    const light = draw(spec({}), regions(2)).drawn;
    const dark = draw(spec({}), regions(2), { theme: 'dark' }).drawn;
    expect(light.backgroundColor).toBe('transparent');
    expect(dark.backgroundColor).toBe('#1f1f1f');
    expect(dark.textStyle).toEqual({ fontFamily: 'DejaVu Sans, sans-serif', color: '#e5e7eb' });
  });

  it('colours series with the named palette or the spec’s own colours', () => {
    expect(draw(spec({ style: { palette: 'colorblind' } }), regions(2)).drawn.color).toEqual(PALETTE_COLORS.colorblind);
    expect(draw(spec({ style: { palette: ['#112233'] } }), regions(2)).drawn.color).toEqual(['#112233']);
  });

  it('refuses an encoding that names a column the result lacks, pointing at it', () => {
    expect(() => draw(spec({ encoding: { x: 'country' } }), regions(2))).toThrowError(
      expect.objectContaining({ name: 'ChartDataError', path: '/encoding/x' }),
    );
    expect(() => draw(spec({ encoding: { x: 'country' } }), regions(2))).toThrow(ChartDataError);
  });

  it('escapes HTML in scatter tooltips, which the browser writes as HTML', () => {
    const data = result(
      [
        ['x', 'number'],
        ['y', 'number'],
        ['group', 'string'],
      ],
      [[1, 2, '<img src=x onerror=alert(1)>']],
    );
    const { option } = toEChartsOption(spec({ type: 'scatter', encoding: { series: 'group' } }), data);
    const series = (option.series as { tooltip: { formatter: (p: object) => string } }[])[0];
    const html = series?.tooltip.formatter({ seriesName: '<img src=x onerror=alert(1)>', value: [1, 2, null] });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});

describe('histogram bins', () => {
  it('use Sturges’ rule by default and count every value once', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const bins = binValues(values);
    expect(bins).toHaveLength(8);
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(100);
    expect(bins[0]?.from).toBe(0);
    expect(bins.at(-1)?.to).toBe(99);
  });

  it('take the count the style asks for, and one bin when all values are equal', () => {
    expect(binValues([1, 2, 3, 4], 2).map((b) => b.count)).toEqual([2, 2]);
    expect(binValues([5, 5, 5])).toEqual([{ from: 5, to: 5, count: 3 }]);
  });

  it('are labelled with the x axis format', () => {
    const { drawn } = draw(ChartSpec.parse(EXAMPLES.histogram), EXAMPLE_RESULTS.histogram);
    expect(drawn.xAxis.data).toHaveLength(12);
    expect(drawn.xAxis.data?.[0]).toMatch(/^€\d+ – €\d+$/);
  });
});

describe('the browser half', () => {
  it('imports nothing from Node, resvg or the ECharts runtime', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(join(here, file), 'utf8');
      expect(source, file).not.toMatch(/from ['"](node:|fs|path|@resvg)/);
      expect(source, file).not.toMatch(/^import (?!type )[^;]*from ['"]echarts['"]/m);
      for (const [, local] of source.matchAll(/from '\.\/([\w-]+)\.js'/g)) visit(`${local}.ts`);
    };
    visit('to-echarts.ts');
    expect(seen.size).toBeGreaterThan(10);
  });
});
