import { describe, expect, it } from 'vitest';
import { CHART_TYPES, ChartSpec, type ChartSpecInput } from '../../../shared/chart-spec';
import { newFilter, typedValue, withOperator } from './filter-values';
import {
  apiFieldErrors,
  autoTitle,
  type Column,
  defaultQuery,
  draftFromChart,
  draftIssues,
  emptyDraft,
  errorsUnder,
  lineAndColumn,
  parseSpecText,
  readableConfiguration,
  resultColumns,
  setSpec,
  structuredToSql,
  withBuilderMode,
  withDataset,
  withSqlMode,
  withType,
} from './spec-draft';

const DATASET_ID = '5b1f0c1e-8a4e-4c39-9d7e-2f7c1a6b3c01';
const COLUMNS: Column[] = [
  { name: 'month', kind: 'date' },
  { name: 'region', kind: 'string' },
  { name: 'revenue', kind: 'number' },
  { name: 'orders', kind: 'number' },
];
const SALES = { id: DATASET_ID, name: 'Sales', table_name: 'sales', columns: COLUMNS };

/** A spec as the assistant makes them: structured query, calculations, encoding and style. */
const ASSISTANT_SPEC: ChartSpecInput = {
  version: 1,
  type: 'combo',
  data: {
    dataset_id: DATASET_ID,
    query: {
      dimensions: [{ field: 'month', time_grain: 'month' }],
      measures: [
        { field: 'revenue', aggregate: 'sum', as: 'revenue' },
        { field: 'orders', aggregate: 'count_distinct' },
      ],
      filters: [{ field: 'region', op: 'in', values: ['North', 'South'] }],
      sort: [{ field: 'month', direction: 'asc' }],
      limit: 500,
    },
  },
  calculations: [{ type: 'running_total', field: 'revenue' }],
  encoding: { x: 'month', y: ['revenue'], y2: ['running_revenue'] },
  style: {
    title: 'Revenue',
    palette: ['#112233', '#445566'],
    y_axis: { format: { style: 'currency', currency: 'EUR' } },
  },
};

const chartOf = (configuration: object, chart_type = 'bar') => ({
  chart_type,
  configuration: configuration as Record<string, unknown>,
});

