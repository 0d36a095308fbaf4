import { type FlexibleSchema, zodSchema } from 'ai';
import { z } from 'zod';
import { ChartSpec, QUERY_RESULT_KINDS_NOTE } from './contract-helpers.js';

// The assistant's tools: names, what each takes and what it answers. The same contracts serve
// every model (an LLM sees them as JSON Schema; the offline model builds inputs for them) and
// the tool implementations (src/ai/tools/*.ts), which run as the user through the same service
// functions as the HTTP API.

export const TOOL_NAMES = [
  'list_datasets',
  'describe_dataset',
  'run_query',
  'make_chart',
  'find_dashboards',
  'create_dashboard',
  'create_tab',
  'add_chart',
  'update_chart',
  'remove_chart',
  'save_to_workspace',
  'search_chats',
] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** Tools that change a dashboard: each saves a version with a summary and provenance. */
export const DASHBOARD_WRITE_TOOLS: readonly ToolName[] = [
  'create_dashboard',
  'create_tab',
  'add_chart',
  'update_chart',
  'remove_chart',
];

/**
 * Tools that take a chart someone already made take it loosely and check it when they run: the
 * full chart spec schema is large, and sending it once (make_chart) rather than four times keeps
 * every turn's tool definitions thousands of tokens smaller.
 */
const MadeChart = z
  .record(z.string(), z.unknown())
  .describe('A chart spec, as make_chart returned it (checked again here)');

const Reason = z.string().min(1).max(500).describe('Why: one sentence, recorded in the dashboard version');

export const ToolInputs = {
  list_datasets: z.object({}).describe('The datasets the user can read, with their columns'),
  describe_dataset: z
    .object({ dataset_id: z.guid() })
    .describe('One dataset: columns with types, sample values and simple statistics'),
  run_query: z
    .object({
      dataset_id: z.guid().describe('The dataset the query is about'),
      sql: z
        .string()
        .max(20_000)
        .optional()
        .describe('One read-only SELECT; datasets are tables named by their table_name'),
      query: z
        .record(z.string(), z.unknown())
        .optional()
        .describe('Or a structured query: {dimensions, measures, filters, sort, limit} as in the chart spec'),
    })
    .describe(`Run a read-only query; answers at most 50 rows. ${QUERY_RESULT_KINDS_NOTE}`),
  make_chart: z
    .object({ title: z.string().min(1).max(200), spec: ChartSpec })
    .describe(
      'Make a chart from a chart spec (checked, and its query run); it is shown in the chat, not saved anywhere yet',
    ),
  find_dashboards: z
    .object({ query: z.string().max(200).optional().describe('Words of the title; empty: the most recent') })
    .describe('Dashboards the user can open, with their tabs'),
  create_dashboard: z
    .object({
      title: z.string().min(1).max(200),
      description: z.string().max(2000).optional(),
      team_id: z.guid().optional().describe('For a team (the user must be editor or admin); else personal'),
      reason: Reason,
    })
    .describe('Create a dashboard with one empty tab'),
  create_tab: z
    .object({ dashboard_id: z.guid(), title: z.string().min(1).max(200), reason: Reason })
    .describe('Add a tab'),
  add_chart: z
    .object({
      dashboard_id: z.guid(),
      tab_id: z.guid().optional().describe('Left out: the first tab with room (a tab holds at most 10 charts)'),
      title: z.string().min(1).max(200),
      spec: MadeChart,
      reason: Reason,
    })
    .describe('Put a chart on a dashboard tab'),
  update_chart: z
    .object({
      chart_id: z.guid(),
      title: z.string().min(1).max(200).optional(),
      spec: MadeChart.optional(),
      reason: Reason,
    })
    .describe('Change a chart on a dashboard'),
  remove_chart: z.object({ chart_id: z.guid(), reason: Reason }).describe('Remove a chart from its dashboard'),
  save_to_workspace: z
    .object({
      title: z.string().min(1).max(200),
      spec: MadeChart.optional().describe('A chart to keep, as make_chart returned it'),
      note: z.string().max(20_000).optional().describe('Or text to keep (markdown)'),
      tags: z.array(z.string().min(1).max(50)).max(20).optional(),
    })
    .describe('Keep a chart or a note in the user’s personal workspace'),
  search_chats: z.object({ query: z.string().min(1).max(200) }).describe('Search the user’s earlier chats'),
} satisfies Record<ToolName, z.ZodType>;

export type ToolInput<N extends ToolName> = z.infer<(typeof ToolInputs)[N]>;

/** What each tool answers (as JSON). A failed tool answers { error: string } instead, which the model reads. */
export interface ToolOutputs {
  list_datasets: {
    datasets: {
      id: string;
      name: string;
      table_name: string;
      description: string | null;
      row_count: number;
      columns: { name: string; type: string; kind: string }[];
    }[];
  };
  describe_dataset: {
    id: string;
    name: string;
    table_name: string;
    row_count: number;
    columns: {
      name: string;
      type: string;
      kind: string;
      /** A few distinct values (omitted in privacy mode). */
      samples?: unknown[];
      distinct?: number;
      nulls?: number;
      min?: unknown;
      max?: unknown;
    }[];
  };
  run_query: { columns: { name: string; kind: string }[]; rows: unknown[][]; truncated: boolean; sql: string };
  make_chart: {
    title: string;
    /** The spec with defaults filled in: what add_chart and save_to_workspace take. */
    spec: z.infer<typeof ChartSpec>;
    row_count: number;
    columns: { name: string; kind: string }[];
    warnings: string[];
  };
  find_dashboards: {
    dashboards: {
      id: string;
      title: string;
      can_edit: boolean;
      tabs: { id: string; title: string; chart_count: number }[];
    }[];
  };
  create_dashboard: { dashboard_id: string; tab_id: string; version_number: number };
  create_tab: { tab_id: string; version_number: number };
  add_chart: { chart_id: string; dashboard_id: string; tab_id: string; version_number: number };
  update_chart: { chart_id: string; dashboard_id: string; version_number: number };
  remove_chart: { dashboard_id: string; version_number: number };
  save_to_workspace: { item_id: string };
  search_chats: { hits: { message_id: string; session_id: string; session_title: string | null; snippet: string }[] };
}

/**
 * The tools' input schemas for the AI SDK, made once: converting the chart spec to JSON Schema
 * on every turn would cost each turn milliseconds of CPU.
 */
export const TOOL_SCHEMAS = Object.fromEntries(
  TOOL_NAMES.map((name) => [name, zodSchema(ToolInputs[name] as z.ZodType<Record<string, unknown>>)]),
) as unknown as { [N in ToolName]: FlexibleSchema<z.infer<(typeof ToolInputs)[N]>> };

/** A tool's description, for the model. */
export const toolDescription = (name: ToolName): string => ToolInputs[name].description ?? name;
