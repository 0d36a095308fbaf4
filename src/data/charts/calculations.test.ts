import { describe, expect, it } from 'vitest';
import type { Calculation, QueryResult } from '../../shared/chart-spec.js';
import { applyCalculations, ChartDataError } from './calculations.js';

const sales: QueryResult = {
  columns: [
    { name: 'month', kind: 'date', type: 'DATE' },
    { name: 'revenue', kind: 'number', type: 'DOUBLE' },
    { name: 'cost', kind: 'number', type: 'DOUBLE' },
  ],
  rows: [
    ['2024-01-01', 100, 60],
    ['2024-02-01', 300, 150],
    ['2024-03-01', null, 10],
    ['2024-04-01', 600, 0],
  ],
  truncated: false,
};

/** The values of one column of a result. */
function column(result: QueryResult, name: string): unknown[] {
  const index = result.columns.findIndex((c) => c.name === name);
  return result.rows.map((row) => row[index]);
}

/** The error a calculation throws. */
function failure(calcs: Calculation[], result = sales): ChartDataError {
  try {
    applyCalculations(result, calcs);
  } catch (error) {
    if (error instanceof ChartDataError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('calculations', () => {
  it('append a number column per calculation and leave the input as it was', () => {
    const before = structuredClone(sales);
    const result = applyCalculations(sales, [{ type: 'derived', as: 'profit', formula: 'revenue - cost' }]);
    expect(result.columns.at(-1)).toEqual({ name: 'profit', kind: 'number', type: 'DOUBLE' });
    expect(column(result, 'profit')).toEqual([40, 150, null, 600]);
    expect(sales).toEqual(before);
  });

  it('give a percentage of the total as a fraction, named pct_<field> by default', () => {
    const result = applyCalculations(sales, [{ type: 'percent_of_total', field: 'revenue' }]);
    expect(column(result, 'pct_revenue')).toEqual([0.1, 0.3, null, 0.6]);
  });

  it('give no percentages when the total is zero', () => {
    const zeros = { ...sales, rows: [['2024-01-01', 0, 0]] };
    expect(column(applyCalculations(zeros, [{ type: 'percent_of_total', field: 'revenue' }]), 'pct_revenue')).toEqual([
      null,
    ]);
  });

  it('carry a running total over empty cells, named running_<field> by default', () => {
    const result = applyCalculations(sales, [{ type: 'running_total', field: 'revenue' }]);
    expect(column(result, 'running_revenue')).toEqual([100, 400, 400, 1000]);
  });

  it('average the trailing window, using what there is for the first rows, named ma<window>_<field>', () => {
    const result = applyCalculations(sales, [{ type: 'moving_average', field: 'cost', window: 2 }]);
    expect(column(result, 'ma2_cost')).toEqual([60, 105, 80, 5]);
    const skipsEmpty = applyCalculations(sales, [{ type: 'moving_average', field: 'revenue', window: 2 }]);
    expect(column(skipsEmpty, 'ma2_revenue')).toEqual([100, 200, 300, 600]);
  });

  it('use the name given in `as`', () => {
    const result = applyCalculations(sales, [{ type: 'running_total', field: 'cost', as: 'cumulative cost' }]);
    expect(column(result, 'cumulative cost')).toEqual([60, 210, 220, 220]);
  });

  it('let a later calculation use an earlier one', () => {
    const result = applyCalculations(sales, [
      { type: 'derived', as: 'profit', formula: 'revenue - cost' },
      { type: 'running_total', field: 'profit' },
      { type: 'derived', as: 'margin', formula: 'profit / revenue' },
    ]);
    expect(column(result, 'running_profit')).toEqual([40, 190, 190, 790]);
    expect(column(result, 'margin')).toEqual([0.4, 0.5, null, 1]);
  });

  it('replace a column of the same name where it stands', () => {
    const result = applyCalculations(sales, [{ type: 'running_total', field: 'revenue', as: 'revenue' }]);
    expect(result.columns.map((c) => c.name)).toEqual(['month', 'revenue', 'cost']);
    expect(column(result, 'revenue')).toEqual([100, 400, 400, 1000]);
  });

  it('read numbers sent as text, as DuckDB sends decimals and big integers', () => {
    const text = { ...sales, rows: [['2024-01-01', '12.5', '2.5']] };
    expect(column(applyCalculations(text, [{ type: 'derived', as: 'x', formula: 'revenue * cost' }]), 'x')).toEqual([
      31.25,
    ]);
  });

  it('name an unknown field and the columns there are, with the path of the field', () => {
    const error = failure([
      { type: 'running_total', field: 'revenue' },
      { type: 'percent_of_total', field: 'profit' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ChartDataError');
    expect(error.path).toBe('/calculations/1/field');
    expect(error.message).toBe(
      'Unknown column "profit" in percent_of_total; available columns: month, revenue, cost, running_revenue',
    );
  });

  it('name an unknown column in a formula, and where it is', () => {
    const error = failure([{ type: 'derived', as: 'x', formula: 'revenue - costs' }]);
    expect(error.path).toBe('/calculations/0/formula');
    expect(error.message).toBe(
      'Unknown column "costs" in the formula at character 11; available columns: month, revenue, cost',
    );
  });

  it('report a formula that cannot be read, with its position', () => {
    const error = failure([{ type: 'derived', as: 'x', formula: 'revenue * (cost' }]);
    expect(error.path).toBe('/calculations/0/formula');
    expect(error.message).toMatch(/^Formula: Expected "\)".* at character 16$/);
  });

  it('find no JavaScript behind column-like names such as constructor', () => {
    const error = failure([{ type: 'derived', as: 'x', formula: 'constructor' }]);
    expect(error.message).toContain('Unknown column "constructor"');
  });
});
