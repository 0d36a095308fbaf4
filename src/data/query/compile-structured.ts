import type { StructuredQuery } from '../../shared/chart-spec.js';
import type { DatasetColumn } from '../../shared/datasets.js';
import { ident } from '../ingest/read-source.js';

/** A structured query that names something the dataset does not have; path is inside the query. */
export class StructuredQueryError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export interface CompiledQuery {
  sql: string;
  params: Record<string, string | number | boolean>;
}

/** The result column name of a measure: its alias, else aggregate_field (count alone: "count"). */
export function measureName(m: StructuredQuery['measures'][number]): string {
  return m.as ?? (m.field ? `${m.aggregate}_${m.field}` : 'count');
}

/** SQL of each aggregate of the chart spec, over a quoted column or *. */
export const AGGREGATE_SQL: Record<string, (column: string) => string> = {
  count: (c) => `count(${c})`,
  count_distinct: (c) => `count(distinct ${c})`,
  sum: (c) => `sum(${c})`,
  avg: (c) => `avg(${c})`,
  min: (c) => `min(${c})`,
  max: (c) => `max(${c})`,
  median: (c) => `median(${c})`,
};

/**
 * SQL for a structured query over one dataset. Identifiers are quoted and checked against the
 * dataset's columns; filter values travel as parameters, cast to their column's type; nothing a
 * user typed becomes SQL text.
 */
export function compileStructuredQuery(
  query: StructuredQuery,
  tableName: string,
  columns: DatasetColumn[],
): CompiledQuery {
  const byName = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  const column = (name: string, path: string): DatasetColumn => {
    const found = byName.get(name.toLowerCase());
    if (!found)
      throw new StructuredQueryError(
        path,
        `"${name}" is not a column of this dataset (it has ${columns.map((c) => c.name).join(', ')})`,
      );
    return found;
  };

  const params: CompiledQuery['params'] = {};
  const param = (value: string | number | boolean, type: string): string => {
    const name = `p${Object.keys(params).length}`;
    params[name] = value;
    return `CAST($${name} AS ${type})`;
  };

  const select: string[] = [];
  const resultNames: string[] = [];
  for (const [i, d] of query.dimensions.entries()) {
    const c = column(d.field, `/dimensions/${i}/field`);
    if (d.time_grain && c.kind !== 'date' && c.kind !== 'timestamp')
      throw new StructuredQueryError(`/dimensions/${i}/time_grain`, `"${c.name}" is not a date or time`);
    const name = d.as ?? c.name;
    const expr = d.time_grain
      ? `date_trunc('${d.time_grain}', ${ident(c.name)})${c.kind === 'date' ? '::date' : ''}`
      : ident(c.name);
    select.push(`${expr} AS ${ident(name)}`);
    resultNames.push(name);
  }
  for (const [i, m] of query.measures.entries()) {
    const target = m.field ? ident(column(m.field, `/measures/${i}/field`).name) : '*';
    if (m.field && ['sum', 'avg', 'median'].includes(m.aggregate) && column(m.field, '').kind !== 'number')
      throw new StructuredQueryError(
        `/measures/${i}/aggregate`,
        `${m.aggregate} needs a numeric column; "${m.field}" is not`,
      );
    select.push(`${(AGGREGATE_SQL[m.aggregate] as (c: string) => string)(target)} AS ${ident(measureName(m))}`);
    resultNames.push(measureName(m));
  }

  const where = query.filters.map((f, i) => {
    const c = column(f.field, `/filters/${i}/field`);
    const col = ident(c.name);
    const value = (v: string | number | boolean) => param(v, c.type);
    switch (f.op) {
      case 'is_null':
        return `${col} IS NULL`;
      case 'not_null':
        return `${col} IS NOT NULL`;
      case 'in':
        return `${col} IN (${(f.values ?? []).map(value).join(', ')})`;
      case 'not_in':
        return `${col} NOT IN (${(f.values ?? []).map(value).join(', ')})`;
      case 'between':
        return `${col} BETWEEN ${value(f.values?.[0] as string)} AND ${value(f.values?.[1] as string)}`;
      case 'contains':
        return `contains(lower(CAST(${col} AS VARCHAR)), lower(${param(String(f.value), 'VARCHAR')}))`;
      default:
        return `${col} ${f.op} ${value(f.value as string)}`;
    }
  });

  const lowerResult = new Map(resultNames.map((n) => [n.toLowerCase(), n]));
  const order = query.sort.map((s, i) => {
    const name = lowerResult.get(s.field.toLowerCase());
    if (!name)
      throw new StructuredQueryError(
        `/sort/${i}/field`,
        `sort by a dimension or measure of the query (${resultNames.join(', ')})`,
      );
    return `${ident(name)} ${s.direction.toUpperCase()}`;
  });
  // Left unsorted, a query reads in the order of its dimensions (time first), which is what a chart wants.
  if (order.length === 0 && query.dimensions.length > 0)
    order.push(...query.dimensions.map((_, i) => `${i + 1} ASC NULLS LAST`));

  const grouped = query.measures.length > 0 && query.dimensions.length > 0;
  return {
    sql: [
      `SELECT ${select.join(', ')}`,
      `FROM ${ident(tableName)}`,
      where.length ? `WHERE ${where.join(' AND ')}` : '',
      grouped ? `GROUP BY ${query.dimensions.map((_, i) => i + 1).join(', ')}` : '',
      order.length ? `ORDER BY ${order.join(', ')}` : '',
      query.limit ? `LIMIT ${query.limit}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    params,
  };
}
