import type { z } from 'zod';
import { resultName } from '../../../data/charts/calculations';
import {
  type Calculation,
  CHART_TYPES,
  ChartSpec,
  type ChartSpecInput,
  type ChartType,
  type ColumnKind,
  type Dimension,
  type Filter,
  type Measure,
  type StructuredQuery,
} from '../../../shared/chart-spec';

/**
 * The chart editor's state is the spec itself, exactly as it will be saved: every control reads
 * and writes one place in it. Nothing is rebuilt from form fields, so opening a chart and saving
 * it unchanged sends back the very same document, and the JSON view shows the truth.
 */
export type Draft = ChartSpecInput;
export type DraftQuery = z.input<typeof StructuredQuery>;
export type DraftDimension = z.input<typeof Dimension>;
export type DraftMeasure = z.input<typeof Measure>;
export type DraftFilter = z.input<typeof Filter>;
export type DraftCalculation = z.input<typeof Calculation>;

export interface Column {
  name: string;
  kind: ColumnKind;
  type?: string;
}

/** What the editor needs of a dataset: its id, names and columns. */
export interface DatasetInfo {
  id: string;
  name: string;
  table_name: string;
  columns: Column[];
}

/** A chart with nothing chosen yet: a bar chart waiting for a dataset. */
export function emptyDraft(type: ChartType = 'bar'): Draft {
  return { version: 1, type, data: { dataset_id: '', query: { dimensions: [], measures: [] } } };
}

/**
 * The draft a saved chart opens with: its configuration untouched (a deep copy), or an empty one
 * when it has none, or one the controls cannot show (see `readableConfiguration`).
 */
export function draftFromChart(chart: { chart_type: string; configuration: Record<string, unknown> } | null): Draft {
  if (!chart) return emptyDraft();
  if (!readableConfiguration(chart.configuration))
    return emptyDraft(isChartType(chart.chart_type) ? chart.chart_type : 'bar');
  return structuredClone(chart.configuration) as unknown as Draft;
}

/**
 * Whether a saved configuration has the shape the controls rely on (a known type; data with a
 * dataset and either SQL or a query). One that does not (saved before the spec's rules) may be
 * invalid in places, which the editor then points out; one without that shape starts over.
 */
export function readableConfiguration(configuration: Record<string, unknown>): boolean {
  const { type, data } = configuration;
  if (typeof type !== 'string' || !isChartType(type) || !isPlainObject(data)) return false;
  if (typeof data.dataset_id !== 'string') return false;
  if ('sql' in data) return typeof data.sql === 'string';
  return isPlainObject(data.query);
}

export function isChartType(value: string): value is ChartType {
  return (CHART_TYPES as readonly string[]).includes(value);
}

export const isTime = (kind: ColumnKind | undefined) => kind === 'date' || kind === 'timestamp';

/** Whether the data is a structured query (else SQL). */
export function isStructured(draft: Draft): draft is Draft & { data: { dataset_id: string; query: DraftQuery } } {
  return 'query' in draft.data;
}

/**
 * A first chart of this type over these columns, so that the preview shows something at once:
 * the first date (by month) or text column as the category, the first number summed (else a
 * count of rows); each type gets the shape it draws best.
 */
export function defaultQuery(columns: Column[], type: ChartType): DraftQuery {
  const numbers = columns.filter((c) => c.kind === 'number');
  const texts = columns.filter((c) => c.kind === 'string' || c.kind === 'boolean');
  const times = columns.filter((c) => isTime(c.kind));
  const time = times[0];
  const text = texts[0];
  const dimension = (c: Column): DraftDimension =>
    isTime(c.kind) ? { field: c.name, time_grain: 'month' } : { field: c.name };
  const measure = (c: Column | undefined): DraftMeasure =>
    c ? { field: c.name, aggregate: 'sum' } : { aggregate: 'count' };
  const category = time ?? text ?? columns[0];

  switch (type) {
    case 'kpi':
      return { dimensions: time ? [dimension(time)] : [], measures: [measure(numbers[0])] };
    case 'histogram': {
      const values = numbers[0] ?? columns[0];
      return values ? { dimensions: [{ field: values.name }], measures: [], limit: 10_000 } : emptyQuery();
    }
    case 'pie':
    case 'donut': {
      const slices = text ?? category;
      return {
        dimensions: slices ? [dimension(slices)] : [],
        measures: [measure(numbers[0])],
        sort: [{ field: measureName(measure(numbers[0])), direction: 'desc' }],
      };
    }
    case 'scatter': {
      const by = text ?? category;
      return {
        dimensions: by ? [dimension(by)] : [],
        measures: numbers.length >= 2 ? [measure(numbers[0]), measure(numbers[1])] : [measure(numbers[0])],
      };
    }
    case 'heatmap': {
      const rows = texts.find((c) => c !== category) ?? texts[0];
      const dims = [category, rows].filter((c, i, all): c is Column => c !== undefined && all.indexOf(c) === i);
      return { dimensions: dims.map(dimension), measures: [measure(numbers[0])] };
    }
    case 'combo':
      return {
        dimensions: category ? [dimension(category)] : [],
        measures:
          numbers.length >= 2 ? [measure(numbers[0]), measure(numbers[1])] : [measure(numbers[0]), measure(undefined)],
      };
    default:
      return { dimensions: category ? [dimension(category)] : [], measures: [measure(numbers[0])] };
  }
}

