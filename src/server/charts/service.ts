import { applyCalculations, ChartDataError } from '../../data/charts/calculations.js';
import type { DataServices } from '../../data/services.js';
import type { Caller, Database } from '../../db/database.js';
import { ChartSpec, type QueryResult } from '../../shared/chart-spec.js';
import { getChart } from '../dashboards/queries.js';
import { ApiError, notFound } from '../errors/api-error.js';
import { type DatasetLookup, runQuery } from '../query/service.js';

/** Rows a chart reads at most; more are cut, and the drawing says so. */
export const CHART_MAX_ROWS = 10_000;

export interface ChartData {
  spec: ChartSpec;
  /** The query's result, before calculations (what the drawing function takes). */
  raw: QueryResult;
  /** With the calculations' columns added (what a CSV export holds). */
  result: QueryResult;
  sql: string;
}

/** The spec of a saved chart the caller can read, or why there is none. */
export async function savedChartSpec(
  db: Database,
  caller: Caller,
  chartId: string,
): Promise<{ spec: ChartSpec; title: string }> {
  const chart = await db.asCaller(caller, (tx) => getChart(tx, chartId));
  if (!chart) throw notFound('Chart not found');
  if (Object.keys(chart.configuration).length === 0) throw new ApiError('chart_not_configured');
  const parsed = ChartSpec.safeParse(chart.configuration);
  // Saved specs were checked when saved; one that no longer parses predates the spec's rules.
  if (!parsed.success)
    throw new ApiError(
      'chart_not_configured',
      'This chart’s configuration is not a valid chart spec; edit the chart to fix it',
    );
  return { spec: parsed.data, title: chart.title };
}

/** Runs a spec's query over the datasets the lookup allows and applies its calculations. */
export async function chartData(
  data: DataServices,
  lookup: DatasetLookup,
  spec: ChartSpec,
  path: string,
): Promise<ChartData> {
  const answer = await runQuery(data, lookup, spec.data, {
    maxRows: ('query' in spec.data ? spec.data.query.limit : undefined) ?? CHART_MAX_ROWS,
    path: `${path}/data`,
  });
  const raw: QueryResult = { columns: answer.columns, rows: answer.rows, truncated: answer.truncated };
  try {
    return { spec, raw, result: applyCalculations(raw, spec.calculations), sql: answer.sql };
  } catch (error) {
    throw asSpecProblem(error, path);
  }
}

/** A spec that names columns its result lacks, as a 422 at the spec field at fault. */
export function asSpecProblem(error: unknown, path: string): unknown {
  if (error instanceof ChartDataError)
    return new ApiError('validation_failed', error.message, [{ path: `${path}${error.path}`, message: error.message }]);
  return error;
}
