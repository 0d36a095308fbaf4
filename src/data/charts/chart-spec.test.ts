import { describe, expect, it } from 'vitest';
import { CHART_TYPES, ChartSpec, type ChartSpecInput, chartSpecJsonSchema } from '../../shared/chart-spec.js';
import { EXAMPLES } from './examples.js';

const DATASET_ID = '00000000-0000-4000-8000-000000000000';

/** The paths ("data/query/measures/0/field") of everything wrong with a spec. */
function problems(input: unknown): string[] {
  const parsed = ChartSpec.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('/'));
}

function withQuery(query: object): ChartSpecInput {
  return { version: 1, type: 'bar', data: { dataset_id: DATASET_ID, query } } as ChartSpecInput;
}

describe('the chart spec', () => {
  it.each(CHART_TYPES)('accepts the %s example', (type) => {
    const spec = ChartSpec.parse(EXAMPLES[type]);
    expect(spec.type).toBe(type);
  });

  it('fills in defaults: no calculations, an empty encoding and style, ascending sort', () => {
    const spec = ChartSpec.parse(
      withQuery({
        dimensions: [{ field: 'country' }],
        sort: [{ field: 'country' }],
        measures: [{ aggregate: 'count' }],
      }),
    );
    expect(spec.calculations).toEqual([]);
    expect(spec.encoding).toEqual({});
    expect(spec.style).toEqual({});
    expect('query' in spec.data && spec.data.query.sort[0]?.direction).toBe('asc');
  });

  it('accepts a count without a field', () => {
    expect(problems(withQuery({ measures: [{ aggregate: 'count' }] }))).toEqual([]);
  });

  it('refuses a measure other than count without a field, pointing at the field', () => {
    expect(problems(withQuery({ measures: [{ aggregate: 'sum' }] }))).toEqual(['data/query/measures/0/field']);
  });

  it('refuses between with one value, pointing at the values', () => {
    const query = {
      dimensions: [{ field: 'day' }],
      filters: [{ field: 'day', op: 'between', values: ['2024-01-01'] }],
    };
    expect(problems(withQuery(query))).toEqual(['data/query/filters/0/values']);
  });

  it('refuses in without values and = without a value', () => {
    const query = {
      dimensions: [{ field: 'country' }],
      filters: [
        { field: 'country', op: 'in', values: [] },
        { field: 'country', op: '=' },
      ],
    };
    expect(problems(withQuery(query))).toEqual(['data/query/filters/0/values', 'data/query/filters/1/value']);
  });

  it('refuses a structured query with neither dimensions nor measures', () => {
    expect(problems(withQuery({}))).toEqual(['data/query/dimensions']);
  });

  it('refuses y2 on a bar chart, and accepts it on a combo chart', () => {
    const spec = { ...EXAMPLES.bar, encoding: { x: 'country', y: ['revenue'], y2: ['orders'] } };
    expect(problems(spec)).toEqual(['encoding/y2']);
    expect(problems({ ...spec, type: 'combo' })).toEqual([]);
  });

  it('refuses both SQL and a structured query at once', () => {
    const spec = {
      ...EXAMPLES.pie,
      data: { dataset_id: DATASET_ID, sql: 'SELECT 1', query: { dimensions: [{ field: 'a' }] } },
    };
    expect(problems(spec)).toEqual(['data']);
  });

  it('refuses unknown fields, a bad dataset id, an unknown chart type and another version', () => {
    expect(problems({ ...EXAMPLES.pie, style: { colour: 'red' } })).toEqual(['style']);
    expect(problems({ ...EXAMPLES.pie, data: { dataset_id: 'sales', sql: 'SELECT 1' } })).toEqual(['data/dataset_id']);
    expect(problems({ ...EXAMPLES.pie, type: 'radar' })).toEqual(['type']);
    expect(problems({ ...EXAMPLES.pie, version: 2 })).toEqual(['version']);
  });

  it('refuses a moving average over fewer than two rows and a derived column without a formula', () => {
    const calculations = [
      { type: 'moving_average', field: 'revenue', window: 1 },
      { type: 'derived', as: 'margin' },
    ];
    expect(problems({ ...EXAMPLES.line, calculations })).toEqual(['calculations/0/window', 'calculations/1/formula']);
  });

  it('refuses a palette colour that is not #rrggbb', () => {
    expect(problems({ ...EXAMPLES.pie, style: { palette: ['#123456', 'red'] } })[0]).toMatch(/^style\/palette/);
  });

  it('publishes a JSON Schema that names every chart type', () => {
    const schema = JSON.stringify(chartSpecJsonSchema());
    for (const type of CHART_TYPES) expect(schema).toContain(`"${type}"`);
  });
});
