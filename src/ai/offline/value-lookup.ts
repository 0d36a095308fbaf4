import { ident, literal } from '../../data/ingest/read-source.js';
import type { ToolOutputs } from '../tools/contracts.js';
import type { DatasetInfo } from './match-columns.js';
import { type DatasetDescription, runs } from './match-values.js';
import type { ToolStep } from './read-conversation.js';
import type { ValuePhrase } from './understand-chart.js';

// Finding which column holds a value the user said ("in South"), by asking the data: one
// run_query over the dataset's text columns, case-insensitive. describe_dataset's samples are a
// handful of values (from the first rows), so most values are only found this way. Its answer
// is read as more sample values; if the query is refused (privacy mode), the chart is simply
// made without that filter.

/** Result column names that mark a query as the offline model's value lookup. */
const COLUMN_ALIAS = 'ocp_column';
const VALUE_ALIAS = 'ocp_value';
/** Text columns and spellings a lookup tries at most: enough for a sentence, small for a query. */
const MAX_COLUMNS = 12;
const MAX_SPELLINGS = 30;

/** run_query's input looking up the words of these phrases in the dataset's text columns. */
export function valueLookup(
  dataset: DatasetInfo,
  phrases: ValuePhrase[],
): { dataset_id: string; sql: string } | undefined {
  const columns = dataset.columns.filter((c) => c.kind === 'string').slice(0, MAX_COLUMNS);
  const spellings = new Set<string>();
  for (const option of phrases.flatMap((p) => p.options))
    for (const run of runs(option))
      spellings.add(
        run
          .map((w) => w.text)
          .join(' ')
          .toLowerCase(),
      );
  const wanted = [...spellings].slice(0, MAX_SPELLINGS);
  if (columns.length === 0 || wanted.length === 0) return undefined;
  // Escaped string literals (run_query takes no parameters); the SQL is checked read-only as any other.
  const list = wanted.map(literal).join(', ');
  const table = ident(dataset.table_name);
  const parts = columns.map(
    (c) =>
      `select distinct ${literal(c.name)} as ${ident(COLUMN_ALIAS)}, ${ident(c.name)} as ${ident(VALUE_ALIAS)} from ${table} where lower(${ident(c.name)}) in (${list})`,
  );
  return { dataset_id: dataset.id, sql: parts.join('\nunion all\n') };
}

/** Whether a tool step is a value lookup (its failure is not the user's problem: the chart goes on). */
export function isValueLookup(step: ToolStep): boolean {
  const input = step.input as { sql?: unknown } | null;
  return step.toolName === 'run_query' && typeof input?.sql === 'string' && input.sql.includes(ident(VALUE_ALIAS));
}

/** The dataset's known values: its description's samples plus what lookups in `steps` found. */
export function knownValues(
  dataset: DatasetInfo,
  description: DatasetDescription | undefined,
  steps: ToolStep[],
): DatasetDescription | undefined {
  const found = new Map<string, unknown[]>();
  for (const step of steps) {
    const input = step.input as { dataset_id?: unknown } | null;
    if (!isValueLookup(step) || input?.dataset_id !== dataset.id || !step.outcome?.ok) continue;
    const result = step.outcome.value as ToolOutputs['run_query'];
    for (const [column, value] of result.rows ?? [])
      found.set(String(column), [...(found.get(String(column)) ?? []), value]);
  }
  if (found.size === 0) return description;
  const base: DatasetDescription = description ?? { ...dataset, columns: dataset.columns.map((c) => ({ ...c })) };
  return {
    ...base,
    columns: base.columns.map((c) => ({ ...c, samples: [...(c.samples ?? []), ...(found.get(c.name) ?? [])] })),
  };
}
