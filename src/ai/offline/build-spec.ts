import type { ChartSpecInput, ChartStyle, Encoding, StructuredQuery } from '../../shared/chart-spec.js';
import { chartTitle } from './chart-title.js';
import type { ValueFilter } from './match-values.js';
import type { ResolvedChart } from './resolve-chart.js';
import { dimensionName, distinctMeasures, measureName } from './result-names.js';
import { chartSql, needsSql } from './sql-form.js';

// A resolved chart → the chart spec (version 1) make_chart takes, with its title. A structured
// query whenever one can say it; the SQL form for a relative period or a raw scatter.

/** A chart ready for make_chart. */
export interface DraftChart {
  title: string;
  spec: ChartSpecInput;
}

type SpecFilter = StructuredQuery['filters'][number];

function specFilter(f: ValueFilter): SpecFilter {
  if (f.op === 'in' || f.op === 'not_in') return { field: f.column.name, op: f.op, values: f.values };
  return { field: f.column.name, op: f.op, value: f.values[0] as string | number | boolean };
}

function structuredQuery(chart: ResolvedChart): ChartSpecInput['data'] {
  const measures = distinctMeasures(chart);
  const first = measures[0];
  // Raw values (a histogram) are read as a dimension without measures: one row per row.
  const query = {
    dimensions: chart.raw
      ? measures.flatMap((m) => (m.column ? [{ field: m.column.name }] : []))
      : chart.dimensions.map((d) => {
          const name = dimensionName(d, chart);
          if (!d.grain) return { field: d.column.name };
          return name === d.column.name
            ? { field: d.column.name, time_grain: d.grain }
            : { field: d.column.name, time_grain: d.grain, as: name };
        }),
    measures: chart.raw
      ? []
      : measures.map((m) => ({
          ...(m.column ? { field: m.column.name } : {}),
          aggregate: m.aggregate,
          as: measureName(m),
        })),
    filters: chart.filters.map(specFilter),
    sort: chart.sort && first && !chart.raw ? [{ field: measureName(first), direction: chart.sort }] : [],
    ...(chart.limit ? { limit: chart.limit } : {}),
  };
  return { dataset_id: chart.dataset.id, query };
}

function sqlData(chart: ResolvedChart): ChartSpecInput['data'] {
  const { sql, params } = chartSql(chart);
  const dataset_id = chart.dataset.id;
  return Object.keys(params).length ? { dataset_id, sql, params } : { dataset_id, sql };
}

function encoding(chart: ResolvedChart): Encoding | undefined {
  if (chart.type !== 'scatter') return undefined;
  // Said outright: left to the defaults, a scatter's second column could become its series.
  const [x, y] = distinctMeasures(chart).map((m) => (chart.raw && m.column ? m.column.name : measureName(m)));
  return x && y ? { x, y: [y] } : undefined;
}

function style(chart: ResolvedChart): ChartStyle | undefined {
  const s: ChartStyle = {};
  if (chart.stacked && chart.type === 'area') s.stack = 'stacked';
  if (chart.horizontal && chart.type === 'bar') s.orientation = 'horizontal';
  return Object.keys(s).length ? s : undefined;
}

/** The title and chart spec for a resolved chart. */
export function buildChart(chart: ResolvedChart): DraftChart {
  const data = needsSql(chart) ? sqlData(chart) : structuredQuery(chart);
  const enc = encoding(chart);
  const look = style(chart);
  const spec: ChartSpecInput = {
    version: 1,
    type: chart.type,
    data,
    ...(enc ? { encoding: enc } : {}),
    ...(look ? { style: look } : {}),
  };
  return { title: chartTitle(chart), spec };
}
