import type { ChartType } from '../../shared/chart-spec.js';
import type { ToolOutputs } from '../tools/contracts.js';
import { type DatasetInfo, isNumeric, isTime } from './match-columns.js';
import type { DatasetDescription } from './match-values.js';
import type { ToolStep } from './read-conversation.js';
import { plural } from './words.js';

// The offline model's words: what it did, what it found, what went wrong, and what it can do.
// Plain sentences built from tool results; nothing here decides what to do next (plan.ts does).

const TYPE_LABELS: Record<ChartType, [label: string, unit: string | undefined]> = {
  line: ['line chart', 'point'],
  area: ['area chart', 'point'],
  bar: ['bar chart', 'row'],
  stacked_bar: ['stacked bar chart', 'row'],
  pie: ['pie chart', 'slice'],
  donut: ['donut chart', 'slice'],
  scatter: ['scatter plot', 'point'],
  heatmap: ['heatmap', 'cell'],
  histogram: ['histogram', 'value'],
  kpi: ['KPI', undefined],
  table: ['table', 'row'],
  combo: ['combo chart', 'point'],
};

const count = (n: number, unit: string) => `${n.toLocaleString('en-US')} ${unit}${n === 1 ? '' : 's'}`;
const human = (name: string) => name.replaceAll('_', ' ');

/** "Here is Revenue by month (line chart, 24 points)." and what the chart's checks warned about. */
export function chartMade(made: ToolOutputs['make_chart']): string {
  const [label, unit] = TYPE_LABELS[made.spec.type];
  const size = unit ? `, ${count(made.row_count, unit)}` : '';
  const parts = [`Here is ${made.title} (${label}${size}).`];
  if (made.row_count === 0) parts.push('It has no data: the filters may be too narrow.');
  for (const warning of made.warnings.slice(0, 3)) parts.push(`Note: ${warning}`);
  return parts.join(' ');
}

/** "I added it to the Sales overview dashboard, as version 7." */
export function chartPlaced(
  placed: { dashboardTitle: string; created: boolean; searched: boolean; readOnlyMatch?: string | undefined },
  result: ToolOutputs['add_chart'],
  chartTitle: string | undefined,
): string {
  const it = chartTitle ? `“${chartTitle}”` : placed.created ? 'the chart' : 'it';
  const version = `as version ${result.version_number}`;
  if (!placed.created) return `I added ${it} to the ${placed.dashboardTitle} dashboard, ${version}.`;
  const why = placed.readOnlyMatch
    ? `You can only view “${placed.readOnlyMatch}”, so `
    : placed.searched
      ? `I found no dashboard called “${placed.dashboardTitle}” that you can edit, so `
      : '';
  const created = `${why}I created the dashboard “${placed.dashboardTitle}” and added ${it} to it, ${version}.`;
  return created.charAt(0).toUpperCase() + created.slice(1);
}

const FAILED: Record<string, string> = {
  list_datasets: 'I could not list your datasets',
  describe_dataset: 'I could not read the dataset’s sample values',
  run_query: 'The query failed',
  make_chart: 'I could not make the chart',
  find_dashboards: 'I could not look up your dashboards',
  create_dashboard: 'I could not create the dashboard',
  add_chart: 'I could not add the chart to the dashboard',
  save_to_workspace: 'I could not save it to your workspace',
  search_chats: 'I could not search your chats',
};

/** A failed tool, said plainly, with its own message. */
export function toolFailed(step: ToolStep, error: string): string {
  return `${FAILED[step.toolName] ?? `The ${step.toolName} tool failed`}: ${error.trim().replace(/\.?$/, '.')}`;
}

/** The datasets, one line each with its columns. */
export function datasetList(datasets: DatasetInfo[]): string {
  if (datasets.length === 0) return 'You have no datasets yet. Upload a CSV, JSON or Parquet file to start.';
  const lines = datasets.map((d) => {
    const rows = count(d.row_count, 'row');
    return `- ${d.name} (${rows}): ${d.columns.map((c) => c.name).join(', ')}`;
  });
  return `You have ${count(datasets.length, 'dataset')}:\n${lines.join('\n')}`;
}