describe('the chart editor draft', () => {
  it('opens a saved chart with its configuration untouched, as a copy', () => {
    const chart = chartOf(ASSISTANT_SPEC, 'combo');
    const draft = draftFromChart(chart);
    expect(draft).toEqual(ASSISTANT_SPEC);
    expect(draft).not.toBe(chart.configuration);
    expect(JSON.stringify(draft)).toBe(JSON.stringify(ASSISTANT_SPEC));
  });

  it('opens an SQL chart with its SQL and parameters as they were', () => {
    const sqlSpec = {
      version: 1,
      type: 'line',
      data: {
        dataset_id: DATASET_ID,
        sql: 'SELECT month, sum(revenue) FROM sales WHERE region = $r GROUP BY 1',
        params: { r: 'North' },
      },
    };
    expect(draftFromChart(chartOf(sqlSpec, 'line'))).toEqual(sqlSpec);
  });

  it('opens a chart with no configuration, or one the controls cannot read, as an empty draft of its type', () => {
    expect(draftFromChart(chartOf({}, 'pie'))).toEqual(emptyDraft('pie'));
    expect(draftFromChart(null)).toEqual(emptyDraft());
    expect(draftFromChart(chartOf({ version: 1, type: 'line', data: 'sales' }, 'line'))).toEqual(emptyDraft('line'));
    expect(readableConfiguration({ version: 1, type: 'line', data: { dataset_id: DATASET_ID, query: {} } })).toBe(true);
    expect(readableConfiguration({ version: 1, type: 'sparkline', data: { dataset_id: DATASET_ID, sql: 'x' } })).toBe(
      false,
    );
  });

  it('picking a dataset makes a first chart that is a valid spec', () => {
    const draft = withDataset(emptyDraft('bar'), SALES);
    expect(draft.data).toEqual({
      dataset_id: DATASET_ID,
      query: {
        dimensions: [{ field: 'month', time_grain: 'month' }],
        measures: [{ field: 'revenue', aggregate: 'sum' }],
      },
    });
    expect(draftIssues(draft)).toEqual({});
  });

  it('every chart type gets a valid first chart, also over a dataset without numbers or dates', () => {
    const textOnly: Column[] = [{ name: 'name', kind: 'string' }];
    for (const type of CHART_TYPES) {
      for (const columns of [COLUMNS, textOnly]) {
        const draft = { ...emptyDraft(type), data: { dataset_id: DATASET_ID, query: defaultQuery(columns, type) } };
        expect(ChartSpec.safeParse(draft).success, `${type} over ${columns.length} columns`).toBe(true);
      }
    }
  });

  it('a pie slices by text, sorted largest first; a histogram reads raw numbers', () => {
    expect(defaultQuery(COLUMNS, 'pie')).toEqual({
      dimensions: [{ field: 'region' }],
      measures: [{ field: 'revenue', aggregate: 'sum' }],
      sort: [{ field: 'sum_revenue', direction: 'desc' }],
    });
    expect(defaultQuery(COLUMNS, 'histogram')).toMatchObject({ dimensions: [{ field: 'revenue' }], measures: [] });
  });

  it('changing the type remakes a query that is still the default, and keeps one the user shaped', () => {
    const fresh = withDataset(emptyDraft('bar'), SALES);
    expect(withType(fresh, 'pie', COLUMNS).data).toEqual({
      dataset_id: DATASET_ID,
      query: defaultQuery(COLUMNS, 'pie'),
    });
    const shaped = setSpec(fresh, ['data', 'query', 'dimensions', 0], { field: 'region' });
    expect(withType(shaped, 'pie', COLUMNS).data).toEqual(shaped.data);
  });

  it('leaving combo drops the second axis, which only combo charts may have', () => {
    const next = withType(ASSISTANT_SPEC, 'line', COLUMNS);
    expect(next.encoding).toEqual({ x: 'month', y: ['revenue'] });
    expect(draftIssues(next)).toEqual({});
  });

  it('switching to SQL writes the query out, and back restores the query', () => {
    const draft = withDataset(emptyDraft('bar'), SALES);
    const sql = withSqlMode(draft, SALES);
    expect('sql' in sql.data && sql.data.sql).toBe(
      "SELECT date_trunc('month', month) AS month, sum(revenue) AS sum_revenue\nFROM sales\nGROUP BY 1\nORDER BY 1",
    );
    const back = withBuilderMode(sql, COLUMNS, 'query' in draft.data ? draft.data.query : undefined);
    expect(back).toEqual(draft);
  });

  it('writes filters, quoted names and limits into SQL', () => {
    expect(
      structuredToSql(
        {
          dimensions: [{ field: 'Sales Region' }],
          measures: [{ aggregate: 'count' }],
          filters: [
            { field: 'region', op: 'in', values: ["O'Hare", 'South'] },
            { field: 'revenue', op: 'between', values: [1, 5] },
            { field: 'orders', op: 'not_null' },
          ],
          sort: [{ field: 'count', direction: 'desc' }],
          limit: 10,
        },
        'sales',
      ),
    ).toBe(
      [
        'SELECT "Sales Region" AS "Sales Region", count(*) AS count',
        'FROM sales',
        "WHERE region IN ('O''Hare', 'South') AND revenue BETWEEN 1 AND 5 AND orders IS NOT NULL",
        'GROUP BY 1',
        'ORDER BY count DESC',
        'LIMIT 10',
      ].join('\n'),
    );
  });

  it('names result columns as the server does, calculations included', () => {
    expect(resultColumns(ASSISTANT_SPEC, COLUMNS)).toEqual([
      { name: 'month', kind: 'date' },
      { name: 'revenue', kind: 'number' },
      { name: 'count_distinct_orders', kind: 'number' },
      { name: 'running_revenue', kind: 'number' },
    ]);
  });

  it('setting a value inside the spec copies, and clearing one leaves no empty object behind', () => {
    const draft = withDataset(emptyDraft(), SALES);
    const titled = setSpec(draft, ['style', 'x_axis', 'title'], 'Month');
    expect(titled.style).toEqual({ x_axis: { title: 'Month' } });
    expect(draft.style).toBeUndefined();
    const cleared = setSpec(titled, ['style', 'x_axis', 'title'], undefined);
    expect(cleared.style).toEqual({});
  });

  it('says in words what is missing, at the field', () => {
    const draft = setSpec(withDataset(emptyDraft(), SALES), ['data', 'query', 'measures', 0], { aggregate: 'sum' });
    expect(draftIssues(draft)).toEqual({
      'data.query.measures.0.field': 'Needs a field unless the aggregate is count',
    });
    expect(draftIssues(emptyDraft())).toMatchObject({ 'data.dataset_id': 'Pick a dataset' });
  });

  it('maps the API field errors of a save or a preview onto the spec', () => {
    const { byField, other } = apiFieldErrors([
      { path: '/body/configuration/data/query/measures/0/field', message: 'is not a column' },
      { path: '/body/spec/encoding/x', message: 'not in the result' },
      { path: '/body/title', message: 'too long' },
    ]);
    expect(byField).toEqual({ 'data.query.measures.0.field': 'Is not a column', 'encoding.x': 'Not in the result' });
    expect(other).toEqual(['Too long']);
    expect(errorsUnder(byField, 'data.query')).toEqual({ 'measures.0.field': 'Is not a column' });
  });

  it('takes JSON only when it is a valid spec', () => {
    expect(parseSpecText('{ "version": 1,')).toMatchObject({ error: expect.stringMatching(/^Not valid JSON/) });
    expect(parseSpecText('[]')).toEqual({ error: 'The spec must be a JSON object' });
    expect(parseSpecText('{"version":1,"type":"nope"}')).toMatchObject({
      error: expect.stringMatching(/^Not a valid chart spec/),
    });
    expect(parseSpecText(JSON.stringify(ASSISTANT_SPEC))).toEqual({ draft: ASSISTANT_SPEC });
  });

  it('makes a title from the query until the user gives one', () => {
    expect(autoTitle(withDataset(emptyDraft(), SALES))).toBe('Sum of revenue by month');
    expect(autoTitle(emptyDraft(), 'Sales')).toBe('Sales');
    expect(autoTitle(withDataset(emptyDraft('kpi'), SALES))).toBe('Sum of revenue (latest month)');
    expect(autoTitle(withDataset(emptyDraft('histogram'), SALES))).toBe('Distribution of revenue');
  });

  it('turns an SQL error position into a line and a column', () => {
    expect(lineAndColumn('SELECT\nFROM x', 7)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn('SELEC 1', 0)).toEqual({ line: 1, column: 1 });
  });
});

