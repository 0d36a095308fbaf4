import { z } from 'zod';

/**
 * The chart spec: what `charts.configuration` holds, version 1. One declarative document says
 * where the data comes from (a dataset, by SQL or by a structured query), which calculations to
 * apply to the result, how the result's columns map onto the picture and how it looks. The
 * browser and the server draw it with the same function (src/data/charts/to-echarts.ts); nothing
 * in it is ever executed as code. Published as JSON Schema at /api/charts/spec.schema.json.
 */

export const CHART_TYPES = [
  'line',
  'area',
  'bar',
  'stacked_bar',
  'pie',
  'donut',
  'scatter',
  'heatmap',
  'histogram',
  'kpi',
  'table',
  'combo',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** A column of a dataset or of a query result, by name. */
const FieldName = z.string().min(1).max(128).describe('A column name');

export const TIME_GRAINS = ['minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'] as const;
export const AGGREGATIONS = ['count', 'count_distinct', 'sum', 'avg', 'min', 'max', 'median'] as const;
export const FILTER_OPERATORS = [
  '=',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
  'in',
  'not_in',
  'between',
  'contains',
  'is_null',
  'not_null',
] as const;

const Scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);

export const Dimension = z
  .object({
    field: FieldName,
    time_grain: z.enum(TIME_GRAINS).optional().describe('Truncate a date or time to this grain'),
    as: FieldName.optional().describe('Name of the result column (default: the field)'),
  })
  .strict();

export const Measure = z
  .object({
    field: FieldName.optional().describe('Left out only for count: the number of rows'),
    aggregate: z.enum(AGGREGATIONS),
    as: FieldName.optional().describe('Name of the result column (default: aggregate_field, or count)'),
  })
  .strict()
  .refine((m) => m.field !== undefined || m.aggregate === 'count', {
    message: 'needs a field unless the aggregate is count',
    path: ['field'],
  });

export const Filter = z
  .object({
    field: FieldName,
    op: z.enum(FILTER_OPERATORS),
    value: Scalar.optional().describe('For = != > >= < <= and contains'),
    values: z.array(Scalar).max(1000).optional().describe('For in and not_in (any number), between (two)'),
  })
  .strict()
  .superRefine((f, ctx) => {
    const needsValue = ['=', '!=', '>', '>=', '<', '<=', 'contains'].includes(f.op);
    if (needsValue && f.value === undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `is needed for ${f.op}` });
    if ((f.op === 'in' || f.op === 'not_in') && !f.values?.length)
      ctx.addIssue({ code: 'custom', path: ['values'], message: `needs at least one value for ${f.op}` });
    if (f.op === 'between' && f.values?.length !== 2)
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'needs exactly two values (from, to) for between' });
  });

export const SortKey = z
  .object({ field: FieldName, direction: z.enum(['asc', 'desc']).default('asc') })
  .strict()
  .describe('A result column (a dimension or a measure, by its result name)');

/** Dimensions, measures, filters, sort and limit: compiled to SQL by OCP, identifiers quoted. */
export const StructuredQuery = z
  .object({
    dimensions: z.array(Dimension).max(4).default([]),
    measures: z.array(Measure).max(10).default([]),
    filters: z.array(Filter).max(20).default([]),
    sort: z.array(SortKey).max(5).default([]),
    limit: z.number().int().min(1).max(50_000).optional(),
  })
  .strict()
  .refine((q) => q.dimensions.length + q.measures.length > 0, {
    message: 'needs at least one dimension or measure',
    path: ['dimensions'],
  });

export const ChartData = z.union([
  z
    .object({
      dataset_id: z.guid().describe('The dataset the chart is about'),
      sql: z
        .string()
        .min(1)
        .max(20_000)
        .describe('One read-only SELECT; datasets are tables named by their table_name'),
      params: z.record(z.string(), Scalar).optional().describe('Values for $name parameters in the SQL'),
    })
    .strict(),
  z.object({ dataset_id: z.guid(), query: StructuredQuery }).strict(),
]);

/** A new column computed from the result, in row order. */
export const Calculation = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('derived'),
      as: FieldName,
      formula: z
        .string()
        .min(1)
        .max(500)
        .describe('Arithmetic over result columns: + - * / ( ), numbers, column names ("quoted" if they have spaces)'),
    })
    .strict(),
  z.object({ type: z.literal('percent_of_total'), field: FieldName, as: FieldName.optional() }).strict(),
  z.object({ type: z.literal('running_total'), field: FieldName, as: FieldName.optional() }).strict(),
  z
    .object({
      type: z.literal('moving_average'),
      field: FieldName,
      window: z.number().int().min(2).max(365),
      as: FieldName.optional(),
    })
    .strict(),
]);