/** One dataset's columns, with types, ranges and examples where known. */
export function datasetDescription(d: DatasetDescription): string {
  const lines = d.columns.map((c) => {
    const facts: string[] = [c.type];
    if (c.min !== undefined && c.max !== undefined && c.min !== null)
      facts.push(`${String(c.min)} to ${String(c.max)}`);
    const samples = (c.samples ?? []).filter((s) => s !== null).slice(0, 3);
    if (c.kind === 'string' && samples.length) facts.push(`e.g. ${samples.map(String).join(', ')}`);
    return `- ${c.name} (${facts.join(', ')})`;
  });
  return `${d.name} has ${count(d.row_count, 'row')} and these columns:\n${lines.join('\n')}`;
}

/** Search hits, each with its chat's title. */
export function searchHits(query: string, result: ToolOutputs['search_chats']): string {
  if (result.hits.length === 0) return `I found nothing about “${query}” in your earlier chats.`;
  const lines = result.hits
    .slice(0, 8)
    .map((h) => `- ${h.session_title ? `In “${h.session_title}”: ` : ''}${h.snippet.replace(/\s+/g, ' ').trim()}`);
  return `I found ${count(result.hits.length, 'message')} about “${query}”:\n${lines.join('\n')}`;
}

/** A query's first rows as text, for agents that may query but not chart. */
export function queryRows(title: string, result: ToolOutputs['run_query']): string {
  if (result.rows.length === 0) return `${title}: no rows.`;
  const header = result.columns.map((c) => c.name).join(' | ');
  const rows = result.rows.slice(0, 12).map((r) => r.map((v) => (v === null ? '' : String(v))).join(' | '));
  const more = result.rows.length > 12 || result.truncated ? '\n…' : '';
  return `${title}:\n${header}\n${rows.join('\n')}${more}`;
}

/** Three requests that would work on these datasets, in their own column names. */
function examples(datasets: DatasetInfo[]): string[] {
  const found: string[] = [];
  const templates = [
    (d: DatasetInfo) => {
      const measure = d.columns.find(isNumeric);
      return measure && d.columns.some(isTime) ? `${human(measure.name)} by month as a line chart` : undefined;
    },
    (d: DatasetInfo) => {
      const measure = d.columns.find(isNumeric);
      const group = d.columns.find((c) => c.kind === 'string');
      return measure && group ? `top 5 ${plural(human(group.name))} by ${human(measure.name)}` : undefined;
    },
    (d: DatasetInfo) => {
      const measure = d.columns.filter(isNumeric).at(-1);
      const group = d.columns.filter((c) => c.kind === 'string').at(-1);
      const period = d.columns.some(isTime) ? ' last 30 days' : '';
      return measure && group ? `average ${human(measure.name)} per ${human(group.name)}${period}` : undefined;
    },
  ];
  // Spread the examples over the datasets, so each of them shows up when there are several.
  for (const [i, template] of templates.entries())
    for (let k = 0; k < datasets.length; k++) {
      const example = template(datasets[(i + k) % datasets.length] as DatasetInfo);
      if (example) {
        found.push(example);
        break;
      }
    }
  return found;
}

/** What the model can do, with examples from the user's datasets when it knows them. */
export function helpText(datasets: DatasetInfo[] | undefined, problem?: string): string {
  const intro =
    'I am OCP’s built-in offline assistant: I follow rules rather than a language model, so I understand short requests about your data. ' +
    'I can chart a measure over time or by a column (top N, a filter, the last N days, a chart type), add the chart to a dashboard or save it to your workspace, list your datasets and search your earlier chats.';
  const tried = datasets ? examples(datasets) : [];
  const list = tried.length
    ? tried
    : ['what data do I have?', 'revenue by month as a line chart', 'top 5 regions by sales'];
  const lines = list.map((e) => `- “${e}”`).join('\n');
  return `${problem ? `${problem} ` : ''}${intro} For example:\n${lines}`;
}