function emptyQuery(): DraftQuery {
  return { dimensions: [], measures: [] };
}

/** A starting SELECT over a dataset, for the SQL mode. */
export function starterSql(dataset: Pick<DatasetInfo, 'table_name'>): string {
  return `SELECT *\nFROM ${quoteIdent(dataset.table_name)}\nLIMIT 1000`;
}

/**
 * The draft after picking a dataset: a fresh first chart over it (query, encoding and
 * calculations named the old dataset's columns, so they go); the style stays.
 */
export function withDataset(draft: Draft, dataset: DatasetInfo): Draft {
  const { encoding: _encoding, calculations: _calculations, ...rest } = draft;
  const data = isStructured(draft)
    ? { dataset_id: dataset.id, query: defaultQuery(dataset.columns, draft.type) }
    : { dataset_id: dataset.id, sql: starterSql(dataset) };
  return { ...rest, data };
}

/**
 * The draft with another chart type. A query still as it was made for the old type is made
 * again for the new one (a pie wants other defaults than a line); one the user shaped stays.
 * y2 is for combo charts only.
 */
export function withType(draft: Draft, type: ChartType, columns: Column[] | undefined): Draft {
  let next: Draft = { ...draft, type };
  if (columns && isStructured(draft) && sameJson(draft.data.query, defaultQuery(columns, draft.type)))
    next = { ...next, data: { dataset_id: draft.data.dataset_id, query: defaultQuery(columns, type) } };
  if (type !== 'combo' && next.encoding?.y2 !== undefined) {
    const { y2: _y2, ...encoding } = next.encoding;
    next = { ...next, encoding };
  }
  return next;
}

/** Query builder → SQL: the structured query written out as SQL, so switching keeps the chart. */
export function withSqlMode(draft: Draft, dataset: DatasetInfo | undefined): Draft {
  if (!isStructured(draft)) return draft;
  const sql = dataset ? structuredToSql(draft.data.query, dataset.table_name) : 'SELECT 1';
  return { ...draft, data: { dataset_id: draft.data.dataset_id, sql } };
}

/** SQL → query builder: the query kept from before, else a first one over the dataset. */
export function withBuilderMode(draft: Draft, columns: Column[], previous: DraftQuery | undefined): Draft {
  if (isStructured(draft)) return draft;
  return {
    ...draft,
    data: { dataset_id: draft.data.dataset_id, query: previous ?? defaultQuery(columns, draft.type) },
  };
}

/** The result column name of a measure (as the server names it): alias, else aggregate_field, else count. */
export function measureName(m: DraftMeasure): string {
  return m.as ?? (m.field ? `${m.aggregate}_${m.field}` : 'count');
}

export function dimensionName(d: DraftDimension): string {
  return d.as ?? d.field;
}

/**
 * The columns a structured query's result will have (dimensions, then measures, then the
 * calculations' new columns), with their kinds: what sort, encoding and calculations can name.
 */
export function resultColumns(draft: Draft, datasetColumns: Column[]): Column[] {
  if (!isStructured(draft)) return [];
  const kinds = new Map(datasetColumns.map((c) => [c.name.toLowerCase(), c.kind]));
  const query = draft.data.query;
  const columns: Column[] = [
    ...(query.dimensions ?? []).map((d) => ({
      name: dimensionName(d),
      kind: kinds.get(d.field.toLowerCase()) ?? 'other',
    })),
    ...(query.measures ?? []).map((m) => ({
      name: measureName(m),
      kind: (['min', 'max'].includes(m.aggregate) && m.field ? kinds.get(m.field.toLowerCase()) : 'number') ?? 'number',
    })),
  ];
  return [...columns, ...calculationColumns(draft.calculations ?? [])];
}

