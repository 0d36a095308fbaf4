import type { UIMessage } from 'ai';
import type { ToolName, ToolOutputs } from '../../../ai/tools/contracts';

/** A tool call in an assistant message, as the AI SDK's UI stream builds it ("tool-<name>" parts). */
export interface ToolPart {
  type: `tool-${string}`;
  toolCallId: string;
  state: 'input-streaming' | 'input-available' | 'output-available' | 'output-error' | string;
  input?: unknown;
  output?: unknown;
  errorText?: string;
}

export function isToolPart(part: UIMessage['parts'][number]): part is UIMessage['parts'][number] & ToolPart {
  return part.type.startsWith('tool-') && 'toolCallId' in part;
}

export const toolName = (part: ToolPart) => part.type.slice('tool-'.length) as ToolName;

/** Tools whose success changed a dashboard (the same list as the server's DASHBOARD_WRITE_TOOLS). */
export const DASHBOARD_WRITE_TOOLS: ReadonlySet<ToolName> = new Set<ToolName>([
  'create_dashboard',
  'create_tab',
  'add_chart',
  'update_chart',
  'remove_chart',
]);

/** A tool that failed answers { error } to the model instead of its output. */
export function toolError(part: ToolPart): string | null {
  if (part.state === 'output-error') return part.errorText ?? 'The tool failed';
  const output = part.output as { error?: unknown } | undefined;
  return part.state === 'output-available' && typeof output?.error === 'string' ? output.error : null;
}

export type MadeChart = ToolOutputs['make_chart'];

/** The chart a finished make_chart call produced, if this part is one. */
export function madeChart(part: ToolPart): MadeChart | null {
  if (toolName(part) !== 'make_chart' || part.state !== 'output-available' || toolError(part)) return null;
  const output = part.output as MadeChart | undefined;
  return output?.spec ? output : null;
}

/** What each tool did, in words, while it runs and once it is done. */
export const TOOL_WORDS: Record<ToolName, { running: string; done: string }> = {
  list_datasets: { running: 'Looking at your datasets…', done: 'Looked at your datasets' },
  describe_dataset: { running: 'Reading a dataset’s columns…', done: 'Read a dataset’s columns' },
  run_query: { running: 'Running a query…', done: 'Ran a query' },
  make_chart: { running: 'Making a chart…', done: 'Made a chart' },
  find_dashboards: { running: 'Looking for dashboards…', done: 'Looked for dashboards' },
  create_dashboard: { running: 'Creating a dashboard…', done: 'Created a dashboard' },
  create_tab: { running: 'Adding a tab…', done: 'Added a tab' },
  add_chart: { running: 'Adding the chart to a dashboard…', done: 'Added the chart to a dashboard' },
  update_chart: { running: 'Changing a chart…', done: 'Changed a chart' },
  remove_chart: { running: 'Removing a chart…', done: 'Removed a chart' },
  save_to_workspace: { running: 'Saving to your workspace…', done: 'Saved to your workspace' },
  search_chats: { running: 'Searching earlier chats…', done: 'Searched earlier chats' },
};
