import type { Calculation, QueryResult } from '../../shared/chart-spec.js';
import { ChartDataError, listColumns } from './chart-data-error.js';
import { evaluateFormula, FormulaError, formulaColumns, parseFormula } from './formula.js';
import { toNumber } from './values.js';

export { ChartDataError } from './chart-data-error.js';

type Column = QueryResult['columns'][number];
type Cell = number | null;

/**
 * The result with one new number column per calculation, computed in row order. Pure: the
 * input is not changed. Calculations run in turn, so one may use a column an earlier one made.
 * A calculation whose result name already exists replaces that column in place (an LLM asking
 * for `revenue` as a running total means exactly that). Throws ChartDataError, with the path of
 * the spec field at fault, for a column that does not exist or a formula that cannot be read.
 */
export function applyCalculations(result: QueryResult, calcs: readonly Calculation[]): QueryResult {
  let columns = [...result.columns];
  let rows = result.rows;
  calcs.forEach((calc, i) => {
    const path = `/calculations/${i}`;
    const values = computeColumn(calc, columns, rows, path);
    const name = resultName(calc);
    const existing = columns.findIndex((c) => c.name === name);
    const column: Column = { name, kind: 'number', type: 'DOUBLE' };
    if (existing >= 0) {
      columns = columns.map((c, j) => (j === existing ? column : c));
      rows = rows.map((row, r) => row.map((cell, j) => (j === existing ? values[r] : cell)));
    } else {
      columns = [...columns, column];
      rows = rows.map((row, r) => [...row, values[r]]);
    }
  });
  return { ...result, columns, rows };
}

/** The name of the column a calculation adds: its `as`, else pct_/running_/ma<window>_ + field. */
export function resultName(calc: Calculation): string {
  if (calc.as !== undefined) return calc.as;
  switch (calc.type) {
    case 'derived':
      return calc.as;
    case 'percent_of_total':
      return `pct_${calc.field}`;
    case 'running_total':
      return `running_${calc.field}`;
    case 'moving_average':
      return `ma${calc.window}_${calc.field}`;
  }
}

function computeColumn(calc: Calculation, columns: Column[], rows: unknown[][], path: string): Cell[] {
  if (calc.type === 'derived') return derived(calc.formula, columns, rows, path);
  const index = columns.findIndex((c) => c.name === calc.field);
  if (index < 0) {
    throw new ChartDataError(
      `Unknown column "${calc.field}" in ${calc.type}; available columns: ${listColumns(columns)}`,
      `${path}/field`,
    );
  }
  const values = rows.map((row) => toNumber(row[index]));
  switch (calc.type) {
    case 'percent_of_total':
      return percentOfTotal(values);
    case 'running_total':
      return runningTotal(values);
    case 'moving_average':
      return movingAverage(values, calc.window);
  }
}

function derived(formula: string, columns: Column[], rows: unknown[][], path: string): Cell[] {
  let tree: ReturnType<typeof parseFormula>;
  try {
    tree = parseFormula(formula);
  } catch (error) {
    if (error instanceof FormulaError) throw new ChartDataError(`Formula: ${error.message}`, `${path}/formula`);
    throw error;
  }
  // A Map, not an object, so that names like "constructor" find nothing rather than a prototype's.
  const indexByName = new Map(columns.map((c, i) => [c.name, i]));
  for (const { name, position } of formulaColumns(tree)) {
    if (!indexByName.has(name)) {
      throw new ChartDataError(
        `Unknown column "${name}" in the formula at character ${position + 1}; available columns: ${listColumns(columns)}`,
        `${path}/formula`,
      );
    }
  }
  return rows.map((row) => evaluateFormula(tree, (name) => toNumber(row[indexByName.get(name) ?? -1])));
}

/** Each value as a fraction of the column's sum; nothing when the sum is zero. */
function percentOfTotal(values: Cell[]): Cell[] {
  const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  return values.map((v) => (v === null || total === 0 ? null : v / total));
}

/** Empty cells add nothing; the total so far is still shown on their row once it has begun. */
function runningTotal(values: Cell[]): Cell[] {
  let total: number | null = null;
  return values.map((v) => {
    if (v !== null) total = (total ?? 0) + v;
    return total;
  });
}

/** The mean of the trailing window's non-empty values; the first rows use what there is. */
function movingAverage(values: Cell[], window: number): Cell[] {
  return values.map((_, i) => {
    const available = values.slice(Math.max(0, i - window + 1), i + 1).filter((v): v is number => v !== null);
    return available.length ? available.reduce((a, b) => a + b, 0) / available.length : null;
  });
}
