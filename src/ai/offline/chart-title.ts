import type { ColumnInfo } from './match-columns.js';
import type { ValueFilter } from './match-values.js';
import type { ResolvedChart, ResolvedMeasure } from './resolve-chart.js';
import { distinctMeasures } from './result-names.js';
import { plural } from './words.js';

// A human title for a chart, from what it shows: "Revenue by month", "Top 5 regions by revenue",
// "Average latency p50 (ms) by host, last 7 days".

const UPPER = new Set(['cpu', 'kpi', 'id', 'url', 'ip', 'gmv', 'sku']);

/** A column name as words: "latency_p95_ms" → "latency p95 (ms)", "cpu_pct" → "CPU %". */
export function columnLabel(column: ColumnInfo): string {
  return column.name
    .split(/[_\s]+/)
    .filter(Boolean)
    .map((w) => {
      const lower = w.toLowerCase();
      if (lower === 'pct' || lower === 'percent') return '%';
      if (lower === 'ms') return '(ms)';
      return UPPER.has(lower) ? w.toUpperCase() : w;
    })
    .join(' ');
}

function measureLabel(m: ResolvedMeasure, kpi: boolean): string {
  if (!m.column) return 'number of rows';
  const label = columnLabel(m.column);
  switch (m.aggregate) {
    case 'sum':
      return kpi ? `total ${label}` : label;
    case 'avg':
      return `average ${label}`;
    case 'median':
      return `median ${label}`;
    case 'min':
      return `minimum ${label}`;
    case 'max':
      return `maximum ${label}`;
    case 'count':
      return `count of ${label}`;
    case 'count_distinct':
      return `number of ${plural(label)}`;
  }
}

function filterLabel(f: ValueFilter): string | undefined {
  switch (f.op) {
    case '=':
    case 'in':
      return `in ${f.values.join(' or ')}`;
    case '!=':
    case 'not_in':
      return `excluding ${f.values.join(' and ')}`;
    default:
      return undefined;
  }
}

/** The title make_chart and the dashboard get. */
export function chartTitle(chart: ResolvedChart): string {
  const measures = distinctMeasures(chart);
  const first = measures[0] as ResolvedMeasure;
  let title: string;
  if (chart.type === 'histogram' && first.column) title = `distribution of ${columnLabel(first.column)}`;
  else if (chart.raw && chart.type === 'scatter')
    title = measures.map((m) => (m.column ? columnLabel(m.column) : 'rows')).join(' vs ');
  else {
    const what = measures.map((m) => measureLabel(m, chart.type === 'kpi' && chart.dimensions.length === 0));
    const by = chart.dimensions.map((d) => d.grain ?? columnLabel(d.column));
    if (chart.top) {
      const [group = 'rows', ...more] = chart.dimensions.map((d) => plural(columnLabel(d.column)));
      const which = chart.top.direction === 'desc' ? 'top' : 'bottom';
      title = `${which} ${chart.top.n} ${[group, ...more].join(' and ')} by ${what.join(' and ')}`;
    } else {
      const measured = what.join(chart.type === 'scatter' ? ' vs ' : ' and ');
      title = by.length ? `${measured} by ${by.join(' and ')}` : measured;
    }
  }
  const year = chart.filters.find((f) => f.op === '>=' && typeof f.values[0] === 'string');
  const said = chart.filters.map(filterLabel).filter(Boolean);
  if (said.length) title += ` ${said.join(', ')}`;
  if (year) title += ` in ${String(year.values[0]).slice(0, 4)}`;
  if (chart.period) {
    const { n, unit } = chart.period;
    title += n === 1 ? `, last ${unit}` : `, last ${n} ${unit}s`;
  }
  return (title.charAt(0).toUpperCase() + title.slice(1)).slice(0, 200);
}
