import { describe, expect, it } from 'vitest';
import { ChartSpec, type ChartSpecInput, type ColumnKind, type QueryResult } from '../../shared/chart-spec.js';
import { ChartDataError } from './chart-data-error.js';
import { checkEncoding, defaultEncoding } from './encoding.js';

const DATASET_ID = '00000000-0000-4000-8000-000000000000';

function spec(input: Partial<ChartSpecInput>): ChartSpec {
  return ChartSpec.parse({ version: 1, type: 'bar', data: { dataset_id: DATASET_ID, sql: 'SELECT 1' }, ...input });
}

function columns(...named: [string, ColumnKind][]): QueryResult {
  return { columns: named.map(([name, kind]) => ({ name, kind, type: '' })), rows: [], truncated: false };
}

const salesByRegion = columns(['region', 'string'], ['revenue', 'number'], ['orders', 'number']);

describe('the default encoding', () => {
  it('puts the first text column on x and every number column on y', () => {
    expect(defaultEncoding(spec({}), salesByRegion)).toEqual({ x: 'region', y: ['revenue', 'orders'] });
  });

  it('keeps what the spec names and does not draw x again as a y', () => {
    const result = columns(['year', 'number'], ['region', 'string'], ['revenue', 'number']);
    expect(defaultEncoding(spec({ encoding: { x: 'year' } }), result)).toEqual({ x: 'year', y: ['revenue'] });
  });

  it('takes a structured query’s first dimension as x and its second as series', () => {
    const structured = spec({
      data: {
        dataset_id: DATASET_ID,
        query: {
          dimensions: [{ field: 'year' }, { field: 'region' }],
          measures: [{ field: 'amount', aggregate: 'sum' }],
        },
      },
    });
    const result = columns(['year', 'number'], ['region', 'string'], ['sum_amount', 'number']);
    expect(defaultEncoding(structured, result)).toEqual({ x: 'year', series: 'region', y: ['sum_amount'] });
  });

  it('numbers the rows when the only column is the value', () => {
    expect(defaultEncoding(spec({}), columns(['total', 'number']))).toEqual({ y: ['total'] });
  });

  it('picks one value for pie, heatmap and KPI, and a date for the KPI to find the latest row', () => {
    const result = columns(['month', 'date'], ['device', 'string'], ['sessions', 'number'], ['users', 'number']);
    expect(defaultEncoding(spec({ type: 'pie' }), result)).toEqual({ x: 'month', y: ['sessions'] });
    expect(defaultEncoding(spec({ type: 'heatmap' }), result)).toEqual({
      x: 'month',
      series: 'device',
      y: ['sessions'],
    });
    expect(defaultEncoding(spec({ type: 'kpi' }), result)).toEqual({ x: 'month', y: ['sessions'] });
  });

  it('plots two number columns against each other on a scatter chart', () => {
    expect(defaultEncoding(spec({ type: 'scatter' }), salesByRegion)).toEqual({ x: 'revenue', y: ['orders'] });
  });

  it('counts the first number column in a histogram', () => {
    expect(defaultEncoding(spec({ type: 'histogram' }), salesByRegion)).toEqual({ x: 'revenue' });
  });

  it('draws the first number as bars and the rest as lines in a combo chart', () => {
    expect(defaultEncoding(spec({ type: 'combo' }), salesByRegion)).toEqual({
      x: 'region',
      y: ['revenue'],
      y2: ['orders'],
    });
  });
});

describe('checking an encoding', () => {
  it('names a missing column, the columns there are, and the path of the field', () => {
    try {
      checkEncoding({ x: 'region', y: ['revenue', 'profit'] }, salesByRegion);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChartDataError);
      expect((error as ChartDataError).path).toBe('/encoding/y/1');
      expect((error as ChartDataError).message).toBe(
        'Column "profit" (encoding.y.1) is not in the result; available columns: region, revenue, orders',
      );
    }
  });

  it('accepts columns the result has', () => {
    expect(() => checkEncoding({ x: 'region', y: ['revenue'], series: 'orders' }, salesByRegion)).not.toThrow();
  });
});