/** Which result column goes where; left out, OCP picks sensible ones (see defaultEncoding). */
export const Encoding = z
  .object({
    x: FieldName.optional().describe('Category or time axis; pie slices; heatmap columns; histogram values'),
    y: z.array(FieldName).min(1).max(10).optional().describe('Values; one series each'),
    y2: z.array(FieldName).max(5).optional().describe('Combo: drawn as lines on a second axis'),
    series: FieldName.optional().describe('Split into one series per value of this column; heatmap rows'),
    size: FieldName.optional().describe('Scatter: bubble size'),
  })
  .strict();

export const NumberFormat = z
  .object({
    style: z.enum(['number', 'percent', 'currency']).default('number'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    decimals: z.number().int().min(0).max(10).optional(),
    compact: z.boolean().optional().describe('1.2K, 3.4M'),
  })
  .strict();

export const Axis = z
  .object({
    title: z.string().max(200).optional(),
    format: NumberFormat.optional(),
    date_format: z.enum(['auto', 'date', 'month', 'year', 'datetime', 'time']).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    log: z.boolean().optional(),
  })
  .strict();

export const PALETTES = ['ocp', 'classic', 'vivid', 'pastel', 'mono', 'colorblind'] as const;

export const ChartStyle = z
  .object({
    title: z.string().max(200).optional(),
    subtitle: z.string().max(500).optional(),
    palette: z
      .union([
        z.enum(PALETTES),
        z
          .array(z.string().regex(/^#[0-9a-fA-F]{6}$/))
          .min(1)
          .max(20),
      ])
      .optional(),
    x_axis: Axis.optional(),
    y_axis: Axis.optional(),
    y2_axis: Axis.optional(),
    legend: z
      .object({ show: z.boolean().default(true), position: z.enum(['top', 'bottom', 'left', 'right']).default('top') })
      .strict()
      .optional(),
    labels: z.boolean().optional().describe('Values written on the marks'),
    stack: z.enum(['none', 'stacked', 'percent']).optional().describe('Bars and areas'),
    orientation: z.enum(['vertical', 'horizontal']).optional().describe('Bars'),
    smooth: z.boolean().optional().describe('Lines and areas'),
    bins: z.number().int().min(2).max(200).optional().describe('Histogram: number of bins (default: Sturges)'),
    kpi: z
      .object({
        prefix: z.string().max(20).optional(),
        suffix: z.string().max(20).optional(),
        compare: z.enum(['none', 'previous_row']).default('none'),
      })
      .strict()
      .optional(),
  })
  .strict();

export const ChartSpec = z
  .object({
    version: z.literal(1),
    type: z.enum(CHART_TYPES),
    data: ChartData,
    calculations: z.array(Calculation).max(20).default([]),
    encoding: Encoding.default({}),
    style: ChartStyle.default({}),
  })
  .strict()
  .superRefine((spec, ctx) => {
    if (spec.encoding.y2?.length && spec.type !== 'combo')
      ctx.addIssue({ code: 'custom', path: ['encoding', 'y2'], message: 'is only for combo charts' });
  })
  .describe('A chart: its data, calculations, encoding and style (version 1)');

export type ChartSpec = z.infer<typeof ChartSpec>;
export type ChartSpecInput = z.input<typeof ChartSpec>;
export type StructuredQuery = z.infer<typeof StructuredQuery>;
export type Calculation = z.infer<typeof Calculation>;
export type Encoding = z.infer<typeof Encoding>;
export type ChartStyle = z.infer<typeof ChartStyle>;

/** The JSON Schema of the chart spec (what the API validates against), for editors and for LLMs. */
export function chartSpecJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ChartSpec, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The column types a result carries, simplified from DuckDB's. */
export const COLUMN_KINDS = ['number', 'string', 'date', 'timestamp', 'boolean', 'other'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** A query result as the API returns it: columns with simple kinds, rows as arrays. */
export interface QueryResult {
  columns: { name: string; kind: ColumnKind; type: string }[];
  rows: unknown[][];
  /** More rows existed than were returned. */
  truncated: boolean;
}