/** The columns calculations add, by their result names. */
export function calculationColumns(calculations: DraftCalculation[]): Column[] {
  return calculations.map((c) => ({ name: calculationName(c), kind: 'number' as const }));
}

/** A calculation's result column (as the drawing names it when `as` is left out). */
export function calculationName(c: DraftCalculation): string {
  return resultName(c as Calculation);
}

/**
 * A title that says what the chart shows ("Sum of revenue by region"; a KPI's "Sum of revenue
 * (latest month)"; a histogram's "Distribution of revenue"), until the user gives one.
 */
export function autoTitle(draft: Draft, datasetName?: string): string {
  if (!isStructured(draft)) return datasetName ? `${datasetName} (SQL)` : 'New chart';
  const { dimensions = [], measures = [] } = draft.data.query;
  const what = measures
    .map((m) => (m.field ? `${AGGREGATE_LABELS[m.aggregate].toLowerCase()} of ${m.field}` : 'count'))
    .join(' and ');
  const fields = dimensions.map((d) => d.field).join(' and ');
  let text: string;
  if (draft.type === 'histogram' && !what && fields) text = `distribution of ${fields}`;
  else if (draft.type === 'kpi' && what) {
    const grain = dimensions.find((d) => d.time_grain)?.time_grain;
    text = grain ? `${what} (latest ${grain})` : what;
  } else if (!what && fields) text = `rows by ${fields}`;
  else text = [what, fields ? `by ${fields}` : ''].filter(Boolean).join(' ');
  if (!text) return datasetName ?? 'New chart';
  return (text.charAt(0).toUpperCase() + text.slice(1)).slice(0, 200);
}

export const AGGREGATE_LABELS: Record<DraftMeasure['aggregate'], string> = {
  count: 'Count',
  count_distinct: 'Distinct count',
  sum: 'Sum',
  avg: 'Average',
  min: 'Min',
  max: 'Max',
  median: 'Median',
};

/** The chart's title: the spec's own, else the chart's saved one, else one made from the query. */
export function chartTitle(draft: Draft, saved: string | undefined, datasetName?: string): string {
  return draft.style?.title?.trim() || saved || autoTitle(draft, datasetName);
}

/**
 * A copy of `value` with `path` set (undefined removes it; objects it leaves empty below the
 * spec's own sections go too, so clearing a control leaves no `{}` behind).
 */
export function setIn<T>(value: T, path: readonly (string | number)[], next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const container: Record<string | number, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...((value ?? {}) as Record<string, unknown>) };
  const child = (container as Record<string | number, unknown>)[key];
  const updated = rest.length === 0 ? next : setIn(child, rest, next);
  if (updated === undefined && !Array.isArray(container)) delete (container as Record<string, unknown>)[key];
  else (container as Record<string | number, unknown>)[key] = updated;
  return container as T;
}

/** Sets a value inside the spec, removing objects the change left empty (below the top level). */
export function setSpec(draft: Draft, path: readonly (string | number)[], next: unknown): Draft {
  let result = setIn(draft, path, next);
  // Prune from the deepest parent up, but never the spec's sections themselves (style, encoding…).
  for (let depth = path.length - 1; depth >= 2; depth--) {
    const parentPath = path.slice(0, depth);
    const parent = getIn(result, parentPath);
    if (isPlainObject(parent) && Object.keys(parent).length === 0) result = setIn(result, parentPath, undefined);
    else break;
  }
  return result;
}

