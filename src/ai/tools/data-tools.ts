import { tool } from 'ai';
import { toEChartsOption } from '../../data/charts/to-echarts.js';
import { ident } from '../../data/ingest/read-source.js';
import { asSpecProblem, chartData } from '../../server/charts/service.js';
import * as datasets from '../../server/datasets/queries.js';
import { notFound } from '../../server/errors/api-error.js';
import { callerDatasets, runQuery } from '../../server/query/service.js';
import { ChartSpec, StructuredQuery } from '../../shared/chart-spec.js';
import { capOutput, type ToolContext, toolError } from './context.js';
import { TOOL_SCHEMAS, type ToolOutputs, toolDescription } from './contracts.js';

/** Rows a query tool shows a model at most. */
const MAX_ROWS_TO_MODEL = 50;

export function dataTools(ctx: ToolContext) {
  const lookup = callerDatasets(ctx.db, ctx.caller);
  return {
    list_datasets: tool({
      description: toolDescription('list_datasets'),
      inputSchema: TOOL_SCHEMAS.list_datasets,
      execute: async (): Promise<ToolOutputs['list_datasets'] | { error: string }> => {
        try {
          const rows = await ctx.db.asCaller(ctx.caller, (tx) =>
            datasets.listDatasets(tx, { scope: 'all', limit: 100 }),
          );
          return capOutput({
            datasets: rows.map((d) => ({
              id: d.id,
              name: d.name,
              table_name: d.table_name,
              description: d.description,
              row_count: d.row_count,
              columns: d.columns.map((c) => ({ name: c.name, type: c.type, kind: c.kind })),
            })),
          });
        } catch (error) {
          return toolError(error);
        }
      },
    }),

    describe_dataset: tool({
      description: toolDescription('describe_dataset'),
      inputSchema: TOOL_SCHEMAS.describe_dataset,
      execute: async ({ dataset_id }): Promise<ToolOutputs['describe_dataset'] | { error: string }> => {
        try {
          const dataset = await ctx.db.asCaller(ctx.caller, (tx) => datasets.getDataset(tx, dataset_id));
          if (!dataset) throw notFound('Dataset not found');
          const table = ident(dataset.table_name);
          const summary = await runQuery(
            ctx.data,
            lookup,
            { sql: `summarize ${table}`, dataset_id },
            { maxRows: 1000, path: '' },
          );
          const sample = ctx.privacy
            ? undefined
            : await runQuery(
                ctx.data,
                lookup,
                { sql: `select * from ${table} limit 5`, dataset_id },
                { maxRows: 5, path: '' },
              );
          const col = (name: string) => summary.columns.findIndex((c) => c.name === name);
          const [nameAt, minAt, maxAt, uniqueAt, nullAt] = [
            'column_name',
            'min',
            'max',
            'approx_unique',
            'null_percentage',
          ].map(col);
          const columns = dataset.columns.map((c, i) => {
            const stats = summary.rows.find((r) => r[nameAt as number] === c.name) ?? [];
            // In privacy mode only aggregates leave: no sample values, and no min/max of text (which are values).
            const showValues = !ctx.privacy || c.kind === 'number';
            return {
              name: c.name,
              type: c.type,
              kind: c.kind,
              distinct: Number(stats[uniqueAt as number] ?? 0),
              nulls: Math.round((Number(stats[nullAt as number] ?? 0) / 100) * dataset.row_count),
              ...(showValues ? { min: stats[minAt as number], max: stats[maxAt as number] } : {}),
              ...(sample ? { samples: [...new Set(sample.rows.map((r) => r[i]))].slice(0, 5) } : {}),
            };
          });
          return capOutput({
            id: dataset.id,
            name: dataset.name,
            table_name: dataset.table_name,
            row_count: dataset.row_count,
            columns,
          });
        } catch (error) {
          return toolError(error);
        }
      },
    }),

    run_query: tool({
      description: toolDescription('run_query'),
      inputSchema: TOOL_SCHEMAS.run_query,
      execute: async ({ dataset_id, sql, query }): Promise<ToolOutputs['run_query'] | { error: string }> => {
        try {
          if (!sql && !query) return { error: 'Give either sql or query.' };
          // Privacy mode: only aggregates reach the model, so only structured queries with a
          // measure run (SQL could select raw rows in too many ways to police by inspection).
          if (ctx.privacy && (sql || !StructuredQuery.parse(query).measures.length))
            return {
              error:
                'Privacy mode is on: only aggregated results may be shown to the assistant. Use a structured query with at least one measure (count, sum, avg …).',
            };
          const source = sql ? { sql, dataset_id } : { dataset_id, query: StructuredQuery.parse(query) };
          const result = await runQuery(ctx.data, lookup, source, { maxRows: MAX_ROWS_TO_MODEL, path: '' });
          const columns = result.columns.map((c) => ({ name: c.name, kind: c.kind }));
          return capOutput({ columns, rows: result.rows, truncated: result.truncated, sql: result.sql });
        } catch (error) {
          return toolError(error);
        }
      },
    }),

    make_chart: tool({
      description: toolDescription('make_chart'),
      inputSchema: TOOL_SCHEMAS.make_chart,
      execute: async ({ title, spec: input }): Promise<ToolOutputs['make_chart'] | { error: string }> => {
        try {
          const spec = ChartSpec.parse(input);
          const { raw } = await chartData(ctx.data, lookup, spec, '');
          let warnings: string[];
          try {
            warnings = toEChartsOption(spec, raw).warnings;
          } catch (error) {
            throw asSpecProblem(error, '/spec');
          }
          ctx.routes.push({ tool: 'make_chart', target: 'chat' });
          return {
            title,
            spec,
            row_count: raw.rows.length,
            columns: raw.columns.map((c) => ({ name: c.name, kind: c.kind })),
            warnings,
          };
        } catch (error) {
          return toolError(error);
        }
      },
    }),
  };
}
