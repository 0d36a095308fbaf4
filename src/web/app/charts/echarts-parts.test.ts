import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLE_RESULTS } from '../../../data/charts/example-results';
import { EXAMPLES } from '../../../data/charts/examples';
import { toEChartsOption } from '../../../data/charts/to-echarts';
import { ChartSpec } from '../../../shared/chart-spec';
import { ECHARTS_PARTS } from './echarts-parts';

echarts.use([...ECHARTS_PARTS, SVGRenderer]);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the parts of ECharts the browser loads', () => {
  it.each(Object.keys(EXAMPLES) as (keyof typeof EXAMPLES)[])('draw the %s example without a missing part', (type) => {
    const complaints: unknown[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args) => complaints.push(args));
    vi.spyOn(console, 'warn').mockImplementation((...args) => complaints.push(args));
    const { option } = toEChartsOption(ChartSpec.parse(EXAMPLES[type]), EXAMPLE_RESULTS[type], {
      width: 600,
      height: 400,
    });
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 400 });
    try {
      chart.setOption(option);
      expect(chart.renderToSVGString()).toContain('<svg');
    } finally {
      chart.dispose();
    }
    expect(complaints).toEqual([]);
  });
});