export function getIn(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type FieldErrors = Record<string, string>;

/** The key of a field in FieldErrors: its path joined by dots ("data.query.measures.0.field"). */
export const errorKey = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * Why the draft is not a valid spec yet, keyed by field path, in words for a person: what
 * to pick or fill in. Empty when the spec is valid.
 */
export function draftIssues(draft: Draft): FieldErrors {
  const parsed = ChartSpec.safeParse(draft);
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[errorKey(issue.path)] ??= friendlyMessage(issue);
  return errors;
}

function friendlyMessage(issue: z.core.$ZodIssue): string {
  const last = issue.path.at(-1);
  if (last === 'dataset_id') return 'Pick a dataset';
  if (last === 'sql' && issue.code === 'too_small') return 'Write a SELECT query';
  if (last === 'field' && issue.code === 'too_small') return 'Pick a column';
  if (last === 'formula' && issue.code === 'too_small') return 'Write a formula';
  if (last === 'as' && issue.code === 'too_small') return 'Give the new column a name';
  const message = issue.message;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * The API's field errors (problem+json `errors[].path`, e.g. /body/configuration/data/query/…
 * or /body/spec/…) as FieldErrors keys inside the spec; the rest is returned apart.
 */
export function apiFieldErrors(errors: readonly { path: string; message: string }[] | undefined): {
  byField: FieldErrors;
  other: string[];
} {
  const byField: FieldErrors = {};
  const other: string[] = [];
  for (const { path, message } of errors ?? []) {
    const match = /^\/body\/(?:configuration|spec)\/(.+)$/.exec(path) ?? /^\/configuration\/(.+)$/.exec(path);
    const text = message.charAt(0).toUpperCase() + message.slice(1);
    if (match?.[1]) byField[match[1].replaceAll('/', '.')] ??= text;
    else other.push(text);
  }
  return { byField, other };
}

/** The errors for fields under `prefix` ("data.query.measures.0"), by the rest of their key. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(errors))
    if (key === prefix) out[''] = message;
    else if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = message;
  return out;
}

/** Text typed in the JSON view: the spec it describes, or why it cannot be used. */
export function parseSpecText(text: string): { draft: Draft } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isPlainObject(value)) return { error: 'The spec must be a JSON object' };
  const parsed = ChartSpec.safeParse(value);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    return { error: `Not a valid chart spec. ${where}${first?.message ?? 'invalid'}` };
  }
  return { draft: value as Draft };
}

/** An identifier in DuckDB SQL, quoted when it is not a plain lower-case name. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

function sqlLiteral(value: string | number | boolean): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

const AGGREGATE_SQL: Record<DraftMeasure['aggregate'], (c: string) => string> = {
  count: (c) => `count(${c})`,
  count_distinct: (c) => `count(DISTINCT ${c})`,
  sum: (c) => `sum(${c})`,
  avg: (c) => `avg(${c})`,
  min: (c) => `min(${c})`,
  max: (c) => `max(${c})`,
  median: (c) => `median(${c})`,
};

/**
 * A structured query as the SQL a person would write for it (values inlined as literals): the
 * starting point when switching to SQL. The server checks and runs it like any other SQL.
 */
export function structuredToSql(query: DraftQuery, tableName: string): string {
  const dims = query.dimensions ?? [];
  const measures = query.measures ?? [];
  const select = [
    ...dims.map((d) => {
      const col = quoteIdent(d.field);
      const expr = d.time_grain ? `date_trunc('${d.time_grain}', ${col})` : col;
      return `${expr} AS ${quoteIdent(dimensionName(d))}`;
    }),
    ...measures.map(
      (m) => `${AGGREGATE_SQL[m.aggregate](m.field ? quoteIdent(m.field) : '*')} AS ${quoteIdent(measureName(m))}`,
    ),
  ];
  const where = (query.filters ?? []).map((f) => {
    const col = quoteIdent(f.field);
    const values = (f.values ?? []).map(sqlLiteral);
    switch (f.op) {
      case 'is_null':
        return `${col} IS NULL`;
      case 'not_null':
        return `${col} IS NOT NULL`;
      case 'in':
        return `${col} IN (${values.join(', ')})`;
      case 'not_in':
        return `${col} NOT IN (${values.join(', ')})`;
      case 'between':
        return `${col} BETWEEN ${values[0]} AND ${values[1]}`;
      case 'contains':
        return `contains(lower(CAST(${col} AS VARCHAR)), lower(${sqlLiteral(String(f.value ?? ''))}))`;
      default:
        return `${col} ${f.op} ${sqlLiteral(f.value ?? '')}`;
    }
  });
  const grouped = dims.length > 0 && measures.length > 0;
  const order = (query.sort ?? []).map((s) => `${quoteIdent(s.field)} ${(s.direction ?? 'asc').toUpperCase()}`);
  if (order.length === 0 && dims.length > 0) order.push(...dims.map((_, i) => String(i + 1)));
  return [
    `SELECT ${select.join(', ') || '*'}`,
    `FROM ${quoteIdent(tableName)}`,
    where.length ? `WHERE ${where.join(' AND ')}` : '',
    grouped ? `GROUP BY ${dims.map((_, i) => i + 1).join(', ')}` : '',
    order.length ? `ORDER BY ${order.join(', ')}` : '',
    query.limit ? `LIMIT ${query.limit}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A 0-based character offset in a text as "line 2, column 7" (1-based, as editors count). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