describe('filter values', () => {
  it('types values by the column: numbers for numbers, booleans for booleans, else text', () => {
    expect(typedValue('42', 'number')).toBe(42);
    expect(typedValue('4x', 'number')).toBe('4x');
    expect(typedValue('true', 'boolean')).toBe(true);
    expect(typedValue('2026-01-31', 'date')).toBe('2026-01-31');
  });

  it('carries values over when the operator changes', () => {
    const eq = { field: 'region', op: '=' as const, value: 'North' };
    expect(withOperator(eq, 'in')).toEqual({ field: 'region', op: 'in', values: ['North'] });
    expect(withOperator({ field: 'region', op: 'in', values: ['North', 'South'] }, '!=')).toEqual({
      field: 'region',
      op: '!=',
      value: 'North',
    });
    expect(withOperator(eq, 'between')).toEqual({ field: 'region', op: 'between', values: ['North', ''] });
    expect(withOperator(eq, 'is_null')).toEqual({ field: 'region', op: 'is_null' });
  });

  it('a new filter is valid as it is', () => {
    expect(
      ChartSpec.safeParse({
        ...withDataset(emptyDraft(), SALES),
        data: { dataset_id: DATASET_ID, query: { measures: [{ aggregate: 'count' }], filters: [newFilter('region')] } },
      }).success,
    ).toBe(true);
  });
});
