import { writeFileSync } from 'node:fs';
import { ChartSpec } from '../../shared/chart-spec.js';
import { EXAMPLE_RESULTS } from './example-results.js';
import { EXAMPLES } from './examples.js';
import { renderChartPng, renderChartSvg } from './render.js';

const theme = (process.argv[2] ?? 'light') as 'light' | 'dark';
for (const [type, input] of Object.entries(EXAMPLES)) {
  const spec = ChartSpec.parse(input);
  const t = performance.now();
  const { png, warnings } = renderChartPng(spec, EXAMPLE_RESULTS[type as keyof typeof EXAMPLES], { theme });
  writeFileSync(`/tmp/chart-${type}-${theme}.png`, png);
  writeFileSync(
    `/tmp/chart-${type}-${theme}.svg`,
    renderChartSvg(spec, EXAMPLE_RESULTS[type as keyof typeof EXAMPLES], { theme }).svg,
  );
  console.log(type, (performance.now() - t).toFixed(1), 'ms', warnings);
}
